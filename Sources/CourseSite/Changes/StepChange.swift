import Replication

/// One thing that changed in a step, in the terms a reader of the course uses.
///
/// Everything the site says or highlights about a step's changes (the "What changed" list, changed table cells, the
/// diagram's highlights) is computed from these values only. Today they are derived from the cluster before and after
/// the step (`SnapshotChanges`); an engine that records typed events per step can produce the same values from its
/// events, and nothing that shows them changes.
enum StepChange: Hashable, Sendable {
    /// Brokers joined the cluster.
    case brokersAdded([Broker])
    /// A broker's running state changed (crashed, restarted, stalled, …).
    case brokerState(BrokerID, from: BrokerState, to: BrokerState)
    /// The controller fenced a broker (true) or unfenced it (false).
    case fenced(BrokerID, Bool)
    /// A topic was created.
    case topicCreated(String, partitions: Int, replicationFactor: Int)
    /// Partitions `first...last` were added to a topic.
    case partitionsAdded(String, first: Int, last: Int)
    /// A replica left the ISR.
    case leftIsr(TopicPartition, BrokerID)
    /// A replica joined the ISR.
    case joinedIsr(TopicPartition, BrokerID)
    /// The partition's leader changed (nil: no leader, the partition is offline), and how.
    case leader(TopicPartition, from: BrokerID?, to: BrokerID?, epoch: Int, election: Election)
    /// The leader's high watermark moved, with the same leader before and after (never reported for a partition
    /// without a leader: it has no high watermark).
    case highWatermark(TopicPartition, from: Int64, to: Int64)
    /// A replica's log end offset moved (up: records appended; down: records truncated).
    case logEndOffset(TopicPartition, BrokerID, from: Int64, to: Int64)
    /// A replica removed the records at `removed` from its log (truncation to a diverging leader's log, or the
    /// unflushed tail lost in a crash); some offsets may hold new records again by the end of the step.
    case truncated(TopicPartition, BrokerID, removed: Range<Int64>)
    /// Acknowledged or committed records are gone from the partition (ascending offsets, new in this step).
    case recordsLost(TopicPartition, offsets: [Int64])
    /// A follower learnt a new high watermark from the leader.
    case followerHighWatermark(TopicPartition, BrokerID, from: Int64, to: Int64)
    /// The broker answered a produce request, but the answer was lost on the way to the producer; `offsets` are
    /// where the broker wrote the records (nil when it wrote none: it answered with an error).
    case responseLost(request: ProduceRequestID, TopicPartition, broker: BrokerID, offsets: Range<Int64>?)
    /// A named producer sent a batch again (`attempt` counts from 1).
    case retry(producer: String, batch: ProducerBatchID, TopicPartition, values: [String], attempt: Int)
    /// A batch a producer sent once is in the log more than once: a retry was appended again.
    case duplicate(producer: String, batch: ProducerBatchID, TopicPartition, offsets: [Int64])
    /// The leader recognised a retried batch of an idempotent producer and appended nothing.
    case duplicateRecognised(
        producer: String, batch: ProducerBatchID, TopicPartition, broker: BrokerID, offset: Int64)
    /// A consumer group rebalanced into a new generation.
    case rebalance(group: String, generation: Int, assignor: String?)
    /// A consumer's assignment changed (nil: it is not a member, before it joined or after it left).
    case assignment(group: String, member: String, from: [TopicPartition]?, to: [TopicPartition]?)
    /// A topic config changed (nil: not set).
    case topicConfig(String, key: String, from: String?, to: String?)
    /// The engine found a broken replication invariant (a bug of the model if it ever happens; said, never hidden).
    case invariantBroken(Finding)
    /// Simulated time passed.
    case time(from: SimulatedInstant, to: SimulatedInstant)

    /// How a partition got its new leader.
    enum Election: Hashable, Sendable {
        /// From the ISR, after the leader failed or was shut down (or none: the partition went offline).
        case clean
        /// From outside the ISR: records only the old replicas had are lost.
        case unclean
        /// Back to the preferred replica while the old leader still runs (auto leader rebalance or
        /// `kafka-leader-election --election-type PREFERRED`).
        case preferred
    }

    /// The partition the change is about, if it is about one.
    var partition: TopicPartition? {
        switch self {
        case .leftIsr(let id, _), .joinedIsr(let id, _), .leader(let id, _, _, _, _), .highWatermark(let id, _, _),
            .logEndOffset(let id, _, _, _), .followerHighWatermark(let id, _, _, _), .truncated(let id, _, _),
            .recordsLost(let id, _):
            id
        case .brokersAdded, .brokerState, .fenced, .topicCreated, .partitionsAdded, .time, .responseLost, .retry,
            .duplicate, .duplicateRecognised, .rebalance, .assignment, .topicConfig, .invariantBroken:
            nil
        }
    }
}

/// The changes of one step, in the order the site tells them.
struct StepChanges: Hashable, Sendable {
    /// The changes.
    var changes: [StepChange]
    /// How partitions are named: `P0` when the cluster has one topic (as on the slides), else `orders-0`.
    var labels: PartitionLabels

    /// The partitions the step touched (their leader, ISR, logs or high watermarks changed), in topic and partition
    /// order.
    var touchedPartitions: [TopicPartition] {
        // Sorted, then each once: a step touches a few partitions, so no set of them is hashed.
        var partitions: [TopicPartition] = []
        for change in changes { if let id = change.partition { partitions.append(id) } }
        partitions.sort()
        var touched: [TopicPartition] = []
        for id in partitions where touched.last != id { touched.append(id) }
        return touched
    }

    /// Brokers whose running state changed.
    var brokersWithNewState: Set<BrokerID> {
        Set(changes.compactMap { if case .brokerState(let id, _, _) = $0 { id } else { nil } })
    }

}

/// Names partitions the way the course does.
struct PartitionLabels: Hashable, Sendable {
    /// Whether the cluster has a single topic (then partitions are `P<n>`).
    var isSingleTopic: Bool

    init(_ cluster: Cluster?) {
        isSingleTopic = (cluster?.topics.count ?? 0) <= 1
    }

    func callAsFunction(_ id: TopicPartition) -> String {
        isSingleTopic ? "P\(id.partition)" : id.description
    }
}
