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
    /// The leader epoch; bumped on every leader change.
    public var leaderEpoch: Int
    /// The partition epoch; bumped on every change of this record.
    public var partitionEpoch: Int

    /// A new partition as the controller creates it: leader = preferred leader, ISR = all replicas, epochs 0.
    public init(id: TopicPartition, replicas: [BrokerID]) {
        self.id = id
        self.replicas = replicas
        self.leader = replicas.first
        self.isr = replicas
        self.leaderEpoch = 0
        self.partitionEpoch = 0
    }

    /// The preferred leader (the first assigned replica).
    public var preferredLeader: BrokerID? { replicas.first }

    /// The replication factor of this partition.
    public var replicationFactor: Int { replicas.count }
}
