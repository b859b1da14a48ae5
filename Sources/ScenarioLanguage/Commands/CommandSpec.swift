import Diagnostics
import Replication

/// Describes one command of the scenario language: its spelling, its arguments, its help, and how to build it.
///
/// The parser, the help text and the suggestions for misspellings all come from this one table, so they can't drift.
public struct CommandSpec: Sendable {
    /// The command word.
    public var name: String
    /// One-line usage, e.g. `topic <name> partitions=<p> replication-factor=<r> [placement=…]`.
    public var synopsis: String
    /// What the command does, in one sentence.
    public var summary: String
    /// A line that uses it.
    public var example: String
    /// Positional arguments, in order; `required` ones must be present.
    var positionals: [(name: String, required: Bool)]
    /// Keys of `key=value` arguments the command accepts; `required` ones must be present.
    var keys: [(name: String, required: Bool)]
    /// `--flag` words the command accepts.
    var flags: [String] = []
    /// Whether dotted keys are topic configs (`min.insync.replicas=2`).
    var acceptsTopicConfigs = false
    /// What each argument holds, by positional name or key, for completion. Every positional has one (a test checks
    /// it); a key without one takes any value (a number, a name), except topic configs, whose values Kafka defines.
    public internal(set) var argumentKinds: [String: ArgumentKind] = [:]
    /// Whether the command only looks at the cluster (`describe`, `brokers`, …): `play` keeps it in the session's
    /// script but does not make it an undo point, so `undo` undoes the last change.
    var isReadOnly = false
    /// Keys that, when given, stand in for required keys (`replica-assignment=` for `partitions=` and
    /// `replication-factor=`).
    var keysStandingIn: [String: [String]] = [:]
    /// Builds the command from checked arguments; returns nil when an argument was invalid (already reported).
    var build: @Sendable (inout ArgumentReader) -> Command?

    /// Every key name the command accepts (topic configs too, where it takes them), for suggestions.
    public var keyNames: [String] {
        keys.map { $0.name } + (acceptsTopicConfigs ? TopicConfig.all.map { $0.name } : [])
    }

    /// The kind of a positional argument or key (`.text` when it takes any value).
    public func kind(of argument: String) -> ArgumentKind {
        argumentKinds[argument] ?? .text
    }

    /// The names of the positional arguments, in order.
    public var positionalNames: [String] { positionals.map { $0.name } }
}

/// What each broker config takes, for completion: the choices of booleans and named values (`ConfigDef`), plus
/// `extra` kinds of the command's own arguments.
func brokerConfigKinds(adding extra: [String: ArgumentKind] = [:]) -> [String: ArgumentKind] {
    var kinds = extra
    for key in ConfigDef.keys(of: .broker) where !key.choices.isEmpty {
        kinds[key.name] = .words(key.choices)
    }
    return kinds
}

/// The language's commands, in the order `help` lists them.
public enum CommandTable {
    /// All commands except `expect` (which has its own grammar; see `ExpectationTable`).
    public static let commands: [CommandSpec] = clusterCommands + engineCommands + clientCommands + viewCommands

