/// How a topic's replicas are laid out across brokers.
public enum PlacementStrategy: Hashable, Sendable {
    /// Kafka's classic `AdminUtils.assignReplicasToBrokers` with a fixed start index (ZooKeeper-era topic creation,
    /// `kafka-reassign-partitions --generate`).
    case adminUtils(startIndex: Int)
    /// The course slides' simplification: partition `p`'s leader at position `p mod n` of the rack-alternated list,
    /// its followers at the next positions, with no shift bump.
    case roundRobin(startIndex: Int)
    /// Kafka's KRaft controller placement, `StripedReplicaPlacer`, driven by `java.util.Random(seed)`.
    ///
    /// Real Kafka's Random is unseeded (`new Random()`); the seed makes a run reproducible. Inside a `Cluster`, every
    /// striped placement with the same seed shares one Random, as the active controller shares one (see
    /// `Cluster.assignReplicas`); `assign` on its own starts from a fresh `new Random(seed)`.
    case striped(seed: Int64)

    /// The name a scenario uses for it.
    public var name: String {
        switch self {
        case .adminUtils: "admin-utils"
        case .roundRobin: "round-robin"
        case .striped: "striped"
        }
    }

    /// Assigns replicas to `count` new partitions numbered from `firstPartition`.
    ///
    /// `brokers` must be sorted by id (as `AdminZkClient.getBrokerMetadatas` sorts them).
    public func assign(
        brokers: [Broker], partitions count: Int, replicationFactor: Int, firstPartition: Int
    ) throws(KafkaError) -> [[BrokerID]] {
        switch self {
        case .adminUtils(let startIndex):
            return try AdminUtilsPlacement.assignReplicasToBrokers(
                brokers, partitions: count, replicationFactor: replicationFactor,
                fixedStartIndex: startIndex, startPartitionId: firstPartition)
        case .roundRobin(let startIndex):
            return try RoundRobinPlacement.assign(
                brokers, partitions: count, replicationFactor: replicationFactor,
                startIndex: startIndex, firstPartition: firstPartition)
        case .striped(let seed):
            if firstPartition == 0 {
                try StripedReplicaPlacer.validateCreateTopic(partitions: count, replicationFactor: replicationFactor)
            }
            var random = JavaRandom(seed: seed)
            return try StripedReplicaPlacer.place(
                partitions: count, replicationFactor: replicationFactor,
                brokers: StripedReplicaPlacer.usableBrokers(brokers), random: &random)
        }
    }
}
