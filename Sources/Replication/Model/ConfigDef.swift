/// One setting ReplicaLab knows, declared as Kafka declares it in a `ConfigDef`: name, type, default, validator and
/// documentation, plus which resource it belongs to and whether a running cluster can change it.
///
/// Kafka: `ConfigDef.define(name, type, default, validator, importance, doc)`; the topic keys are `LogConfig`'s, the
/// broker keys `ReplicationConfigs`, `KRaftConfigs`, `ServerConfigs` and `ServerLogConfigs`, the producer keys
/// `ProducerConfig`'s.
public struct ConfigKey: Hashable, Sendable {
    /// What the setting configures.
    public enum Resource: String, Hashable, Sendable {
        /// A topic config (`topic … <key>=`, `config <topic> <key>=`).
        case topic
        /// A broker config (`cluster … <key>=`, and for the dynamic ones `config broker <key>=`).
        case broker
        /// A producer config (`producer <name> <key>=`).
        case producer
    }

    /// Kafka's `ConfigDef.Type` of the value.
    public enum ValueType: String, Hashable, Sendable {
        case int = "INT"
        case long = "LONG"
        case boolean = "BOOLEAN"
        case string = "STRING"
        case list = "LIST"
        case `class` = "CLASS"
    }

    /// Kafka's validator of the value (`ConfigDef.Range.atLeast`, `ConfigDef.ValidString.in`, none).
    public enum Validator: Hashable, Sendable {
        /// Any value of the type.
        case none
        /// A number of at least this (`Range.atLeast`).
        case atLeast(Int64)
        /// One of these strings (`ValidString.in`).
        case oneOf([String])
    }

    /// When the setting can change: Kafka's "Update Mode" of broker configs (`DynamicBrokerConfig`).
    public enum UpdateMode: String, Hashable, Sendable {
        /// Read when the broker starts (`server.properties`): `cluster … <key>=<value>`; `config broker` answers
        /// INVALID_REQUEST.
        case readOnly = "read-only"
        /// A cluster-wide default a running cluster can change: `config broker <key>=<value>` (also accepted on the
        /// `cluster` line, as a static value in `server.properties`).
        case clusterWide = "cluster-wide"
        /// Set per topic, at creation or with `config <topic>`.
        case perTopic = "per-topic"
        /// Fixed when the producer is created.
        case perProducer = "per-producer"
    }

    /// Kafka's config name.
    public var name: String
    /// What it configures.
    public var resource: Resource
    /// Kafka's type.
    public var type: ValueType
    /// Kafka's default, as text (`none` where Kafka's default is null).
    public var defaultValue: String
    /// Kafka's validator.
    public var validator: Validator
    /// One line of documentation, for `help` and editors.
    public var doc: String
    /// Whether and how a running cluster can change it.
    public var updateMode: UpdateMode
    /// For a topic config, the broker config that holds its cluster-wide default (`LogConfig`'s
    /// `ServerTopicConfigSynonyms`: `max.message.bytes` ← `message.max.bytes`).
    public var brokerSynonym: String?
    /// The largest value the simulation takes, where it is below the type's (durations feed a 64-bit clock).
    public var simulationMaximum: Int64?

    /// Whether `config broker` may change it on a running cluster.
    public var isDynamic: Bool { updateMode == .clusterWide || updateMode == .perTopic }

    /// Checks a value as `ConfigDef.parseType` and the validator do; returns Kafka's complaint when it is invalid.
    public func validate(_ value: String) -> String? {
        let invalid = { (reason: String) in "Invalid value \(value) for configuration \(name): \(reason)" }
        switch type {
        case .int, .long:
            // Read as 64 bits whatever `Int` is, so a large value is judged the same everywhere.
            guard let number = Int64(value), type == .long || number <= Int64(Int32.max), number >= Int64(Int32.min)
            else {
                return invalid("Not a number of type \(type.rawValue)")
            }
            if case .atLeast(let minimum) = validator, number < minimum {
                return invalid("Value must be at least \(minimum)")
            }
            if let simulationMaximum, number > simulationMaximum {
                return invalid("Value must be no more than \(simulationMaximum)")
            }
        case .boolean:
            // Kafka: a BOOLEAN config accepts true or false, in any case.
            guard ["true", "false"].contains(value.lowercased()) else {
                return invalid("Expected value to be either true or false")
            }
        case .string, .list, .class:
            if case .oneOf(let choices) = validator, !choices.contains(value) {
                return invalid("String must be one of: \(choices.joined(separator: ", "))")
            }
        }
        return nil
    }

