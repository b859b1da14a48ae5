/// What the controller knows about one partition: its replica assignment, leader, ISR and epochs.
public struct PartitionState: Hashable, Sendable {
    /// The topic-partition.
    public var id: TopicPartition
    /// The assigned replicas in order; the first one is the preferred leader.
    public var replicas: [BrokerID]
    /// The current leader, or nil when the partition has none (`Leader: none`).
    public var leader: BrokerID?
    /// The in-sync replicas, in the order Kafka lists them.
    public var isr: [BrokerID]
    /// The eligible leader replicas (KIP-966): members that left an ISR smaller than min ISR and may still lead
    /// cleanly; always empty when the cluster's Kafka has ELR off. Kafka: `PartitionRegistration.elr`.
    public var elr: [BrokerID] = []
    /// The last known ELR: the last leader when the ISR became empty. Kafka: `PartitionRegistration.lastKnownElr`.
    public var lastKnownElr: [BrokerID] = []
    /// The leader epoch; bumped on every leader change.
    public var leaderEpoch: Int
    /// The partition epoch; bumped on every change of this record.
    public var partitionEpoch: Int
    /// Each replica's log, by broker (in replica order: see `ReplicaMap`).
    public var logs = ReplicaMap<ReplicaLog>()
    /// The leader's view of each follower's fetches (Kafka: `Partition.remoteReplicasMap`).
    public var followerStates = ReplicaMap<FollowerFetchState>()
    /// The leader's LEO when it became leader in the current epoch (Kafka: `leaderEpochStartOffsetOpt`).
    public var leaderEpochStartOffset: Int64 = 0
    /// An ISR the leader proposed but the controller has not committed (`AlterPartition` in flight), if any.
    public var pendingIsr: [BrokerID]?
    /// The leader epoch of the last unclean election, nil when every election was clean.
    public var uncleanElectionEpoch: Int?
    /// The log end offset of the leader elected uncleanly (where its epoch starts), when there was one.
    public var uncleanElectionStartOffset: Int64 = 0
    /// Whether the current leader epoch began with an unclean election (per epoch: a later clean one resets it).
    public var hadUncleanElection: Bool { uncleanElectionEpoch == leaderEpoch }

    /// A new partition as the controller creates it: ISR = the active replicas (all by default), leader = the
    /// first ISR member, epochs 0.
    public init(id: TopicPartition, replicas: [BrokerID], isr: [BrokerID]? = nil) {
        self.id = id
        self.replicas = replicas
        self.isr = isr ?? replicas
        self.leader = self.isr.first
        self.leaderEpoch = 0
        self.partitionEpoch = 0
    }

    /// The preferred leader (the first assigned replica).
    public var preferredLeader: BrokerID? { replicas.first }

    /// The replication factor of this partition.
    public var replicationFactor: Int { replicas.count }

    /// The maximal ISR: the committed ISR, or the pending proposal when it adds replicas (a shrink does not relax
    /// the HW until committed). Kafka: `PartitionState.maximalIsr`.
    public var maximalIsr: [BrokerID] {
        guard let pendingIsr else { return isr }
        return isr + pendingIsr.filter { !isr.contains($0) }
    }

    /// The leader's log, if there is a leader.
    public var leaderLog: ReplicaLog? { leader.flatMap { logs[$0] } }

    /// The leader's high watermark (0 without a leader).
    public var highWatermark: Int64 { leaderLog?.highWatermark ?? 0 }
}
