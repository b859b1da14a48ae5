import Replication
import Testing

@Suite("Null-key partitioners (KIP-794 sticky, pre-2.4 round robin)")
struct PartitionerTests {
    @Test("every vector is present") func vectorCount() throws {
        #expect(try NullKeyVector.all().count == 4)
    }

    @Test("producer_null_key vectors", arguments: try NullKeyVector.all())
    func nullKeyVector(vector: NullKeyVector) throws {
        switch vector.check {
        case .adaptive(let adaptive): checkAdaptive(adaptive)
        case .stickiness(let stickiness): checkStickiness(stickiness)
        case .unavailable(let unavailable): try checkUnavailable(unavailable)
        case .legacyRoundRobin(let roundRobin): checkLegacyRoundRobin(roundRobin)
        }
    }

    // Kafka: BuiltInPartitionerTest.adaptivePartitionsTest.
    func checkAdaptive(_ vector: NullKeyVector.Adaptive) {
        let input = vector.input
        let ids = input.partitionIDs
        var partitioner = StickyPartitioner(
            stickyBatchSize: input.stickyBatchSize, random: SequentialRandomPartitionSource())
        partitioner.updatePartitionLoadStats(topic: "topicA", queueSizes: input.queueSizes, partitionIDs: ids)
        #expect(
            partitioner.topics["topicA"]?.loadStats?.cumulativeFrequencyTable
                == vector.expected.cumulativeFrequencyTable)
        #expect(partitioner.loadStatsRangeEnd(topic: "topicA") == vector.expected.loadStatsRangeEnd)
        var frequencies = Array(repeating: 0, count: ids.count)
        for _ in 0..<input.iterations {
            let partition = partitioner.append(
                topic: "topicA", bytes: input.bytesPerRecord, partitionCount: ids.count, availablePartitions: ids)
            frequencies[partition] += 1
        }
        #expect(frequencies == vector.expected.timesEachPartitionChosen)
    }

    // Kafka: BuiltInPartitionerTest.testStickyPartitioning (with the test's sequential random source).
    func checkStickiness(_ vector: NullKeyVector.Stickiness) {
        let count = vector.input.partitionCount
        var partitioner = StickyPartitioner(
            stickyBatchSize: vector.input.stickyBatchSize, random: SequentialRandomPartitionSource())
        let all = Array(0..<count)
        let chosen = vector.input.appendSizes.map {
            partitioner.append(topic: "t", bytes: $0, partitionCount: count, availablePartitions: all)
        }
        let after = partitioner.currentPartition(topic: "t", partitionCount: count, availablePartitions: all)
        #expect(Set(chosen).count == 1 || !vector.expected.samePartitionForFirstThreeRecords)
        #expect((after != chosen.last) == vector.expected.partitionChangesAfterThirdRecord)
    }

    // Kafka: BuiltInPartitionerTest.unavailablePartitionsTest.
    func checkUnavailable(_ vector: NullKeyVector.Unavailable) throws {
        let expected = vector.expected
        for seed: UInt64 in [1, 2, 42] {
            var partitioner = StickyPartitioner(stickyBatchSize: 1, random: SeededRandomPartitionSource(seed: seed))
            for topic in ["topicA", "topicB", "topicC"] {
                let spec = try #require(vector.input[topic], "no \(topic) in the vector")
                let count = spec.partitions
                let leaderless = Set(spec.leaderless)
                let available = (0..<count).filter { !leaderless.contains($0) }
                var seen = Set<Int>()
                for _ in 0..<100 {
                    seen.insert(
                        partitioner.append(
                            topic: topic, bytes: 1, partitionCount: count, availablePartitions: available))
                }
                if let never = expected["\(topic)_never"] { #expect(!seen.contains(never)) }
                if let always = expected["\(topic)_always"] { #expect(seen == [always]) }
            }
        }
    }

    // Kafka 2.3: DefaultPartitionerTest.testRoundRobin.
    func checkLegacyRoundRobin(_ vector: NullKeyVector.LegacyRoundRobin) {
        let count = vector.input.partitionCount
        let calls = vector.input.calls
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
            #expect(counts == vector.expected.countPerPartition)
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
