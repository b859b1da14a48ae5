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
    /// `cluster brokers=<n> [racks=<k>]`.
    case cluster(brokers: Int, racks: Int?)
    /// `broker <id> [rack=<name>]`.
    case broker(id: BrokerID, rack: String?)
    /// `topic <name> partitions=<p> replication-factor=<r> …`.
    case topic(
        name: String, partitions: Int, replicationFactor: Int, placement: PlacementStrategy, configs: [String: String])
    /// `add-partitions <topic> count=<n>`.
    case addPartitions(topic: String, count: Int)
    /// `describe [<topic>] [--under-replicated-partitions | …]`.
    case describe(topic: String?, filter: TopicDescription.Filter?)
    /// `brokers [<topic>]`.
    case brokers(topic: String?)
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
    }

    /// The claim.
    public var claim: Claim
    /// Where the expected value is written.
    public var valueLocation: SourceLocation
}
