/// The current (Kafka ≥ 3.3, KIP-794) partitioner for records without a key: one sticky partition per topic,
/// switched after `batch.size` bytes, the next one drawn uniformly or weighted by queue sizes (adaptive).
///
/// Kafka: `org.apache.kafka.clients.producer.internals.BuiltInPartitioner` (one instance per topic there, one
/// entry of `topics` here), driven by `RecordAccumulator.append` and `RecordAccumulator.partitionReady`.
public struct StickyPartitioner<Source: RandomPartitionSource>: Sendable {
    /// Bytes to produce to a partition before switching (`batch.size`, default 16384).
    public let stickyBatchSize: Int
    /// Where random partition choices come from.
    public var random: Source
    /// Per-topic state.
    public private(set) var topics: [String: TopicState] = [:]

    /// What the partitioner remembers for one topic.
    public struct TopicState: Hashable, Sendable {
        /// The current sticky partition (`StickyPartitionInfo.index`), once one was chosen.
        public var stickyPartition: Int?
        /// Bytes produced to the sticky partition since it was chosen (`StickyPartitionInfo.producedBytes`).
        public var producedBytes: Int = 0
        /// Adaptive load stats, or `nil` to pick uniformly among available partitions.
        public var loadStats: PartitionLoadStats?
    }

    /// Creates a partitioner; `stickyBatchSize` must be at least 1 as in Kafka's constructor.
    public init(stickyBatchSize: Int = 16384, random: Source) {
        precondition(stickyBatchSize >= 1, "stickyBatchSize must be >= 1 but got \(stickyBatchSize)")
        self.stickyBatchSize = stickyBatchSize
        self.random = random
    }

    /// The sticky partition of `topic`, choosing one first if there is none yet.
    ///
    /// Kafka: `BuiltInPartitioner.peekCurrentPartitionInfo`.
    /// - Parameters:
    ///   - partitionCount: all partitions of the topic.
    ///   - availablePartitions: the partitions that have a leader, ascending.
    public mutating func currentPartition(topic: String, partitionCount: Int, availablePartitions: [Int]) -> Int {
        if let partition = topics[topic]?.stickyPartition { return partition }
        let partition = nextPartition(topic: topic, partitionCount: partitionCount, available: availablePartitions)
        topics[topic, default: TopicState()].stickyPartition = partition
        topics[topic]?.producedBytes = 0
        return partition
    }

    /// Counts `bytes` appended to the sticky partition of `topic` and switches partition when enough were produced:
    /// at `stickyBatchSize` if `enableSwitch` (the batch is ready), unconditionally at twice that.
    ///
    /// Kafka: `BuiltInPartitioner.updatePartitionInfo`.
    public mutating func recordAppend(
        topic: String, bytes: Int, partitionCount: Int, availablePartitions: [Int], enableSwitch: Bool = true
    ) {
        guard var state = topics[topic], state.stickyPartition != nil else { return }
        state.producedBytes += bytes
        if state.producedBytes >= stickyBatchSize && enableSwitch || state.producedBytes >= stickyBatchSize * 2 {
            topics[topic] = state
            let next = nextPartition(topic: topic, partitionCount: partitionCount, available: availablePartitions)
            state.stickyPartition = next
            state.producedBytes = 0
        }
        topics[topic] = state
    }

    /// Appends one null-key record of `bytes` bytes: returns the partition it goes to, then updates stickiness.
    public mutating func append(
        topic: String, bytes: Int, partitionCount: Int, availablePartitions: [Int], enableSwitch: Bool = true
    ) -> Int {
        let partition = currentPartition(
            topic: topic, partitionCount: partitionCount, availablePartitions: availablePartitions)
        recordAppend(
            topic: topic, bytes: bytes, partitionCount: partitionCount, availablePartitions: availablePartitions,
            enableSwitch: enableSwitch)
        return partition
    }

    /// Replaces the load stats of `topic` from queue sizes (see `PartitionLoadStats.init`); `nil` queue sizes turn
    /// adaptive partitioning off, as when `partitioner.adaptive.partitioning.enable=false`.
    ///
    /// Kafka: `BuiltInPartitioner.updatePartitionLoadStats`.
    public mutating func updatePartitionLoadStats(
        topic: String, queueSizes: [Int]?, partitionIDs: [Int], length: Int? = nil
    ) {
        let stats = queueSizes.flatMap {
            PartitionLoadStats(queueSizes: $0, partitionIDs: partitionIDs, length: length)
        }
        topics[topic, default: TopicState()].loadStats = stats
    }

    /// The end of the random range of the load stats of `topic`, or `nil` without stats.
    ///
    /// Kafka: `BuiltInPartitioner.loadStatsRangeEnd` (test-only there).
    public func loadStatsRangeEnd(topic: String) -> Int? {
        topics[topic]?.loadStats?.rangeEnd
    }

    // Kafka: BuiltInPartitioner.nextPartition. The same partition may be chosen again.
    private mutating func nextPartition(topic: String, partitionCount: Int, available: [Int]) -> Int {
        let random = Int(random.randomPartition())
        if let stats = topics[topic]?.loadStats {
            return stats.partition(forRandom: random)
        }
        if !available.isEmpty {
            return available[random % available.count]
        }
        precondition(partitionCount > 0, "a topic has at least one partition")
        return random % partitionCount
    }
}

extension StickyPartitioner: Equatable where Source: Equatable {}
extension StickyPartitioner: Hashable where Source: Hashable {}
