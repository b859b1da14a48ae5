/// A topic: its name, its id, its partitions and its non-default configs.
public struct Topic: Hashable, Sendable {
    /// The topic name.
    public var name: String
    /// The topic id, printed by `kafka-topics --describe` as `TopicId`.
    public var id: TopicID
    /// Partitions by partition number.
    public var partitions: [PartitionState]
    /// Topic-level configs set explicitly (`describe` lists these and the cluster-wide defaults under `Configs`).
    public var configs: [String: String] {
        didSet {
            ownMinInsyncReplicas = Self.minInsyncReplicas(in: configs)
            ownMaxMessageBytes = Self.maxMessageBytes(in: configs, name: TopicConfig.maxMessageBytes.name)
        }
    }
    /// The topic's own `min.insync.replicas` as a number, parsed once per change of `configs` (the HW reads it on
    /// every fetch); nil when the topic does not set it.
    private(set) var ownMinInsyncReplicas: Int?
    /// The topic's own `max.message.bytes` as a number (every produce reads it), nil when the topic does not set it.
    private(set) var ownMaxMessageBytes: Int?
    /// How new partitions of this topic are placed.
    public var placement: PlacementStrategy

    /// Creates a topic.
    public init(
        name: String, id: TopicID, partitions: [PartitionState], configs: [String: String],
        placement: PlacementStrategy
    ) {
        self.name = name
        self.id = id
        self.partitions = partitions
        self.configs = configs
        self.placement = placement
        ownMinInsyncReplicas = Self.minInsyncReplicas(in: configs)
        ownMaxMessageBytes = Self.maxMessageBytes(in: configs, name: TopicConfig.maxMessageBytes.name)
    }

    /// A produce's limit when `max.message.bytes` does not parse.
    static let fallbackMaxMessageBytes = 1_048_588

    /// The config called `name` (`max.message.bytes` or its broker synonym) in `configs` as a number
    /// (`fallbackMaxMessageBytes` when it does not parse), nil when not set.
    static func maxMessageBytes(in configs: [String: String], name: String) -> Int? {
        configs[name].map { Int($0) ?? fallbackMaxMessageBytes }
    }

    /// `min.insync.replicas` in `configs` as a number (1 when it does not parse), nil when not set.
    static func minInsyncReplicas(in configs: [String: String]) -> Int? {
        configs[TopicConfig.minInsyncReplicas.name].map { Int(clamping: Int64($0) ?? 1) }
    }

    /// The replication factor, computed as `kafka-topics` does: from the first partition.
    public var replicationFactor: Int { partitions.first?.replicationFactor ?? 0 }
}
