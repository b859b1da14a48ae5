extension StripedReplicaPlacer {
    /// The usable brokers of a cluster, in the order the placer receives them: ascending id, none fenced.
    ///
    /// Kafka: `ClusterControlManager.usableBrokers()` iterates `BrokerHeartbeatManager.brokers`, a
    /// `HashMap<Integer, BrokerHeartbeatState>`, and skips brokers in controlled shutdown. `Integer.hashCode` is the
    /// value and `HashMap.hash` leaves values below 65536 unchanged (`h ^ (h >>> 16)` = h), so id `i` sits in bucket
    /// `i & (capacity − 1)`: when every id is below the table capacity (16 up to 12 brokers, then 32, …), iteration
    /// is ascending id whatever the registration order. Checked with OpenJDK: ids 5,4,3,2,1,0 inserted in that
    /// order iterate as [0, 1, 2, 3, 4, 5]; but {5, 16} iterates as [16, 5] (16 & 15 = 0). Ascending id is the
    /// choice made here for every id; the order only matters through rack insertion order (ties between racks in
    /// one `HashMap` bucket). The cluster has no fencing or controlled shutdown yet, so every broker is unfenced.
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
    /// Places replicas with `strategy`, keeping one Java Random per striped seed for the cluster's lifetime.
    ///
    /// Kafka: one `Random` (created in `QuorumController.Builder`) is shared by every placement the active controller
    /// makes, for `CreateTopics` and `CreatePartitions` alike (`ReplicationControlManager.createTopic` and
    /// `createPartitions` both call `clusterControl.replicaPlacer().place`). Topics created with the same seed (by
    /// default 0) therefore draw from one generator here, created as `new Random(seed)` on first use; different seeds
    /// get separate generators. The state advances even when placement fails, as Kafka's does (the `RackList`
    /// constructor draws before the checks). A controller failover (a fresh Random) is not modelled.
    mutating func assignReplicas(
        _ strategy: PlacementStrategy, partitions count: Int, replicationFactor: Int, firstPartition: Int
    ) throws(KafkaError) -> [[BrokerID]] {
        guard case .striped(let seed) = strategy else {
            return try strategy.assign(
                brokers: sortedBrokers, partitions: count, replicationFactor: replicationFactor,
                firstPartition: firstPartition)
        }
        if firstPartition == 0 {
            try StripedReplicaPlacer.validateCreateTopic(partitions: count, replicationFactor: replicationFactor)
        }
        var random = stripedRandoms[seed] ?? JavaRandom(seed: seed)
        defer { stripedRandoms[seed] = random }
        do {
            return try StripedReplicaPlacer.place(
                partitions: count, replicationFactor: replicationFactor,
                brokers: StripedReplicaPlacer.usableBrokers(sortedBrokers), random: &random)
        } catch  where error.name == "INVALID_REPLICATION_FACTOR" {
            // Kafka: ReplicationControlManager.createTopic wraps the placer's message.
            throw .invalidReplicationFactor(
                "Unable to replicate the partition \(replicationFactor) time(s): \(error.message)")
        }
    }
}
