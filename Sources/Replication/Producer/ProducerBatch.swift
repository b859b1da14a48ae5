/// Records of one `send` to one partition, as the producer's accumulator holds them until they are acknowledged,
/// fail, or expire.
///
/// Kafka: `org.apache.kafka.clients.producer.internals.ProducerBatch`.
public struct ProducerBatch: Hashable, Sendable {
    /// The batch id, from 1 (engine-wide).
    public var id: ProducerBatchID
    /// The producer that created it.
    public var producer: ProducerIndex
    /// The partition.
    public var partition: TopicPartition
    /// The key of every record.
    public var key: String?
    /// The record values; `append(_:)` adds one.
    public private(set) var values: [String]
    /// The bytes its records take, as the partitioner and `batch.size` count them (`NullKeyPartitioner.recordSize`),
    /// kept as records are appended. Kafka: `MemoryRecordsBuilder.estimatedBytesWritten`.
    public private(set) var bytes = 0
    /// When `send` created it.
    public var createdAt: SimulatedInstant
    /// The sequence number of its first record, once drained by an idempotent producer.
    public var baseSequence: Int?
    /// The producer epoch its sequence belongs to.
    public var producerEpoch = 0
    /// How many times it was sent.
    public var attempts = 0
    /// It may not be sent before this time (retry back-off).
    public var notBefore = SimulatedInstant.start
    /// The produce request carrying it, while in flight.
    public var inFlightRequest: ProduceRequestID?
    /// The last error a broker (or the client's timeout) answered.
    public var lastError: KafkaError?
    /// How it ended, once it has.
    public var outcome: Outcome?
    /// When it ended.
    public var completedAt: SimulatedInstant?
    /// Whether the scenario did not wait for it (its outcome goes to the event log).
    public var isAsync = false

    /// How a batch ends; every record of the batch shares it.
    public enum Outcome: Hashable, Sendable {
        /// Acknowledged at `baseOffset` (nil with acks=0: the producer learns no offset).
        case acknowledged(baseOffset: Int64?)
        /// Failed with a Kafka error the producer does not retry (or out of retries).
        case failed(KafkaError)
        /// `delivery.timeout.ms` expired: the records may or may not be in the log.
        case unknown(timeout: KafkaError, lastError: KafkaError?)
    }

    /// The outcome in words: `acknowledged at offset 7`, `failed: NOT_ENOUGH_REPLICAS`, `unknown: TimeoutException`.
    public var outcomeText: String {
        switch outcome {
        case .acknowledged(let base): base.map { "acknowledged at offset \($0)" } ?? "sent (acks=0)"
        case .failed(let error): "failed: \(error.name)"
        case .unknown(let timeout, _): "unknown: \(timeout.name)"
        case nil: "pending"
        }
    }

    /// Whether it has ended.
    public var isDone: Bool { outcome != nil }

    /// Creates a batch holding the record `value`.
    init(
        id: ProducerBatchID, producer: ProducerIndex, partition: TopicPartition, key: String?, value: String,
        createdAt: SimulatedInstant
    ) {
        self.id = id
        self.producer = producer
        self.partition = partition
        self.key = key
        self.values = []
        self.createdAt = createdAt
        append(value)
    }

    /// Adds a record (`MemoryRecordsBuilder.append`).
    mutating func append(_ value: String) {
        values.append(value)
        bytes += NullKeyPartitioner.recordSize(key: key, value: value)
    }

    /// The sequence number of its last record.
    public var lastSequence: Int? { baseSequence.map { $0 + values.count - 1 } }
}

extension KafkaError {
    /// Whether the Java client treats the error as retriable (`RetriableException` subclasses in `Errors.java`).
    public var isRetriable: Bool { Self.retriable.contains(name) }

    /// Whether a produce answer with this error makes the producer ask for new metadata: the errors whose
    /// exceptions are `InvalidMetadataException`s (`Sender.completeBatch`: `metadata.requestUpdate`), and
    /// REQUEST_TIMED_OUT, since a request timeout closes the connection (`NetworkClient.handleServerDisconnect`).
    var requestsMetadataUpdate: Bool { Self.requestingMetadataUpdate.contains(name) }

    private static let retriable: Set<String> = [
        "CORRUPT_MESSAGE", "UNKNOWN_TOPIC_OR_PARTITION", "LEADER_NOT_AVAILABLE", "NOT_LEADER_OR_FOLLOWER",
        "REQUEST_TIMED_OUT", "NETWORK_EXCEPTION", "NOT_ENOUGH_REPLICAS", "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
        "KAFKA_STORAGE_ERROR", "FENCED_LEADER_EPOCH", "UNKNOWN_LEADER_EPOCH", "OFFSET_NOT_AVAILABLE",
        "COORDINATOR_LOAD_IN_PROGRESS", "COORDINATOR_NOT_AVAILABLE", "NOT_COORDINATOR",
    ]

    private static let requestingMetadataUpdate: Set<String> = [
        "NOT_LEADER_OR_FOLLOWER", "LEADER_NOT_AVAILABLE", "NETWORK_EXCEPTION", "REQUEST_TIMED_OUT",
        "UNKNOWN_TOPIC_OR_PARTITION", "FENCED_LEADER_EPOCH", "KAFKA_STORAGE_ERROR",
    ]
}
