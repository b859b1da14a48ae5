import Testing

@testable import Replication

/// A new batch waits `linger.ms` in the producer's accumulator unless it fills up; records sent meanwhile join it.
///
/// Kafka: `RecordAccumulator.tryAppend` and `RecordAccumulator.batchReady`; the assertions follow Kafka's
/// `RecordAccumulatorTest` (trunk of 2024-10-25).
@Suite struct ProducerLingerTests {
    static func cluster(producer settings: [String: String], kafka: KafkaVersion = .newest) throws -> Cluster {
        var cluster = TestCluster.make(kafka: kafka)
        TestCluster.produce(&cluster, 1)
        try cluster.createProducer("p", config: ProducerConfig(settings, kafka: kafka))
        return cluster
    }

    /// Kafka: RecordAccumulatorTest.testLinger — with `linger.ms=10` one record is not ready at once ("No partitions
    /// should be ready"), and is after 10 ms, as one batch holding that record.
    @Test func aBatchWaitsItsLingerThenLeaves() throws {
        var cluster = try Self.cluster(producer: ["linger.ms": "10"])
        let id = try cluster.send(producer: "p", topic: "t", values: ["v"])[0]
        #expect(cluster.engine.batches[id]?.attempts == 0)
        cluster.advance(by: .milliseconds(9))
        #expect(cluster.engine.batches[id]?.attempts == 0, "not ready before linger.ms")
        cluster.advance(by: .milliseconds(1))
        #expect(cluster.engine.batches[id]?.attempts == 1, "ready once linger.ms has passed")
        #expect(cluster.engine.batches[id]?.values == ["v"])
        cluster.advance(by: .milliseconds(100))
        #expect(cluster.engine.batches[id]?.outcome == .acknowledged(baseOffset: 1))
    }

    /// Kafka: RecordAccumulatorTest.testFull — while the records fit one batch nothing is ready; the record that does
    /// not fit starts a second batch, and the first is ready at once ("Our partition's leader should be ready").
    @Test func aFullBatchLeavesAtOnceAndTheNextOneLingers() throws {
        // `batch.size` holds three of these records; the fourth starts the next batch.
        let size = NullKeyPartitioner.recordSize(key: nil, value: "v0")
        var cluster = try Self.cluster(producer: ["linger.ms": "1000", "batch.size": String(size * 3)])
        let ids = try cluster.send(producer: "p", topic: "t", values: ["v0", "v1", "v2", "v3"])
        #expect(ids.count == 2)
        #expect(cluster.engine.batches[ids[0]]?.values == ["v0", "v1", "v2"])
        #expect(cluster.engine.batches[ids[0]]?.attempts == 1, "the full batch is sent without lingering")
        #expect(cluster.engine.batches[ids[1]]?.attempts == 0, "the open batch lingers")
        cluster.advance(by: .milliseconds(999))
        #expect(cluster.engine.batches[ids[1]]?.attempts == 0)
        cluster.advance(by: .milliseconds(1))
        #expect(cluster.engine.batches[ids[1]]?.attempts == 1)
    }

    /// Kafka: RecordAccumulatorTest.testFull's appends ("append to the first batch": one batch in the deque) — sends
    /// made while a batch lingers join it.
    @Test func sendsWhileABatchLingersJoinIt() throws {
        var cluster = try Self.cluster(producer: [:])
        let first = try cluster.send(producer: "p", topic: "t", values: ["a"], isAsync: true)
        cluster.advance(by: .milliseconds(2))
        let second = try cluster.send(producer: "p", topic: "t", values: ["b"], isAsync: true)
        #expect(first == second, "one batch")
        #expect(cluster.engine.batches[first[0]]?.values == ["a", "b"])
        cluster.advance(by: .milliseconds(2))
        #expect(cluster.engine.batches[first[0]]?.attempts == 0, "linger.ms counts from the batch's creation")
        cluster.advance(by: .milliseconds(1))
        #expect(cluster.engine.batches[first[0]]?.attempts == 1)
        // A batch that has left takes no more records.
        let third = try cluster.send(producer: "p", topic: "t", values: ["c"], isAsync: true)
        #expect(third != first)
    }

    /// KIP-1030: `linger.ms` defaults to 5 ms from Kafka 4.0; 3.x sends a new batch at once.
    @Test(arguments: [(KafkaVersion.v36, Int64(0)), (.v39, 0), (.v40, 5), (.v41, 5)])
    func theDefaultLingerDependsOnTheRelease(kafka: KafkaVersion, milliseconds: Int64) throws {
        #expect(try ProducerConfig([:], kafka: kafka).linger == .milliseconds(milliseconds))
        var cluster = try Self.cluster(producer: [:], kafka: kafka)
        let id = try cluster.send(producer: "p", topic: "t", values: ["v"])[0]
        #expect(cluster.engine.batches[id]?.attempts == (milliseconds == 0 ? 1 : 0))
    }

