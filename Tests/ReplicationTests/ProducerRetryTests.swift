import Testing

@testable import Replication

/// docs/kafka-scenarios.md S9: lost produce responses, retries, duplicates and ordering, with and without idempotence.
@Suite struct ProducerRetryTests {
    let tp = TestCluster.tp

    /// RF 3, min ISR 2, offsets 0..6 committed, and a producer `p` with `settings`.
    static func setup(_ settings: [String: String]) throws -> Cluster {
        var cluster = TestCluster.make()
        TestCluster.produce(&cluster, 7)
        try cluster.createProducer("p", config: ProducerConfig(settings))
        return cluster
    }

    static func values(_ cluster: Cluster) -> [String] {
        TestCluster.log(cluster, on: 1).records.map(\.value)
    }

    @Test func s9aLostResponseWithoutIdempotenceWritesADuplicate() throws {
        var cluster = try Self.setup(["enable.idempotence": "false"])
        try cluster.apply(.dropResponses(count: 1), to: 1)
        let batches = try cluster.sendAndWait(producer: "p", topic: "t", values: ["m1"])
        #expect(batches[0].outcome == .acknowledged(baseOffset: 8))
        #expect(batches[0].attempts == 2)
        #expect(Self.values(cluster).suffix(2) == ["m1", "m1"])
        #expect(cluster.consume(topic: "t").map(\.value).filter { $0 == "m1" }.count == 2, "read twice")
        #expect(batches[0].completedAt! >= .milliseconds(30_000), "the retry waits for request.timeout.ms")
    }

