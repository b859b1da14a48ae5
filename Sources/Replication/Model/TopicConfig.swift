/// The topic configs of `ConfigDef`, by the names the engine reads them with.
public enum TopicConfig {
    /// `min.insync.replicas`, default 1 (`TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG`).
    public static let minInsyncReplicas = ConfigDef.key("min.insync.replicas", of: .topic)!
    /// `unclean.leader.election.enable`, default false since Kafka 0.11.
    public static let uncleanLeaderElectionEnable = ConfigDef.key("unclean.leader.election.enable", of: .topic)!
    /// `max.message.bytes`, default 1048588.
    public static let maxMessageBytes = ConfigDef.key("max.message.bytes", of: .topic)!

    /// Every topic config the simulation accepts, sorted by name.
    public static var all: [ConfigKey] { ConfigDef.keys(of: .topic) }

    /// The config with this name, if known.
    public static func named(_ name: String) -> ConfigKey? {
        ConfigDef.key(name, of: .topic)
    }
}