    /// The values the key takes, for completion: the choices or true/false; empty for numbers and names.
    public var choices: [String] {
        switch (type, validator) {
        case (.boolean, _): ["true", "false"]
        case (_, .oneOf(let choices)): choices
        default: []
        }
    }

    /// One line describing it, for `help`: `name=default  (TYPE, update mode) doc`.
    public var helpLine: String {
        "\(name)=\(defaultValue)  (\(type.rawValue), \(updateMode.rawValue)) \(doc)"
    }
}

/// Every setting ReplicaLab knows, in one table: validation, `help`, completion, `describe`'s `Configs` and the
/// static/dynamic rule of `config broker` all come from it.
public enum ConfigDef {
    /// The table, by resource then name.
    public static let keys: [ConfigKey] = topicKeys + brokerKeys + producerKeys

    /// The keys of one resource, sorted by name.
    public static func keys(of resource: ConfigKey.Resource) -> [ConfigKey] {
        keys.filter { $0.resource == resource }
    }

    /// The key of this resource with this name, if known.
    public static func key(_ name: String, of resource: ConfigKey.Resource) -> ConfigKey? {
        keys.first { $0.resource == resource && $0.name == name }
    }

    /// `LogConfig` (storage/…/LogConfig.java) and `TopicConfig`: the topic configs the simulation knows.
    static let topicKeys: [ConfigKey] = [
        ConfigKey(
            name: "cleanup.policy", resource: .topic, type: .list, defaultValue: "delete",
            validator: .oneOf(["delete", "compact", "compact,delete"]),
            doc: "delete or compact old segments (not simulated)", updateMode: .perTopic),
        ConfigKey(
            name: "max.message.bytes", resource: .topic, type: .int, defaultValue: "1048588", validator: .atLeast(0),
            doc: "largest record batch the topic accepts", updateMode: .perTopic, brokerSynonym: "message.max.bytes"),
        ConfigKey(
            name: "min.insync.replicas", resource: .topic, type: .int, defaultValue: "1", validator: .atLeast(1),
            doc: "fewest in-sync replicas an acks=all write needs", updateMode: .perTopic,
            brokerSynonym: "min.insync.replicas"),
        ConfigKey(
            name: "retention.ms", resource: .topic, type: .long, defaultValue: "604800000", validator: .atLeast(-1),
            doc: "how long records are kept (not simulated: the log keeps everything)", updateMode: .perTopic),
        ConfigKey(
            name: "unclean.leader.election.enable", resource: .topic, type: .boolean, defaultValue: "false",
            validator: .none, doc: "allow a replica outside the ISR to become leader (may lose committed data)",
            updateMode: .perTopic, brokerSynonym: "unclean.leader.election.enable"),
    ]