    @Test func s9bIdempotentRetryIsRecognisedAsDuplicate() throws {
        var cluster = try Self.setup([:])
        try cluster.apply(.dropResponses(count: 1), to: 1)
        let batches = try cluster.sendAndWait(producer: "p", topic: "t", values: ["m1"])
        #expect(batches[0].outcome == .acknowledged(baseOffset: 7), "the original offset")
        #expect(batches[0].attempts == 2)
        #expect(Self.values(cluster).last == "m1")
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 8, "nothing appended by the retry")
        #expect(cluster.engine.eventLog.contains { $0.contains("recognises a duplicate batch") })
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test(arguments: [false, true])
    func s9cOrderingWithTwoRequestsInFlight(idempotent: Bool) throws {
        var cluster = try Self.setup([
            "enable.idempotence": String(idempotent), "max.in.flight.requests.per.connection": "2",
        ])
        // B0 gives the broker producer state for p (sequence 0).
        #expect(try cluster.sendAndWait(producer: "p", topic: "t", values: ["B0"])[0].outcome != nil)
        try cluster.apply(.crash, to: 2)
        try cluster.apply(.crash, to: 3)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [1])
        try cluster.apply(.dropResponses(count: 1), to: 1)
        let b1 = try cluster.send(producer: "p", topic: "t", values: ["B1"])[0]
        // B1 leaves the accumulator when its linger.ms (5 ms on Kafka 4.x) ends.
        cluster.advance(by: .milliseconds(5))
        #expect(cluster.engine.eventLog.last?.contains("NOT_ENOUGH_REPLICAS; the response is lost") == true)
        try cluster.apply(.restart, to: 2)
        cluster.advance(by: .milliseconds(3_000))
        #expect(TestCluster.partition(cluster).isr.count == 2)
        let b2 = try cluster.send(producer: "p", topic: "t", values: ["B2"])[0]
        cluster.advance(by: .milliseconds(60_000))
        let outcomes = [b1, b2].map { cluster.engine.batches[$0]!.outcome }
        if idempotent {
            #expect(Self.values(cluster).suffix(3) == ["B0", "B1", "B2"])
            #expect(outcomes == [.acknowledged(baseOffset: 8), .acknowledged(baseOffset: 9)])
            #expect(cluster.engine.eventLog.contains { $0.contains("got OUT_OF_ORDER_SEQUENCE_NUMBER") })
        } else {
            #expect(Self.values(cluster).suffix(3) == ["B0", "B2", "B1"])
            #expect(outcomes == [.acknowledged(baseOffset: 9), .acknowledged(baseOffset: 8)])
        }
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func retriableErrorsAreRetriedUntilTheDeliveryTimeout() throws {
        var cluster = try Self.setup([:])
        try cluster.apply(.crash, to: 2)
        try cluster.apply(.crash, to: 3)
        cluster.advance(by: .milliseconds(10_000))
        let batch = try cluster.sendAndWait(producer: "p", topic: "t", values: ["x"])[0]
        guard case .unknown(let timeout, let last) = batch.outcome else {
            Issue.record("expected a delivery timeout, got \(String(describing: batch.outcome))")
            return
        }
        #expect(timeout.message == "Expiring 1 record(s) for t-0:120000 ms has passed since batch creation")
        #expect(last?.name == "NOT_ENOUGH_REPLICAS")
        #expect(batch.attempts > 100, "retried every ≤ 1 s (exponential back-off) for 2 minutes")
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 7, "nothing appended")
    }

    @Test func retriesZeroFailsAtOnce() throws {
        var cluster = try Self.setup(["retries": "0", "enable.idempotence": "false"])
        try cluster.apply(.crash, to: 2)
        try cluster.apply(.crash, to: 3)
        cluster.advance(by: .milliseconds(10_000))
        let batch = try cluster.sendAndWait(producer: "p", topic: "t", values: ["x"])[0]
        #expect(batch.outcome == .failed(.notEnoughReplicas))
        #expect(batch.attempts == 1)
    }

    @Test func idempotentProducerSurvivesLeaderChangeWithoutDuplicates() throws {
        var cluster = try Self.setup([:])
        #expect(try cluster.sendAndWait(producer: "p", topic: "t", values: ["a"])[0].outcome != nil)
        // The response to "b" is lost; then the leader dies. The retry goes to the new leader, which rebuilt the
        // producer's state from its replicated log and recognises the batch.
        try cluster.apply(.dropResponses(count: 1), to: 1)
        let b = try cluster.send(producer: "p", topic: "t", values: ["b"])[0]
        cluster.advance(by: .milliseconds(1_000))
        try cluster.apply(.crash, to: 1)
        cluster.advance(by: .milliseconds(60_000))
        #expect(cluster.engine.batches[b]!.outcome == .acknowledged(baseOffset: 8))
        let leader = try #require(TestCluster.partition(cluster).leader)
        #expect(TestCluster.log(cluster, on: leader).records.map(\.value).suffix(2) == ["a", "b"])
        #expect(TestCluster.log(cluster, on: leader).logEndOffset == 9)
    }

    @Test func idempotenceConfigConflicts() {
        #expect(throws: KafkaError.self) { try ProducerConfig(["enable.idempotence": "true", "acks": "1"]) }
        #expect(throws: KafkaError.self) {
            try ProducerConfig(["enable.idempotence": "true", "max.in.flight.requests.per.connection": "6"])
        }
        #expect((try? ProducerConfig(["acks": "1"]))?.enableIdempotence == false, "silently off when not set")
        #expect(ProducerConfig().retryBackoff(attempt: 1) == .milliseconds(100))
        #expect(ProducerConfig().retryBackoff(attempt: 4) == .milliseconds(800))
        #expect(ProducerConfig().retryBackoff(attempt: 9) == .milliseconds(1_000))
    }

    @Test func brokerDuplicateWindowIsFiveBatches() {
        var log = ReplicaLog()
        for sequence in 0..<7 {
            let header = ProducerBatchHeader(
                producerID: 3, producerEpoch: 0, baseSequence: sequence, lastSequence: sequence)
            log.append([Record(offset: Int64(sequence), leaderEpoch: 0, value: "v\(sequence)", producer: header)])
        }
        func verdict(_ sequence: Int) -> ProducerStateEntry.Verdict {
            ProducerStateEntry.verdict(
                for: ProducerBatchHeader(
                    producerID: 3, producerEpoch: 0, baseSequence: sequence, lastSequence: sequence),
                in: log)
        }
        #expect(verdict(6) == .duplicate(firstOffset: 6, lastOffset: 6))
        #expect(verdict(2) == .duplicate(firstOffset: 2, lastOffset: 2))
        if case .reject(let error) = verdict(1) {
            #expect(error.name == "OUT_OF_ORDER_SEQUENCE_NUMBER", "older than the last five batches")
        } else {
            Issue.record("sequence 1 is outside the window")
        }
        #expect(verdict(7) == .append)
        if case .reject(let error) = verdict(9) {
            #expect(error.name == "OUT_OF_ORDER_SEQUENCE_NUMBER")
        } else {
            Issue.record("a gap is rejected")
        }
        let unknownProducer = ProducerBatchHeader(producerID: 4, producerEpoch: 0, baseSequence: 9, lastSequence: 9)
        #expect(ProducerStateEntry.verdict(for: unknownProducer, in: log) == .append)
    }
}
