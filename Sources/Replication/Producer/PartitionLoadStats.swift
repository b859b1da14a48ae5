/// The adaptive partitioner's cumulative frequency table over the partitions that have a leader.
///
/// Kafka: `BuiltInPartitioner.PartitionLoadStats`, built by `BuiltInPartitioner.updatePartitionLoadStats`.
public struct PartitionLoadStats: Hashable, Sendable {
    /// Running sums of the weights `(max queue size + 1) - queue size`; strictly increasing.
    public var cumulativeFrequencyTable: [Int]
    /// The partition id of each table entry.
    public var partitionIDs: [Int]

    /// The end of the random range: the last entry of the table (`BuiltInPartitioner.loadStatsRangeEnd`).
    public var rangeEnd: Int { cumulativeFrequencyTable.last ?? 0 }

    /// Builds the stats from queue sizes (batches waiting per partition), or `nil` when Kafka would not use adaptive
    /// partitioning: fewer than 2 partitions, none left after exclusion, or all queues equal with none excluded.
    ///
    /// - Parameters:
    ///   - queueSizes: queue size per partition with a leader (leaderless partitions already left out).
    ///   - partitionIDs: the partition id of each queue size.
    ///   - length: how many leading entries to use; partitions excluded by `partitioner.availability.timeout.ms`
    ///     are past it. Defaults to all.
    public init?(queueSizes: [Int], partitionIDs: [Int], length: Int? = nil) {
        precondition(queueSizes.count == partitionIDs.count, "one partition id per queue size")
        let length = length ?? queueSizes.count
        precondition(length <= queueSizes.count, "length is at most the number of queues")
        // Kafka: queueSizes.length < 2 means the topic has fewer than 2 partitions with a leader.
        guard length >= 1, queueSizes.count >= 2 else { return nil }
        var maxSizePlus1 = queueSizes[0]
        var allEqual = true
        for i in 1..<length {
            if queueSizes[i] != maxSizePlus1 { allEqual = false }
            if queueSizes[i] > maxSizePlus1 { maxSizePlus1 = queueSizes[i] }
        }
        maxSizePlus1 += 1
        if allEqual && length == queueSizes.count { return nil }
        var table = [Int]()
        table.reserveCapacity(length)
        for i in 0..<length {
            table.append(maxSizePlus1 - queueSizes[i] + (table.last ?? 0))
        }
        cumulativeFrequencyTable = table
        self.partitionIDs = Array(partitionIDs[0..<length])
    }

    /// The partition for a non-negative random number: the first entry strictly greater than `random % rangeEnd`.
    ///
    /// Kafka: the `Arrays.binarySearch` branch of `BuiltInPartitioner.nextPartition`.
    public func partition(forRandom random: Int) -> Int {
        let weighted = random % rangeEnd
        var low = 0
        var high = cumulativeFrequencyTable.count
        while low < high {
            let mid = (low + high) / 2
            if cumulativeFrequencyTable[mid] <= weighted { low = mid + 1 } else { high = mid }
        }
        return partitionIDs[low]
    }
}
