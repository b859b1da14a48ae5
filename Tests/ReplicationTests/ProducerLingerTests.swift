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
}