    /// Broker configs. Kafka's dynamic ones are `DynamicBrokerConfig.AllDynamicConfigs`; of those the simulation
    /// knows the log defaults of `DynamicLogConfig.ReconfigurableConfigs` (the broker synonyms of topic configs).
    /// Every other one is read-only: `DynamicConfig.Broker.nonDynamicProps`.
    static let brokerKeys: [ConfigKey] = [
        ConfigKey(
            name: "auto.leader.rebalance.enable", resource: .broker, type: .boolean, defaultValue: "true",
            validator: .none, doc: "the controller moves leaders back to their preferred replica periodically",
            updateMode: .readOnly),
        ConfigKey(
            name: "broker.heartbeat.interval.ms", resource: .broker, type: .int, defaultValue: "2000",
            validator: .atLeast(1), doc: "how often a broker heartbeats to the controller (KRaftConfigs)",
            updateMode: .readOnly),
        ConfigKey(
            name: "broker.session.timeout.ms", resource: .broker, type: .int, defaultValue: "9000",
            validator: .atLeast(1), doc: "how long without a heartbeat before the controller fences a broker",
            updateMode: .readOnly),
        ConfigKey(
            name: "leader.imbalance.check.interval.seconds", resource: .broker, type: .long, defaultValue: "300",
            validator: .atLeast(1), doc: "period of the controller's preferred-leader election",
            updateMode: .readOnly, simulationMaximum: Int64(Int32.max)),
        ConfigKey(
            name: "message.max.bytes", resource: .broker, type: .int, defaultValue: "1048588", validator: .atLeast(0),
            doc: "cluster-wide default of the topic config max.message.bytes", updateMode: .clusterWide),
        ConfigKey(
            name: "min.insync.replicas", resource: .broker, type: .int, defaultValue: "1", validator: .atLeast(1),
            doc: "cluster-wide default of the topic config min.insync.replicas", updateMode: .clusterWide),
        ConfigKey(
            name: "replica.fetch.wait.max.ms", resource: .broker, type: .int, defaultValue: "500",
            validator: .atLeast(1), doc: "how long a follower fetch with no new data waits at the leader",
            updateMode: .readOnly),
        ConfigKey(
            name: "replica.lag.time.max.ms", resource: .broker, type: .long, defaultValue: "30000",
            validator: .atLeast(1), doc: "how long a follower may lag before the leader drops it from the ISR",
            updateMode: .readOnly, simulationMaximum: Int64(Int32.max)),
        ConfigKey(
            name: "replica.selector.class", resource: .broker, type: .string, defaultValue: "none",
            validator: .oneOf(["none", "org.apache.kafka.common.replica.RackAwareReplicaSelector"]),
            doc:
                "lets consumers read from a follower in their rack (KIP-392); none: every consumer reads from the leader",
            updateMode: .readOnly),
        ConfigKey(
            name: "request.timeout.ms", resource: .broker, type: .int, defaultValue: "30000", validator: .atLeast(1),
            doc: "how long a produce line without producer= waits for its answer (the client's request.timeout.ms)",
            updateMode: .readOnly),
        ConfigKey(
            name: "unclean.leader.election.enable", resource: .broker, type: .boolean, defaultValue: "false",
            validator: .none, doc: "cluster-wide default of the topic config unclean.leader.election.enable",
            updateMode: .clusterWide),
        ConfigKey(
            name: "unclean.leader.election.interval.ms", resource: .broker, type: .long, defaultValue: "300000",
            validator: .atLeast(1), doc: "period of the controller's unclean election check (internal, Kafka 3.9+)",
            updateMode: .readOnly, simulationMaximum: Int64(Int32.max)),
    ]

    /// `ProducerConfig` (clients/…/ProducerConfig.java): the producer configs the simulation knows.
    static let producerKeys: [ConfigKey] = [
        producer("acks", .string, "all", .oneOf(["all", "-1", "0", "1"]), "whom the leader waits for: 0, 1 or all"),
        producer("batch.size", .int, "16384", .atLeast(0), "most bytes per batch; the sticky partitioner's switch"),
        producer("delivery.timeout.ms", .int, "120000", .atLeast(0), "how long a record may take, retries included"),
        producer("enable.idempotence", .boolean, "true", .none, "sequence numbers so retries never duplicate"),
        producer(
            "linger.ms", .long, "5", .atLeast(0),
            "how long a new batch waits for more records (0 before Kafka 4.0, KIP-1030)"),
        producer(
            "max.in.flight.requests.per.connection", .int, "5", .atLeast(1), "unanswered requests per connection"),
        producer(
            "metadata.max.age.ms", .long, "300000", .atLeast(0),
            "how old the producer's view of the leaders may get before it asks again"),
        producer(
            "partitioner", .string, "sticky", .oneOf(["sticky", "round-robin"]),
            "null-key partitioning: KIP-794 sticky or the pre-2.4 round robin (not a Kafka name)"),
        producer("request.timeout.ms", .int, "30000", .atLeast(0), "how long one request waits for its answer"),
        producer("retries", .int, "2147483647", .atLeast(0), "how often a failed batch is sent again"),
        producer("retry.backoff.max.ms", .long, "1000", .atLeast(0), "longest wait between retries (KIP-580)"),
        producer("retry.backoff.ms", .long, "100", .atLeast(0), "first wait between retries"),
    ]

    private static func producer(
        _ name: String, _ type: ConfigKey.ValueType, _ defaultValue: String, _ validator: ConfigKey.Validator,
        _ doc: String
    ) -> ConfigKey {
        ConfigKey(
            name: name, resource: .producer, type: type, defaultValue: defaultValue, validator: validator, doc: doc,
            updateMode: .perProducer, simulationMaximum: type == .long ? Int64(Int32.max) : nil)
    }
}
