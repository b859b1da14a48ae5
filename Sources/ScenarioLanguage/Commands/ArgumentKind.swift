/// What an argument of a command holds, as the command table declares it, so that completion offers values that fit
/// the argument and exist now: `crash <Tab>` offers broker ids, `explain orders-<Tab>` the partitions of orders,
/// `advance <Tab>` durations.
public indirect enum ArgumentKind: Hashable, Sendable {
    /// A broker that exists.
    case broker
    /// A broker id not taken yet (`broker <id>` adds one): the next free id is offered.
    case newBroker
    /// A topic that exists.
    case topic
    /// A topic-partition that exists, `orders-0`.
    case partition
    /// A partition number of the topic named by the command's first argument (`produce orders partition=<p>`).
    case partitionNumber
    /// Topics that exist, comma-separated (`topics=orders,clicks`).
    case topicList
    /// A consumer group that exists.
    case group
    /// A member of the group named by the command's first argument.
    case member
    /// A named producer that exists.
    case producer
    /// A rack of the cluster.
    case rack
    /// A simulated duration: `500ms`, `30s`, `2m`.
    case duration
    /// One of these words.
    case words([String])
    /// Any of these kinds (`config <topic>|broker`).
    case oneOf([ArgumentKind])
    /// A value the writer makes up (a new name, a number): nothing to offer but the command's usage.
    case text

    /// Durations worth offering: a fetch round, a heartbeat or two, past `broker.session.timeout.ms` (9 s), to
    /// `replica.lag.time.max.ms` (30 s) and past it, minutes.
    public static let durationExamples = ["500ms", "1s", "5s", "10s", "30s", "45s", "1m", "2m"]
}
