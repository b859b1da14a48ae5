/// What a producer knows of the partitions' leaders, and when it asks the cluster again.
///
/// Kafka: `clients/…/Metadata.java` with `ProducerMetadata`. A full update at start-up (`bootstrap` sets
/// `needFullUpdate`), then whenever an update is requested — a disconnect or a request timeout
/// (`NetworkClient.DefaultMetadataUpdater.handleServerDisconnect`), an `InvalidMetadataException` in a produce answer
/// such as NOT_LEADER_OR_FOLLOWER (`Sender.completeBatch`) — and otherwise `metadata.max.age.ms` after the last full
/// update (`timeToNextUpdate`: `lastSuccessfulRefreshMs + metadataExpireMs`). A successful answer requests nothing, so
/// a leader that keeps answering keeps the producer's traffic. A topic the producer has not seen yet is a partial
/// update, which does not reset the age (`Metadata.update` with `isPartialUpdate`).
public struct ProducerMetadata: Hashable, Sendable {
    /// A partition's leader and leader epoch as a metadata answer gave them (`Metadata.LeaderAndEpoch`).
    public struct Leader: Hashable, Sendable {
        /// The leader's id, nil when the partition had none.
        public var broker: BrokerID?
        /// The leader epoch.
        public var epoch: Int

        /// Creates a leader entry.
        public init(broker: BrokerID?, epoch: Int) {
            self.broker = broker
            self.epoch = epoch
        }
    }

    /// The leaders known, by partition.
    public private(set) var leaders: [TopicPartition: Leader] = [:]
    /// When the last full update happened (Kafka: `lastSuccessfulRefreshMs`); nil before the first.
    public private(set) var lastRefresh: SimulatedInstant?
    /// Whether an update was requested since the last full one (Kafka: `needFullUpdate`).
    public private(set) var isUpdateRequested = false
    /// `metadata.max.age.ms`.
    public var maxAge: SimulatedDuration

    /// An empty cache that updates at its first use.
    public init(maxAge: SimulatedDuration) {
        self.maxAge = maxAge
    }

    /// Whether the next send sees a full update first.
    ///
    /// Kafka: `Metadata.timeToNextUpdate(now) == 0` (the refresh backoff is not modelled: an update goes out at once).
    public func isUpdateDue(at now: SimulatedInstant) -> Bool {
        guard let lastRefresh, !isUpdateRequested else { return true }
        return now >= lastRefresh + maxAge
    }

    /// Asks for a full update before the next send (Kafka: `Metadata.requestUpdate`).
    public mutating func requestUpdate() {
        isUpdateRequested = true
    }

    /// A full update with the cluster's current leaders.
    ///
    /// A requested or first update happens now; one that only waited for `metadata.max.age.ms` happened when the
    /// age ran out (the `Sender` thread refreshes then, sends or not), so the next one is due an age after that.
    public mutating func update(at now: SimulatedInstant, leaders current: [TopicPartition: Leader]) {
        leaders = current
        if let lastRefresh, !isUpdateRequested, maxAge > .zero, now >= lastRefresh + maxAge {
            self.lastRefresh = lastRefresh + maxAge * ((now - lastRefresh).milliseconds / maxAge.milliseconds)
        } else {
            lastRefresh = now
        }
        isUpdateRequested = false
    }

    /// A partial update: the partitions of a topic the producer had not seen (the age is not reset).
    public mutating func learn(_ partitions: [TopicPartition: Leader]) {
        for (id, leader) in partitions { leaders[id] = leader }
    }
}
