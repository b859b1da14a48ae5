import Replication

/// The arguments of a `consume` line (`kafka-console-consumer` with `print.partition` and `print.offset`).
public struct ConsumeCommand: Hashable, Sendable {
    /// The topic.
    public var topic: String
    /// Only this partition, if given.
    public var partition: Int?
    /// Where to start (default earliest, like `--from-beginning`).
    public var start: Cluster.StartOffset
    /// At most this many records (`--max-messages`).
    public var max: Int?
    /// `client.rack` for follower fetching (KIP-392).
    public var rack: String?
}

/// A consumer-group line.
public enum GroupCommand: Hashable, Sendable {
    /// `join <group> member=<id> topics=<t1,t2> [assignor=…] [instance=<id>] [rack=<r>] …`.
    case join(group: String, member: String, options: JoinOptions)
    /// `leave <group> member=<id>`.
    case leave(group: String, member: String)
    /// `crash-consumer <group> member=<id>`.
    case crash(group: String, member: String)
    /// `poll <group> member=<id> [max=<n>]`.
    case poll(group: String, member: String, max: Int)
    /// `commit <group> member=<id>`.
    case commit(group: String, member: String)
    /// `groups describe <group> [--members|--state]`.
    case describe(group: String, view: ConsumerGroupDescription.View)
}
