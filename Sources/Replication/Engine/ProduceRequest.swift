/// The producer's `acks` setting.
public enum Acks: String, Hashable, Sendable {
    /// No answer at all.
    case none = "0"
    /// The leader answers after its own append.
    case leader = "1"
    /// The leader answers once the high watermark covers the records.
    case all
}

/// How a produce request ended.
public enum ProduceOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The records are at `baseOffset ..< baseOffset + count`.
    case success(baseOffset: Int64, count: Int)
    /// acks=0: the producer gets no answer (the records were appended at `baseOffset` if the leader was up).
    case noResponse(baseOffset: Int64?, count: Int)
    /// Kafka answered (or the client gave up) with an error.
    case failure(KafkaError)

    public var description: String {
        switch self {
        case .success(let base, let count):
            count == 1 ? "offset \(base)" : "offsets \(base)..\(base + Int64(count) - 1)"
        case .noResponse: "no response (acks=0)"
        case .failure(let error): error.name
        }
    }
}

/// A produce request waiting for its answer (Kafka: `DelayedProduce`).
public struct ProduceRequest: Hashable, Sendable {
    /// The request id, from 1.
    public var id: ProduceRequestID
    /// The partition.
    public var partition: TopicPartition
    /// The leader it was sent to; nil when the partition had none (the request failed at once).
    public var leader: BrokerID?
    /// The leader epoch when it was appended.
    public var leaderEpoch: Int
    /// acks.
    public var acks: Acks
    /// The first offset appended (or of the original batch, for a duplicate); nil until the leader appended it.
    public var baseOffset: Int64?
    /// How many records.
    public var count: Int
    /// When it was sent.
    public var sentAt: SimulatedInstant
    /// When it times out.
    public var deadline: SimulatedInstant
    /// Whether the scenario did not wait for it (its answer goes to the event log).
    public var isAsync = false
    /// Whether its leader crashed while it was parked (its client then only sees the timeout).
    public var isOrphaned = false
    /// How it ended, once it has.
    public var outcome: ProduceOutcome?
    /// When it ended.
    public var completedAt: SimulatedInstant?
    /// The producer batch it carries (named producers only).
    public var batchID: ProducerBatchID?
    /// The idempotent producer's header, if any.
    public var producerHeader: ProducerBatchHeader?
    /// Whether the broker recognised it as a duplicate of a batch it already holds (nothing was appended).
    public var isDuplicate = false
    /// Whether the broker's answer was lost on the way to the producer (`drop-responses`); the client times out.
    public var isResponseDropped = false
    /// Whether an isolated former leader took it (the producer's metadata still named it; see `FormerLeadership`).
    public var isServedByFormerLeader = false

    /// The offset the high watermark must reach (Kafka: `requiredOffset`), once appended.
    public var requiredOffset: Int64? { baseOffset.map { $0 + Int64(count) } }
}

extension KafkaError {
    /// `NOT_ENOUGH_REPLICAS` (19).
    static let notEnoughReplicas = KafkaError(
        "NOT_ENOUGH_REPLICAS", "Messages are rejected since there are fewer in-sync replicas than required.")
    /// `NOT_ENOUGH_REPLICAS_AFTER_APPEND` (20).
    static let notEnoughReplicasAfterAppend = KafkaError(
        "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
        "Messages are written to the log, but to fewer in-sync replicas than required.")
    /// `REQUEST_TIMED_OUT` (7).
    static let requestTimedOut = KafkaError("REQUEST_TIMED_OUT", "The request timed out.")
    /// `NOT_LEADER_OR_FOLLOWER` (6).
    static let notLeaderOrFollower = KafkaError(
        "NOT_LEADER_OR_FOLLOWER",
        "For requests intended only for the leader, this error indicates that the broker is not the current leader.")
    /// `REQUEST_TIMED_OUT` as the producer's `Sender` reports a request that got no answer in time.
    static func disconnectedAfterTimeout(_ broker: BrokerID) -> KafkaError {
        KafkaError("REQUEST_TIMED_OUT", "Disconnected from node \(broker) due to timeout")
    }
    /// `NETWORK_EXCEPTION` (13) as the producer's `Sender` reports a request whose connection closed
    /// (`Sender.handleProduceResponse`, `response.wasDisconnected()`).
    static func disconnected(_ broker: BrokerID) -> KafkaError {
        KafkaError("NETWORK_EXCEPTION", "Disconnected from node \(broker)")
    }
    /// `LEADER_NOT_AVAILABLE` (5).
    static let leaderNotAvailable = KafkaError(
        "LEADER_NOT_AVAILABLE",
        "There is no leader for this topic-partition as we are in the middle of a leadership election.")
}

/// An acknowledged record: its leader epoch and the acks it was acknowledged with.
public struct AcknowledgedRecord: Hashable, Sendable {
    /// The epoch of the record.
    public var leaderEpoch: Int
    /// The producer's acks.
    public var acks: Acks
}