    /// Commands that build and show the cluster (brokers, topics, describe).
    static let clusterCommands: [CommandSpec] = [
        CommandSpec(
            name: "cluster", synopsis: "cluster brokers=<n> [racks=<k>] [kafka=<version>] [<broker config>=<value> …]",
            summary:
                "Creates brokers 0…n-1; with racks=k, racks R1…Rk hold contiguous blocks of ids; kafka= picks the "
                + "Kafka release it behaves as (\(KafkaVersion.names); default \(KafkaVersion.newest.text)); broker "
                + "configs such as replica.lag.time.max.ms=10000 are the brokers' startup settings (help configs).",
            example: "cluster brokers=6 racks=2 kafka=4.0",
            positionals: [],
            keys: [("brokers", true), ("racks", false), ("kafka", false)] + EngineConfig.keys.map { ($0, false) },
            argumentKinds: brokerConfigKinds(),
            build: { reader in
                guard let brokers = reader.int("brokers", in: 1...reader.limits.brokers) else { return nil }
                let racks = reader.optionalInt("racks", in: 1...reader.limits.brokers)
                if let racks, racks > brokers {
                    reader.error(
                        "racks=\(racks) is more than brokers=\(brokers): every rack needs a broker", at: "racks")
                    return nil
                }
                var kafka: KafkaVersion?
                if let text = reader.optionalString("kafka") {
                    kafka = KafkaVersion(text)
                    if kafka == nil {
                        reader.error("kafka must be one of \(KafkaVersion.names), not '\(text)'", at: "kafka")
                        return nil
                    }
                }
                let settings = reader.brokerConfigs()
                guard !reader.hasErrors else { return nil }
                return .cluster(brokers: brokers, racks: racks, kafka: kafka, settings: settings)
            }),
        CommandSpec(
            name: "broker", synopsis: "broker <id> [rack=<name>]",
            summary: "Adds one broker, optionally in a rack.", example: "broker 6 rack=R3",
            positionals: [("id", true)], keys: [("rack", false)],
            argumentKinds: ["id": .newBroker, "rack": .rack],
            build: { reader in
                guard let id = reader.positionalInt(0, name: "id", in: 0...reader.limits.brokerID) else { return nil }
                return .broker(id: id, rack: reader.optionalString("rack"))
            }),
        CommandSpec(
            name: "topic",
            synopsis:
                "topic <name> partitions=<p> replication-factor=<r> [placement=admin-utils|round-robin|striped] [start-index=<i>] [seed=<n>] [<topic config>=<value> …]",
            summary:
                "Creates a topic; placement admin-utils (Kafka's AdminUtils, the default), round-robin (the slides' simplification) or striped (KRaft's StripedReplicaPlacer with java.util.Random(seed), default seed 0; real Kafka's Random is unseeded); replica-assignment=0:1:2,1:2:0 instead of partitions= and replication-factor= places each partition by hand, as kafka-topics --replica-assignment does.",
            example: "topic orders partitions=10 replication-factor=3 min.insync.replicas=2",
            positionals: [("name", true)],
            keys: [
                ("partitions", true), ("replication-factor", true), ("placement", false), ("start-index", false),
                ("seed", false), ("replica-assignment", false),
            ],
            acceptsTopicConfigs: true,
            argumentKinds: ["name": .text, "placement": .words(["admin-utils", "round-robin", "striped"])],
            keysStandingIn: ["replica-assignment": ["partitions", "replication-factor"]],
            build: { reader in
                if let assignment = reader.optionalString("replica-assignment") {
                    // Kafka: TopicCommand's checkInvalidArgs(replicaAssignmentOpt, partitionsOpt, replicationFactorOpt).
                    for key in ["partitions", "replication-factor", "placement", "start-index", "seed"]
                    where reader.optionalString(key) != nil {
                        reader.error(
                            "replica-assignment= places the partitions itself: leave out \(key)=", at: key,
                            notes: [
                                .init("Kafka: Option \"[replica-assignment]\" can't be used with option \"[\(key)]\"")
                            ])
                    }
                    if assignment.isEmpty {
                        reader.error("replica-assignment= needs broker ids, e.g. 0:1:2,1:2:0", at: "replica-assignment")
                    }
                    guard let name = reader.positional(0, name: "name"), !reader.hasErrors else { return nil }
                    return .manualTopic(name: name, replicaAssignment: assignment, configs: reader.topicConfigs())
                }
                guard let name = reader.positional(0, name: "name"),
                    let partitions = reader.int("partitions", in: Int.min...reader.limits.partitions),
                    let factor = reader.int("replication-factor", in: Int.min...reader.limits.brokers)
                else { return nil }
                let startIndex = reader.optionalInt("start-index", in: 0...reader.limits.brokers) ?? 0
                let seed = reader.optionalInt64("seed", in: Int64.min...Int64.max) ?? 0
                let placementName =
                    reader.optionalChoice("placement", ["admin-utils", "round-robin", "striped"]) ?? "admin-utils"
                let placement: PlacementStrategy =
                    switch placementName {
                    case "round-robin": .roundRobin(startIndex: startIndex)
                    case "striped": .striped(seed: seed)
                    default: .adminUtils(startIndex: startIndex)
                    }
                return .topic(
                    name: name, partitions: partitions, replicationFactor: factor, placement: placement,
                    configs: reader.topicConfigs())
            }),
        CommandSpec(
            name: "add-partitions", synopsis: "add-partitions <topic> count=<n>",
            summary: "Grows a topic to n partitions, placed as Kafka places added partitions.",
            example: "add-partitions orders count=12",
            positionals: [("topic", true)], keys: [("count", true)],
            argumentKinds: ["topic": .topic],
            build: { reader in
                guard let topic = reader.positional(0, name: "topic"),
                    let count = reader.int("count", in: Int.min...reader.limits.partitions)
                else { return nil }
                return .addPartitions(topic: topic, count: count)
            }),
        CommandSpec(
            name: "describe",
            synopsis:
                "describe [<topic>] [--under-replicated-partitions|--under-min-isr-partitions|--at-min-isr-partitions|--unavailable-partitions]",
            summary: "Prints topics as `kafka-topics.sh --describe` does.", example: "describe orders",
            positionals: [("topic", false)], keys: [],
            flags: TopicDescription.Filter.allCases.map { "--\($0.rawValue)" },
            argumentKinds: ["topic": .topic], isReadOnly: true,
            build: { reader in
                let filters = reader.flagsPresent.compactMap {
                    TopicDescription.Filter(rawValue: String($0.dropFirst(2)))
                }
                if filters.count > 1 {
                    reader.error("give at most one partition filter", at: "--\(filters[1].rawValue)")
                    return nil
                }
                return .describe(topic: reader.positional(0, name: "topic"), filter: filters.first)
            }),
        CommandSpec(
            name: "brokers", synopsis: "brokers [<topic>]",
            summary: "Prints the course's broker table: leaders and followers per broker, in rack-alternated order.",
            example: "brokers orders",
            positionals: [("topic", false)], keys: [],
            argumentKinds: ["topic": .topic], isReadOnly: true,
            build: { reader in .brokers(topic: reader.positional(0, name: "topic")) }),
    ]

    /// The command with this name.
    public static func command(named name: String) -> CommandSpec? {
        positions[name].map { commands[$0] }
    }

    /// Each command's position in `commands`, by name: every line looks its command up, and comparing the name with
    /// each command in turn copied the specs it passed.
    private static let positions: [String: Int] = {
        var positions: [String: Int] = [:]
        for (position, command) in commands.enumerated() where positions[command.name] == nil {
            positions[command.name] = position
        }
        return positions
    }()

    /// Every word that can start a line, for suggestions.
    public static var allNames: [String] { commands.map { $0.name } + ["expect", "let"] }
}
