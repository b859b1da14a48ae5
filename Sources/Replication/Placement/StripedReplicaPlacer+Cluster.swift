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
    /// one `HashMap` bucket). `fenced` brokers are passed with `fenced = true` (never a leader, a follower only when
    /// the unfenced ones run out); a broker in controlled shutdown would be skipped, but the engine's shutdown is
    /// instantaneous, so a shut-down broker is simply fenced.
    public static func usableBrokers(_ brokers: [Broker], fenced: Set<BrokerID> = []) -> [UsableBroker] {
        brokers.sorted { $0.id < $1.id }.map {
            UsableBroker(id: $0.id, rack: $0.rack, isFenced: fenced.contains($0.id))
        }
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
    /// Brokers the controller has fenced (session expired, shut down, or not yet registered after a restart).
    var fencedBrokers: Set<BrokerID> {
        Set(engine.runtimes.brokers { $0.isFenced || $0.state == .shutDown })
    }

    /// The first ISR and leader of new partitions: the assigned replicas that are active, the first of them leading.
    ///
    /// Kafka: `ReplicationControlManager.createTopic` / `createPartitions` — `isr = replicas.filter(isActive)`
    /// (registered, unfenced, not in controlled shutdown), leader = `isr.get(0)`; an empty ISR rejects the request.
    func initialPartitions(
        topic name: String, assignment: [[BrokerID]], firstPartition: Int, replicationFactor: Int
    ) throws(KafkaError) -> [PartitionState] {
        var states: [PartitionState] = []
        for (offset, replicas) in assignment.enumerated() {
            let isr = replicas.filter(isIsrEligible)
            guard !isr.isEmpty else {
                throw .invalidReplicationFactor(
                    "Unable to replicate the partition \(replicationFactor) time(s): All brokers are currently fenced or in controlled shutdown."
                )
            }
            states.append(
                PartitionState(id: TopicPartition(name, firstPartition + offset), replicas: replicas, isr: isr))
        }
        return states
    }

    /// Places replicas with `strategy`, keeping one Java Random per striped seed for the cluster's lifetime, and
    /// answers as a KRaft controller whatever the strategy.
    ///
    /// Kafka: one `Random` (created in `QuorumController.Builder`) is shared by every placement the active controller
    /// makes, for `CreateTopics` and `CreatePartitions` alike (`ReplicationControlManager.createTopic` and
    /// `createPartitions` both call `clusterControl.replicaPlacer().place`). Topics created with the same seed (by
    /// default 0) therefore draw from one generator here, created as `new Random(seed)` on first use; different seeds
    /// get separate generators. The state advances even when placement fails, as Kafka's does (the `RackList`
    /// constructor draws before the checks). A controller failover (a fresh Random) is not modelled.
    ///
    /// The course's placements (`admin-utils`, `round-robin`) only lay the replicas out: the checks and their texts
    /// are the controller's — `StripedReplicaPlacer.place` (positive factor, some broker unfenced, enough registered
    /// brokers), its message prefixed with "Unable to replicate the partition N time(s): " by `createTopic`, and
    /// passed on as it is by `createPartitions`.
    mutating func assignReplicas(
        _ strategy: PlacementStrategy, partitions count: Int, replicationFactor: Int, firstPartition: Int
    ) throws(KafkaError) -> [[BrokerID]] {
        if firstPartition == 0 {
            try StripedReplicaPlacer.validateCreateTopic(partitions: count, replicationFactor: replicationFactor)
        }
        let usable = StripedReplicaPlacer.usableBrokers(sortedBrokers, fenced: fencedBrokers)
        do {
            guard case .striped(let seed) = strategy else {
                try StripedReplicaPlacer.checkPositive(replicationFactor)
                try StripedReplicaPlacer.checkSomeUnfenced(usable.filter { !$0.isFenced }.count)
                try StripedReplicaPlacer.checkEnoughBrokers(replicationFactor, usable.count)
                return try strategy.assign(
                    brokers: sortedBrokers, partitions: count, replicationFactor: replicationFactor,
                    firstPartition: firstPartition)
            }
            var random = stripedRandoms[seed] ?? JavaRandom(seed: seed)
            defer { stripedRandoms[seed] = random }
            return try StripedReplicaPlacer.place(
                partitions: count, replicationFactor: replicationFactor, brokers: usable, random: &random)
        } catch  where error.name == "INVALID_REPLICATION_FACTOR" && firstPartition == 0 {
            // Kafka: ReplicationControlManager.createTopic wraps the placer's message.
            throw .invalidReplicationFactor(
                "Unable to replicate the partition \(replicationFactor) time(s): \(error.message)")
        }
    }
}
