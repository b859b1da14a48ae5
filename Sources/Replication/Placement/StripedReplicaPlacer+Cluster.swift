extension StripedReplicaPlacer {
    /// The usable brokers of a cluster, in the order the placer receives them: ascending id, none fenced.
    ///
    /// Kafka: `ClusterControlManager.usableBrokers()` iterates `BrokerHeartbeatManager.brokers`, a
    /// `HashMap<Integer, BrokerHeartbeatState>`, and skips brokers in controlled shutdown. `Integer.hashCode` is the
    /// value and `HashMap.hash` leaves values below 65536 unchanged (`h ^ (h >>> 16)` = h), so the bucket of id `i`
    /// is `i & (capacity − 1)`: for ids below the table capacity (16 up to 12 brokers, then 32, …) iteration is
    /// ascending id. Larger ids would wrap into earlier buckets; ascending id is the choice made here for every id.
    /// The order only matters through rack insertion order (ties of colliding rack hashes). The cluster has no
    /// fencing or controlled shutdown yet, so every broker is unfenced.
    public static func usableBrokers(_ brokers: [Broker]) -> [UsableBroker] {
        brokers.sorted { $0.id < $1.id }.map { UsableBroker(id: $0.id, rack: $0.rack) }
    }

    /// Kafka: `ReplicationControlManager.createTopic` checks, before calling the placer, the replication factor and
    /// then the partition count (`-1`, "use the broker default", is not modelled and fails in the placer).
    static func validateCreateTopic(partitions: Int, replicationFactor: Int) throws(KafkaError) {
        if replicationFactor < -1 || replicationFactor == 0 {
            throw .invalidReplicationFactor(
                "Replication factor must be larger than 0, or -1 to use the default value.")
        }
        if partitions < -1 || partitions == 0 {
            throw .invalidPartitions("Number of partitions was set to an invalid non-positive value.")
        }
    }
}

extension Cluster {
    /// Places replicas with `strategy`; striped placements check the topic first, as Kafka's controller does.
    ///
    /// Kafka: one `Random` (created in `QuorumController.Builder`) is shared by every placement the active controller
    /// makes, for `CreateTopics` and `CreatePartitions` alike (`ReplicationControlManager.createTopic` and
    /// `createPartitions` both call `clusterControl.replicaPlacer().place`). Not modelled yet: every striped
    /// placement here (topic creation and each `add-partitions`) starts from a fresh `new Random(seed)`. Keeping the
    /// generator in `Cluster` crashed the test process intermittently (Swift 6.3.1, a bad pointer while destroying
    /// transcript steps) and there was no time left to find out why.
    mutating func assignReplicas(
        _ strategy: PlacementStrategy, partitions count: Int, replicationFactor: Int, firstPartition: Int
    ) throws(KafkaError) -> [[BrokerID]] {
        try strategy.assign(
            brokers: sortedBrokers, partitions: count, replicationFactor: replicationFactor,
            firstPartition: firstPartition)
    }
}
