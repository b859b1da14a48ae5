/// A named producer: its settings, idempotence state (producer id, epoch, sequence numbers) and its accumulator.
///
/// Kafka: `KafkaProducer` with its `RecordAccumulator`, `Sender` and `TransactionManager` (idempotent mode).
public struct ProducerClient: Hashable, Sendable {
    /// The name the scenario gave it (also its `client.id`).
    public var name: String
    /// Its position among the cluster's producers (feeds its random seed and event order).
    public var index: ProducerIndex
    /// Its settings.
    public var config: ProducerConfig
    /// The producer id from `InitProducerId` (idempotent producers only).
    public var producerID: Int64?
    /// The producer epoch (bumped when a sequence gap must be reset, KIP-360).
    public var producerEpoch = 0
    /// The next sequence number per partition (Kafka: `TransactionManager.sequenceNumber`).
    public var nextSequence: [TopicPartition: Int] = [:]
    /// The last acknowledged sequence per partition (Kafka: `lastAckedSequence`).
    public var lastAckedSequence: [TopicPartition: Int] = [:]
    /// Partitions with an expired batch whose fate is unknown (Kafka: `partitionsWithUnresolvedSequences`).
    public var unresolvedPartitions: Set<TopicPartition> = []
    /// The epoch each partition's sequence numbers belong to (Kafka: `TxnPartitionEntry.producerIdAndEpoch`).
    public var partitionEpochs: [TopicPartition: Int] = [:]
    /// Batch ids in flight, in send order (Kafka: `Sender.inFlightBatches`).
    public var inFlight: [ProducerBatchID] = []
    /// Batch ids waiting to be sent, per partition, in send order (Kafka: the accumulator's deques).
    public var deques: [TopicPartition: [ProducerBatchID]] = [:]
    /// Where null-key records go.
    public var nullKeyPartitioner: NullKeyPartitioner
    /// What it knows of the partitions' leaders (a full update at creation, see `ProducerMetadata`).
    public var metadata: ProducerMetadata

    /// Creates a producer.
    public init(name: String, index: ProducerIndex, config: ProducerConfig, seed: UInt64) {
        self.name = name
        self.index = index
        self.config = config
        nullKeyPartitioner = NullKeyPartitioner(config.partitioner, seed: seed, batchSize: config.batchSize)
        metadata = ProducerMetadata(maxAge: config.metadataMaxAge)
    }
}

/// The null-key partitioner of one producer, seeded from the scenario's seed.
public enum NullKeyPartitioner: Hashable, Sendable {
    /// KIP-794 sticky partitioning (Kafka ≥ 3.3).
    case sticky(StickyPartitioner<SeededRandomPartitionSource>)
    /// Round robin per record (Kafka ≤ 2.3).
    case roundRobin(RoundRobinNullKeyPartitioner<SeededRandomPartitionSource>)

    /// Creates the partitioner a config asks for.
    public init(_ kind: ProducerConfig.NullKeyPartitioning, seed: UInt64, batchSize: Int = 16_384) {
        let source = SeededRandomPartitionSource(seed: seed)
        switch kind {
        case .sticky: self = .sticky(StickyPartitioner(stickyBatchSize: max(1, batchSize), random: source))
        case .roundRobin: self = .roundRobin(RoundRobinNullKeyPartitioner(random: source))
        }
    }

    /// The partition of the next null-key record of `bytes` bytes.
    ///
    /// Kafka: `RecordAccumulator.append` → `BuiltInPartitioner.peekCurrentPartitionInfo` / `updatePartitionInfo`
    /// (sticky), or 2.3's `DefaultPartitioner.partition` (round robin).
    public mutating func partition(topic: String, bytes: Int, partitionCount: Int, available: [Int]) -> Int {
        switch self {
        case .sticky(var partitioner):
            let partition = partitioner.append(
                topic: topic, bytes: bytes, partitionCount: partitionCount, availablePartitions: available)
            self = .sticky(partitioner)
            return partition
        case .roundRobin(var partitioner):
            let partition = partitioner.partition(
                topic: topic, partitionCount: partitionCount, availablePartitions: available)
            self = .roundRobin(partitioner)
            return partition
        }
    }

    /// The partition the next null-key record goes to, without counting it yet; `recordAppend` counts it.
    ///
    /// Kafka: `BuiltInPartitioner.peekCurrentPartitionInfo` (sticky), or 2.3's `DefaultPartitioner.partition`.
    public mutating func peek(topic: String, partitionCount: Int, available: [Int]) -> Int {
        switch self {
        case .sticky(var partitioner):
            let partition = partitioner.currentPartition(
                topic: topic, partitionCount: partitionCount, availablePartitions: available)
            self = .sticky(partitioner)
            return partition
        case .roundRobin:
            return partition(topic: topic, bytes: 0, partitionCount: partitionCount, available: available)
        }
    }

    /// Counts a null-key record of `bytes` bytes appended to the peeked partition; the sticky partitioner switches
    /// below twice `batch.size` only if `enableSwitch` (the partition's newest batch is full).
    ///
    /// Kafka: `BuiltInPartitioner.updatePartitionInfo`, called by `RecordAccumulator.append` with
    /// `enableSwitch = allBatchesFull(dq)`.
    public mutating func recordAppend(
        topic: String, bytes: Int, partitionCount: Int, available: [Int], enableSwitch: Bool
    ) {
        guard case .sticky(var partitioner) = self else { return }
        partitioner.recordAppend(
            topic: topic, bytes: bytes, partitionCount: partitionCount, availablePartitions: available,
            enableSwitch: enableSwitch)
        self = .sticky(partitioner)
    }

    /// The size of a record in a v2 batch, as `DefaultRecord.sizeInBytes` counts it (deltas 0, no headers).
    public static func recordSize(key: String?, value: String) -> Int {
        func varintSize(_ value: Int) -> Int {
            let wide = Int64(value)
            var zigzag = UInt64(bitPattern: (wide << 1) ^ (wide >> 63))
            var bytes = 1
            while zigzag >= 0x80 {
                zigzag >>= 7
                bytes += 1
            }
            return bytes
        }
        let keySize = key.map { varintSize($0.utf8.count) + $0.utf8.count } ?? 1
        let body = 1 + 1 + 1 + keySize + varintSize(value.utf8.count) + value.utf8.count + 1
        return body + varintSize(body)
    }
}