    /// Kafka: RecordAccumulatorTest.testRetryBackoff (`lingerMs` far above nothing else: the reenqueued batch is ready
    /// after the retry back-off, "Partition 0 can be drained after retry backoff") — a retried batch is closed, so
    /// `ProducerBatch.isFull` holds and `RecordAccumulator.batchReady` waits only `retry.backoff.ms`, not `linger.ms`.
    @Test func aRetriedBatchWaitsItsBackOffNotItsLinger() throws {
        var cluster = try Self.cluster(producer: ["linger.ms": "1000", "retry.backoff.ms": "100"])
        try cluster.apply(.dropResponses(count: 1), to: 1)
        let start = cluster.now
        let id = try cluster.send(producer: "p", topic: "t", values: ["v"])[0]
        cluster.advance(by: .milliseconds(1000))
        #expect(cluster.engine.batches[id]?.attempts == 1, "the first attempt leaves after linger.ms")
        // The lost response ends the attempt after request.timeout.ms (30 s); the retry follows 100 ms later.
        let resent = TestCluster.advance(&cluster, upTo: 40_000, step: 1) { $0.engine.batches[id]?.attempts == 2 }
        #expect(resent == start + .milliseconds(1000 + 30_000 + 100))
    }

    /// Kafka: `KafkaProducer.doSend` wakes the sender only for a full or new batch, and `RecordAccumulator.ready`
    /// gives the sender's poll the remaining linger (`nextReadyCheckDelayMs`): a `send(…).get()` without `flush()`
    /// waits `linger.ms` like any other send.
    @Test func aSyncSendWaitsItsLinger() throws {
        var cluster = try Self.cluster(producer: ["linger.ms": "50"])
        let start = cluster.now
        let batch = try cluster.sendAndWait(producer: "p", topic: "t", values: ["v"])[0]
        #expect(batch.outcome == .acknowledged(baseOffset: 1))
        #expect(try #require(batch.completedAt) >= start + .milliseconds(50))
    }

    /// Kafka: RecordAccumulatorTest.testPartialDrain and testNextReadyCheckDelay ("Node1 should be ready") — once one
    /// partition makes its leader ready, `RecordAccumulator.drain` (`drainBatchesForOneNode`) takes the first batch of
    /// every partition that leader leads, lingering or not; a partition led by a broker with nothing ready keeps
    /// lingering.
    @Test func aReadyLeaderTakesTheLingeringBatchesOfItsOtherPartitions() throws {
        var cluster = Cluster(seed: 1)
        for id in [1, 2] { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic("u", partitions: 4, replicationFactor: 1, placement: .roundRobin(startIndex: 0))
        let leaders = (0..<4).map { cluster.partition(TopicPartition("u", $0))?.leader }
        let size = NullKeyPartitioner.recordSize(key: nil, value: "v0")
        try cluster.createProducer(
            "p", config: ProducerConfig(["linger.ms": "1000", "batch.size": String(size * 2)]))
        // Partitions 0 and 2 share a leader, 1 and 3 the other one (round-robin placement over two brokers).
        #expect(leaders[0] == leaders[2] && leaders[1] == leaders[3] && leaders[0] != leaders[1])
        let lingering = try cluster.send(producer: "p", topic: "u", partition: 2, values: ["w"])[0]
        let other = try cluster.send(producer: "p", topic: "u", partition: 1, values: ["x"])[0]
        #expect(cluster.engine.batches[lingering]?.attempts == 0)
        // Two full batches for partition 0: its leader is ready, and partition 2's batch goes along.
        let full = try cluster.send(producer: "p", topic: "u", partition: 0, values: ["v0", "v1", "v2", "v3"])
        #expect(full.count == 2)
        #expect(cluster.engine.batches[full[0]]?.attempts == 1)
        #expect(cluster.engine.batches[lingering]?.attempts == 1, "drained with its leader's ready partition")
        #expect(cluster.engine.batches[other]?.attempts == 0, "its leader has nothing ready: it lingers")
    }

    /// Kafka: RecordAccumulatorTest.testBuiltInPartitionerFractionalBatches and the example in
    /// `BuiltInPartitioner.updatePartitionInfo` (12 KB per linger with a 16 KB `batch.size` gives 12 KB batches, not
    /// 12 KB and 4 KB ones) — rounds of about two thirds of `batch.size` each leave as one batch ("Should have 1 batch
    /// ready", more than half and less than `batch.size`): the sticky partitioner does not switch below twice
    /// `batch.size` while the partition's newest batch is not full (`RecordAccumulator.append` passes
    /// `allBatchesFull`). Three rounds stay below twice `batch.size`, where the switch is unconditional.
    @Test func theStickySwitchWaitsForAFullBatch() throws {
        var cluster = Cluster(seed: 1)
        for id in [1, 2, 3] { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic("u", partitions: 3, replicationFactor: 1, placement: .roundRobin(startIndex: 0))
        let batchSize = 512
        let value = String(repeating: "x", count: 32)
        let size = NullKeyPartitioner.recordSize(key: nil, value: value)
        try cluster.createProducer(
            "p", config: ProducerConfig(["linger.ms": "10", "batch.size": String(batchSize)]))
        for _ in 0..<3 {
            let round = Array(repeating: value, count: batchSize * 2 / 3 / size)
            let ids = try cluster.send(producer: "p", topic: "u", values: round, isAsync: true)
            cluster.advance(by: .milliseconds(10))
            #expect(ids.count == 1, "one batch per round")
            let batch = try #require(cluster.engine.batches[ids[0]])
            #expect(batch.attempts == 1)
            #expect(batch.bytes > batchSize / 2 && batch.bytes < batchSize)
        }
    }
}
