import Foundation
import Replication
import Testing

@Suite("Null-key partitioners (KIP-794 sticky, pre-2.4 round robin)")
struct PartitionerTests {
    static let vectors: [Vector] = (KafkaVectors.section("producer_null_key") as! [[String: Any]]).map {
        Vector(name: $0["name"] as! String, object: $0)
    }

    @Test("every shared vector is present") func vectorCount() {
        #expect(Self.vectors.count == 4)
    }

    @Test("producer_null_key vectors", arguments: vectors)
    func nullKeyVector(vector: Vector) throws {
        let v = vector.object
        let input = v["input"] as! [String: Any]
        let expected = v["expected"] as! [String: Any]
        if input["queue_sizes"] != nil {
            checkAdaptive(input: input, expected: expected)
        } else if input["append_sizes"] != nil {
            checkStickiness(input: input, expected: expected)
        } else if input["topicA"] != nil {
            checkUnavailable(input: input, expected: expected)
        } else if input["topicA_partitions"] != nil {
            checkLegacyRoundRobin(input: input, expected: expected)
        } else {
            Issue.record("unrecognised vector \(vector.name)")
        }
    }

    // Kafka: BuiltInPartitionerTest.adaptivePartitionsTest.
    func checkAdaptive(input: [String: Any], expected: [String: Any]) {
        let queueSizes = input["queue_sizes"] as! [Int]
        let ids = input["partition_ids"] as! [Int]
        var partitioner = StickyPartitioner(
            stickyBatchSize: input["sticky_batch_size_bytes"] as! Int, random: SequentialRandomPartitionSource())
        partitioner.updatePartitionLoadStats(topic: "topicA", queueSizes: queueSizes, partitionIDs: ids)
        #expect(
            partitioner.topics["topicA"]?.loadStats?.cumulativeFrequencyTable
                == expected["cumulative_frequency_table"] as? [Int])
        #expect(partitioner.loadStatsRangeEnd(topic: "topicA") == expected["loadStatsRangeEnd"] as? Int)
        var frequencies = Array(repeating: 0, count: ids.count)
        for _ in 0..<(input["iterations"] as! Int) {
            let partition = partitioner.append(
                topic: "topicA", bytes: input["bytes_per_record"] as! Int, partitionCount: ids.count,
                availablePartitions: ids)
            frequencies[partition] += 1
        }
        #expect(frequencies == expected["times_each_partition_chosen"] as! [Int])
    }

    // Kafka: BuiltInPartitionerTest.testStickyPartitioning (with the test's sequential random source).
    func checkStickiness(input: [String: Any], expected: [String: Any]) {
        let count = input["topic_partitions"] as! Int
        var partitioner = StickyPartitioner(
            stickyBatchSize: input["sticky_batch_size_bytes"] as! Int, random: SequentialRandomPartitionSource())
        let all = Array(0..<count)
        let chosen = (input["append_sizes"] as! [Int]).map {
            partitioner.append(topic: "t", bytes: $0, partitionCount: count, availablePartitions: all)
        }
        let after = partitioner.currentPartition(topic: "t", partitionCount: count, availablePartitions: all)
        #expect(Set(chosen).count == 1 || !(expected["same_partition_for_first_3_records"] as! Bool))
        #expect((after != chosen.last) == (expected["partition_changes_after_3rd_record"] as! Bool))
    }

    // Kafka: BuiltInPartitionerTest.unavailablePartitionsTest.
    func checkUnavailable(input: [String: Any], expected: [String: Any]) {
        for seed: UInt64 in [1, 2, 42] {
            var partitioner = StickyPartitioner(stickyBatchSize: 1, random: SeededRandomPartitionSource(seed: seed))
            for topic in ["topicA", "topicB", "topicC"] {
                let spec = input[topic] as! [String: Any]
                let count = spec["partitions"] as! Int
                let leaderless = Set(spec["leaderless"] as! [Int])
                let available = (0..<count).filter { !leaderless.contains($0) }
                var seen = Set<Int>()
                for _ in 0..<100 {
                    seen.insert(
                        partitioner.append(
                            topic: topic, bytes: 1, partitionCount: count, availablePartitions: available))
                }
                if let never = expected["\(topic)_never"] as? Int { #expect(!seen.contains(never)) }
                if let always = expected["\(topic)_always"] as? Int { #expect(seen == [always]) }
            }
        }
    }

    // Kafka 2.3: DefaultPartitionerTest.testRoundRobin.
    func checkLegacyRoundRobin(input: [String: Any], expected: [String: Any]) {
        let count = input["topicA_partitions"] as! Int
        let calls = input["calls_topicA"] as! Int
        for seed: UInt64 in [0, 7, 99] {
            var partitioner = RoundRobinNullKeyPartitioner(random: SeededRandomPartitionSource(seed: seed))
            var counts: [String: Int] = [:]
            for i in 0..<calls {
                if i % 5 == 0 {
                    _ = partitioner.partition(topic: "topicB", partitionCount: 2, availablePartitions: [0, 1])
                }
                let p = partitioner.partition(
                    topic: "topicA", partitionCount: count, availablePartitions: Array(0..<count))
                counts["\(p)", default: 0] += 1
            }
            #expect(counts == expected["count_per_partition_topicA"] as! [String: Int])
        }
    }

    @Test func switchesUnconditionallyAtTwiceBatchSize() {
        var partitioner = StickyPartitioner(stickyBatchSize: 10, random: SequentialRandomPartitionSource())
        let all = [0, 1, 2]
        let first = partitioner.currentPartition(topic: "t", partitionCount: 3, availablePartitions: all)
        partitioner.recordAppend(
            topic: "t", bytes: 15, partitionCount: 3, availablePartitions: all, enableSwitch: false)
        #expect(partitioner.currentPartition(topic: "t", partitionCount: 3, availablePartitions: all) == first)
        partitioner.recordAppend(topic: "t", bytes: 5, partitionCount: 3, availablePartitions: all, enableSwitch: false)
        #expect(partitioner.currentPartition(topic: "t", partitionCount: 3, availablePartitions: all) != first)
    }

    @Test func equalQueuesOrSinglePartitionDisableAdaptive() {
        #expect(PartitionLoadStats(queueSizes: [2, 2, 2], partitionIDs: [0, 1, 2]) == nil)
        #expect(PartitionLoadStats(queueSizes: [4], partitionIDs: [0]) == nil)
        // Equal queues but one partition excluded by latency: adaptive stays on.
        #expect(PartitionLoadStats(queueSizes: [2, 2, 2], partitionIDs: [0, 1, 2], length: 2) != nil)
    }

    @Test func seededSourceIsDeterministic() {
        func run() -> [Int] {
            var partitioner = StickyPartitioner(stickyBatchSize: 1, random: SeededRandomPartitionSource(seed: 5))
            return (0..<20).map { _ in
                partitioner.append(topic: "t", bytes: 1, partitionCount: 6, availablePartitions: Array(0..<6))
            }
        }
        #expect(run() == run())
    }
}
