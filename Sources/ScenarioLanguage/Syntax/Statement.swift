import Diagnostics
import Replication

/// One parsed line of a scenario.
public struct Statement: Hashable, Sendable {
    /// What the line asks for.
    public var command: Command
    /// The line as written, without comment and surrounding whitespace.
    public var text: String
    /// Where the line's first token is in the lesson file.
    public var location: SourceLocation
    /// 0-based index of the line in the scenario text.
    public var lineIndex: Int
    /// Locations of the line's `key=value` values and positional words, by key (positionals as `#0`, `#1`, …),
    /// so that run-time problems can point at the exact argument.
    public var argumentLocations: [String: SourceLocation]
    /// The author's narration: the text of the `#` comment lines between the previous statement and this one, in
    /// order, without the `#` (a comment belongs to the statement below it).
    public var narration: [String] = []

    /// The location of an argument, or of the line when the argument is unknown.
    public func location(of argument: String) -> SourceLocation {
        argumentLocations[argument] ?? location
    }
}

/// A parsed scenario.
public struct Script: Hashable, Sendable {
    /// The statements in order (blank and comment lines are not statements).
    public var statements: [Statement]

    /// Creates a script.
    public init(statements: [Statement]) {
        self.statements = statements
    }
}

/// What a statement does.
public enum Command: Hashable, Sendable {
    /// `cluster brokers=<n> [racks=<k>] [kafka=<version>]`; nil `kafka` runs the scenario's default release.
    case cluster(brokers: Int, racks: Int?, kafka: KafkaVersion?, settings: [String: String])
    /// `broker <id> [rack=<name>]`.
    case broker(id: BrokerID, rack: String?)
    /// `topic <name> partitions=<p> replication-factor=<r> …`.
    case topic(
        name: String, partitions: Int, replicationFactor: Int, placement: PlacementStrategy, configs: [String: String])
    /// `topic <name> replica-assignment=0:1:2,1:2:0 …`: the assignment as written (`kafka-topics` parses it).
    case manualTopic(name: String, replicaAssignment: String, configs: [String: String])
    /// `add-partitions <topic> count=<n>`.
    case addPartitions(topic: String, count: Int)
    /// `describe [<topic>] [--under-replicated-partitions | …]`.
    case describe(topic: String?, filter: TopicDescription.Filter?)
    /// `brokers [<topic>]`.
    case brokers(topic: String?)
    /// `advance <duration>`.
    case advance(SimulatedDuration)
    /// `crash|restart|shutdown|stall|resume|slow|isolate|flush <broker> …`.
    case fault(Cluster.Fault, broker: BrokerID)
    /// `heal [<broker>]` (every isolated broker when nil).
    case heal(broker: BrokerID?)
    /// `elect preferred|unclean <topic>[-<p>]`.
    case elect(LeaderElection.Kind, target: String)
    /// `config <topic> <key>=<value>`, or `config broker <key>=<value>` when `topic` is nil.
    case config(topic: String?, key: String, value: String)
    /// `produce <topic> [partition=<p>] [key=<k>] [value=<v>] [count=<n>] [acks=0|1|all] [async]`.
    case produce(ProduceCommand)
    /// `replicas <topic>[-<p>]`.
    case replicas(target: String)
    /// `explain <topic>-<p>`: why the partition is in its state, in words.
    case explain(TopicPartition)
    /// `producer <name> [<config>=<value> …]`.
    case producer(name: String, configs: [String: String])
    /// `consume <topic> [partition=<p>] [from=…] [max=<n>] [rack=<r>]`.
    case consume(ConsumeCommand)
    /// `join`, `leave`, `crash-consumer`, `poll`, `commit`, `groups describe`.
    case group(GroupCommand)
    /// `let <name> = <query>`: captures a value of the cluster's state for later lines (`$name`).
    case letValue(name: String, query: StateQuery)
    /// A line that uses captured values: parsed when it runs, after `$name`s are replaced by their values.
    case deferred(line: String, map: SourceMap)
    /// `expect …`.
    case expect(Expectation)
}

/// A claim a scenario makes about the cluster (or about the last command), checked when the line runs.
public struct Expectation: Hashable, Sendable {
    /// What is claimed.
    public enum Claim: Hashable, Sendable {
        /// `expect leader <tp> == <id|none>`.
        case leader(TopicPartition, BrokerID?)
        /// `expect replicas <tp> == <ids>` (order matters).
        case replicas(TopicPartition, [BrokerID])
        /// `expect isr <tp> == <ids>` (as a set).
        case isr(TopicPartition, Set<BrokerID>)
        /// `expect error <NAME>`: the previous command ended with this Kafka error.
        case error(String)
        /// `expect ok`: the previous command succeeded.
        case ok
        /// `expect hw <tp> [on <broker>] == <n>`: the leader's (or that replica's own) high watermark.
        case highWatermark(TopicPartition, BrokerID?, Int64)
        /// `expect leo <tp> [on <broker>] == <n>`: the leader's (or that replica's) log end offset.
        case logEndOffset(TopicPartition, BrokerID?, Int64)
        /// `expect epoch <tp> == <n>`: the leader epoch.
        case epoch(TopicPartition, Int64)
        /// `expect lost <tp> == <offsets>`: acknowledged or committed records that are gone.
        case lost(TopicPartition, [Int64])
        /// `expect invariants ok`: no invariant break was found so far.
        case invariantsOK
        /// `expect partition <topic> key=<k> == <p>`: where the producer's partitioner sends that key.
        case partition(topic: String, key: String, Int)
        /// `expect assignment <group> <member> == <tps|none>` (as a set).
        case assignment(group: String, member: String, Set<TopicPartition>)
        /// `expect read <tp> == <values|none>`: what a consumer reading from the beginning gets.
        case read(TopicPartition, [String])
        /// `expect lag <group> <tp> == <n|->`: HW − committed offset.
        case lag(group: String, TopicPartition, Int64?)
        /// `expect committed <group> <tp> == <n|none>`.
        case committed(group: String, TopicPartition, Int64?)
    }

    /// The claim.
    public var claim: Claim
    /// Where the expected value is written.
    public var valueLocation: SourceLocation
}

/// The arguments of a `produce` line.
public struct ProduceCommand: Hashable, Sendable {
    /// The topic.
    public var topic: String
    /// The partition; without one, a key picks it by murmur2 and no key by the sticky partitioner.
    public var partition: Int?
    /// The record key.
    public var key: String?
    /// The value; with `count` > 1 each record gets the value followed by its index (`r0`, `r1`, …).
    public var value: String?
    /// How many records, in one request.
    public var count: Int
    /// The producer's acks.
    public var acks: Acks
    /// Whether the scenario goes on without waiting for the answer.
    public var isAsync: Bool
    /// The named producer that sends it (with retries), or nil for one request without retries.
    public var producer: String? = nil

    /// The record values this command sends.
    public var values: [String] {
        let base = value ?? "v"
        if count == 1 { return [value ?? "v0"] }
        return (0..<count).map { "\(base)\($0)" }
    }
}
