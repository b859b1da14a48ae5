/// A broker as the KRaft controller offers it to replica placement.
///
/// Kafka: `org.apache.kafka.metadata.placement.UsableBroker` (`id`, `rack`, `fenced`).
public struct UsableBroker: Hashable, Sendable {
    /// The broker's id.
    public var id: BrokerID
    /// The broker's rack, if it has one.
    public var rack: String?
    /// Whether the broker is fenced (registered but not heartbeating): never a leader, a follower only if needed.
    public var isFenced: Bool

    /// Creates a usable broker.
    public init(id: BrokerID, rack: String? = nil, isFenced: Bool = false) {
        self.id = id
        self.rack = rack
        self.isFenced = isFenced
    }
}

/// Kafka's KRaft replica placement, as the active controller runs it for `CreateTopics` and `CreatePartitions`.
///
/// Kafka: `StripedReplicaPlacer.place(PlacementSpec, ClusterDescriber)`
/// (metadata/src/main/java/org/apache/kafka/metadata/placement/StripedReplicaPlacer.java, at commit
/// 1eb7644349cb07139d6a3c1ad1986979647cac99). Later Kafka (the `tryGetPreviousRackOffset` /
/// `tryGetPreviousBrokerOffset` change) continues rack and broker offsets from a topic's existing partitions when
/// partitions are added; that version is not modelled: here placement never depends on existing partitions.
public enum StripedReplicaPlacer {
    /// Places `partitions` new partitions with `replicationFactor` replicas each, drawing from `random`.
    ///
    /// `brokers` must be in the order Kafka's `ClusterDescriber.usableBrokers()` iterates them. One `RackList` is
    /// built per call, as in Kafka, so the random state advances even when the call fails (the `RackList`
    /// constructor draws before the checks).
    public static func place<R: JavaRandomSource>(
        partitions: Int, replicationFactor: Int, brokers: [UsableBroker], random: inout R
    ) throws(KafkaError) -> [[BrokerID]] {
        var rackList = StripedRackList(brokers: brokers, random: &random)
        // Kafka: place() checks in this order: non-positive, all fenced, too few brokers.
        try checkPositive(replicationFactor)
        try checkSomeUnfenced(rackList.numUnfencedBrokers)
        try checkEnoughBrokers(replicationFactor, rackList.numTotalBrokers)
        var placements: [[BrokerID]] = []
        placements.reserveCapacity(max(partitions, 0))
        for _ in 0..<max(partitions, 0) {
            placements.append(try rackList.place(replicationFactor: replicationFactor, random: &random))
        }
        return placements
    }

    /// Kafka: `throwInvalidReplicationFactorIfNonPositive`.
    static func checkPositive(_ replicationFactor: Int) throws(KafkaError) {
        if replicationFactor <= 0 {
            throw .invalidReplicationFactor(
                "Invalid replication factor \(replicationFactor): the replication factor must be positive.")
        }
    }

    /// Kafka: `throwInvalidReplicationFactorIfZero`.
    static func checkSomeUnfenced(_ numUnfenced: Int) throws(KafkaError) {
        if numUnfenced == 0 { throw .invalidReplicationFactor("All brokers are currently fenced.") }
    }

    /// Kafka: `throwInvalidReplicationFactorIfTooFewBrokers`.
    static func checkEnoughBrokers(_ replicationFactor: Int, _ numTotalBrokers: Int) throws(KafkaError) {
        if replicationFactor > numTotalBrokers {
            throw .invalidReplicationFactor(
                "The target replication factor of \(replicationFactor) cannot be reached because only "
                    + "\(numTotalBrokers) broker(s) are registered.")
        }
    }
}

/// Kafka: `StripedReplicaPlacer.BrokerList` — a rack's fenced or unfenced brokers, walked once per epoch.
struct StripedBrokerList: Hashable, Sendable {
    var brokers: [BrokerID] = []
    /// How many brokers were returned in the current epoch.
    var index = 0
    /// Added to `index` (modulo the size) to pick the entry.
    var offset = 0
    /// The last epoch `next` was called with.
    var epoch = 0

    /// Kafka: `BrokerList.initialize(Random)` — sort, then a random start offset.
    mutating func initialize<R: JavaRandomSource>(random: inout R) {
        guard !brokers.isEmpty else { return }
        brokers.sort()
        offset = random.nextInt(brokers.count)
    }

    /// Kafka: `BrokerList.next(int epoch)` — the next broker of this epoch, or nil once all were returned.
    mutating func next(epoch: Int) -> BrokerID? {
        guard !brokers.isEmpty else { return nil }
        if self.epoch != epoch {
            self.epoch = epoch
            index = 0
            offset = (offset + 1) % brokers.count
        }
        guard index < brokers.count else { return nil }
        let broker = brokers[(index + offset) % brokers.count]
        index += 1
        return broker
    }
}

/// Kafka: `StripedReplicaPlacer.Rack`.
struct StripedRack: Hashable, Sendable {
    var fenced = StripedBrokerList()
    var unfenced = StripedBrokerList()

    /// Kafka: `Rack.initialize(Random)` — fenced list first, then unfenced.
    mutating func initialize<R: JavaRandomSource>(random: inout R) {
        fenced.initialize(random: &random)
        unfenced.initialize(random: &random)
    }

    /// Kafka: `Rack.shuffle(Random)` — fenced list first, then unfenced.
    mutating func shuffle<R: JavaRandomSource>(random: inout R) {
        random.shuffle(&fenced.brokers)
        random.shuffle(&unfenced.brokers)
    }

    /// Kafka: `Rack.next(int epoch)` — unfenced first, fenced only when the unfenced list is exhausted.
    mutating func next(epoch: Int) -> BrokerID? {
        unfenced.next(epoch: epoch) ?? fenced.next(epoch: epoch)
    }
}
