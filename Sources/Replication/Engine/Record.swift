/// One record in a replica's log.
public struct Record: Hashable, Sendable {
    /// The record's offset in the partition.
    public var offset: Int64
    /// The leader epoch of the leader that appended it (carried by its batch in Kafka).
    public var leaderEpoch: Int
    /// The record key, if any.
    public var key: String?
    /// The record value.
    public var value: String
    /// The idempotent producer's batch header (producer id, epoch, sequences), or nil for a non-idempotent write.
    public var producer: ProducerBatchHeader?

    /// Creates a record.
    public init(
        offset: Int64, leaderEpoch: Int, key: String? = nil, value: String, producer: ProducerBatchHeader? = nil
    ) {
        self.offset = offset
        self.leaderEpoch = leaderEpoch
        self.key = key
        self.value = value
        self.producer = producer
    }
}

/// What an idempotent producer's record batch carries: producer id, epoch and the batch's sequence range.
///
/// Kafka: `RecordBatch.producerId`, `producerEpoch`, `baseSequence`, `lastSequence`. Every record of a batch carries
/// the same header here, so the broker's producer state can be rebuilt from any replica's log.
public struct ProducerBatchHeader: Hashable, Sendable {
    /// The producer id (`InitProducerId`).
    public var producerID: Int64
    /// The producer epoch.
    public var producerEpoch: Int
    /// The sequence number of the batch's first record.
    public var baseSequence: Int
    /// The sequence number of the batch's last record.
    public var lastSequence: Int

    /// Creates a header.
    public init(producerID: Int64, producerEpoch: Int, baseSequence: Int, lastSequence: Int) {
        self.producerID = producerID
        self.producerEpoch = producerEpoch
        self.baseSequence = baseSequence
        self.lastSequence = lastSequence
    }
}
