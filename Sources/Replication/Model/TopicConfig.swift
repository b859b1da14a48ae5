/// A topic-level config the simulation knows, with Kafka's name and default.
public struct TopicConfig: Hashable, Sendable {
    /// The kind of value a config takes.
    public enum ValueKind: Hashable, Sendable {
        case integer(minimum: Int)
        case boolean
        case choice([String])
    }

    /// Kafka's config name.
    public var name: String
    /// Kafka's default (the broker default a topic inherits).
    public var defaultValue: String
    /// What values are valid.
    public var kind: ValueKind
    /// One line of help.
    public var summary: String

    /// `min.insync.replicas`, default 1 (`TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG`).
    public static let minInsyncReplicas = TopicConfig(
        name: "min.insync.replicas", defaultValue: "1", kind: .integer(minimum: 1),
        summary: "fewest in-sync replicas an acks=all write needs")
    /// `unclean.leader.election.enable`, default false since Kafka 0.11.
    public static let uncleanLeaderElectionEnable = TopicConfig(
        name: "unclean.leader.election.enable", defaultValue: "false", kind: .boolean,
        summary: "allow a replica outside the ISR to become leader (may lose committed data)")
    /// `retention.ms`, default 7 days.
    public static let retentionMs = TopicConfig(
        name: "retention.ms", defaultValue: "604800000", kind: .integer(minimum: -1),
        summary: "how long records are kept (not simulated: the log keeps everything)")
    /// `cleanup.policy`, default delete.
    public static let cleanupPolicy = TopicConfig(
        name: "cleanup.policy", defaultValue: "delete", kind: .choice(["delete", "compact", "compact,delete"]),
        summary: "delete or compact old segments (not simulated)")
    /// `max.message.bytes`, default 1048588.
    public static let maxMessageBytes = TopicConfig(
        name: "max.message.bytes", defaultValue: "1048588", kind: .integer(minimum: 0),
        summary: "largest record batch the topic accepts")

    /// Every topic config the simulation accepts, sorted by name.
    public static let all: [TopicConfig] = [
        cleanupPolicy, maxMessageBytes, minInsyncReplicas, retentionMs, uncleanLeaderElectionEnable,
    ]

    /// The config with this name, if known.
    public static func named(_ name: String) -> TopicConfig? {
        all.first { $0.name == name }
    }

    /// Checks a value; returns Kafka-style complaint text when it is invalid.
    public func validate(_ value: String) -> String? {
        switch kind {
        case .integer(let minimum):
            // Read as 64 bits whatever `Int` is, so a large value is judged the same everywhere.
            guard let number = Int64(value) else {
                return "Invalid value \(value) for configuration \(name): Not a number of type INT"
            }
            if number < Int64(minimum) {
                return "Invalid value \(value) for configuration \(name): Value must be at least \(minimum)"
            }
            return nil
        case .boolean:
            return ["true", "false"].contains(value.lowercased())
                ? nil : "Invalid value \(value) for configuration \(name): Expected value to be either true or false"
        case .choice(let choices):
            return choices.contains(value)
                ? nil
                : "Invalid value \(value) for configuration \(name): String must be one of: \(choices.joined(separator: ", "))"
        }
    }
}
