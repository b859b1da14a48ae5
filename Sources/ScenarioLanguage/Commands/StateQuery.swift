import Replication

/// A question about the cluster's state, as prose references, question answers and `let` write it:
/// `leader orders-0`, `isr orders-0`, `elr orders-0`, `last-known-elr orders-0`, `replicas orders-0`,
/// `hw orders-0 [on 2]`, `leo orders-0 [on 2]`, `epoch orders-0`, `lost orders-0`, `lag g orders-0`,
/// `read orders-0`, `committed g orders-0`, `assignment g c1`, `generation g`, `partition orders key=alice`,
/// `leads 0 orders`, `follows 0 orders`, `time [in s|ms|min]`.
public struct StateQuery: Hashable, Sendable {
    /// What is asked.
    public enum Kind: String, CaseIterable, Sendable {
        case leader, isr, elr
        case lastKnownElr = "last-known-elr"
        case replicas, hw, leo, epoch, lost, read, lag, committed, assignment, generation, partition, leads, follows
        case time
    }

    /// The unit `time in <unit>` rounds to, as a person says a time ("45 s", not "45.003s").
    public enum TimeUnit: String, CaseIterable, Sendable {
        case ms, s, min

        var milliseconds: Int64 {
            switch self {
            case .ms: 1
            case .s: 1000
            case .min: 60_000
            }
        }
    }

    /// The kind of value.
    public var kind: Kind
    /// The partition, for every kind except `time`.
    public var partition: TopicPartition?
    /// For `hw … on <broker>` and `leo … on <broker>`: the replica's broker (default: the leader's); for `leads` and
    /// `follows`: the broker asked about.
    public var broker: BrokerID?
    /// For `lag`, `committed`, `assignment` and `generation`: the consumer group.
    public var group: String?
    /// For `assignment <group> <member>`: the member's client id.
    public var member: String?
    /// For `partition <topic> key=<key>`, `leads <broker> <topic>` and `follows <broker> <topic>`: the topic.
    public var topic: String?
    /// The record key of `partition <topic> key=<key>`.
    public var key: String?
    /// For `time in <unit>`: the unit it is rounded to; nil writes the exact time (`45.003s`).
    public var unit: TimeUnit?

    /// One line on every query, for help texts.
    public static let summary =
        "queries: " + Kind.allCases.map { $0.rawValue }.joined(separator: ", ")
        + " (each with a partition like orders-0; hw and leo take [on <broker>]; lag and committed take a group first,"
        + " e.g. lag g orders-0; assignment takes a group and a member, generation a group;"
        + " partition takes a topic and key=<key>; leads and follows take a broker and a topic, e.g. leads 0 orders;"
        + " time takes nothing, or 'in s', 'in ms' or 'in min' to round it: 45 s)"

    /// Parses a query; the error text says what is wrong.
    public static func parse(_ text: String) -> Result<StateQuery, QueryError> {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return .failure(QueryError("an empty query")) }
        guard let kind = Kind(rawValue: first) else {
            let names = Kind.allCases.map { $0.rawValue }
            return .failure(QueryError("unknown query '\(first)' (one of: \(names.joined(separator: ", ")))"))
        }
        switch kind {
        case .time: return parseTime(words)
        case .lag, .committed: return parseGroupQuery(kind, words)
        case .assignment:
            guard words.count == 3 else {
                return .failure(QueryError("'assignment' needs a group and a member, e.g. 'assignment g c1'"))
            }
            return .success(StateQuery(kind: .assignment, group: words[1], member: words[2]))
        case .generation:
            guard words.count == 2 else {
                return .failure(QueryError("'generation' needs a group, e.g. 'generation g'"))
            }
            return .success(StateQuery(kind: .generation, group: words[1]))
        case .leads, .follows:
            guard words.count == 3, let broker = Int32(words[1]).map(Int.init) else {
                return .failure(
                    QueryError(
                        "'\(kind.rawValue)' needs a broker and a topic, e.g. '\(kind.rawValue) 0 orders'"))
            }
            return .success(StateQuery(kind: kind, broker: broker, topic: words[2]))
        case .partition:
            guard words.count == 3, words[2].hasPrefix("key="), words[2].count > 4 else {
                return .failure(QueryError("'partition' needs a topic and a key, e.g. 'partition orders key=alice'"))
            }
            return .success(StateQuery(kind: .partition, topic: words[1], key: String(words[2].dropFirst(4))))
        default: break
        }
        guard words.count >= 2, let partition = TopicPartition(parsing: words[1]) else {
            return .failure(QueryError("'\(first)' needs a partition like 'orders-0'"))
        }
        var query = StateQuery(kind: kind, partition: partition)
        if words.count == 4, kind == .leo || kind == .hw, words[2] == "on",
            let broker = Int32(words[3]).map(Int.init)
        {
            query.broker = broker
        } else if words.count != 2 {
            return .failure(QueryError("unexpected words after '\(words[0]) \(words[1])'"))
        }
        return .success(query)
    }

    /// `time` or `time in <unit>`.
    private static func parseTime(_ words: [String]) -> Result<StateQuery, QueryError> {
        if words.count == 1 { return .success(StateQuery(kind: .time)) }
        let units = TimeUnit.allCases.map { $0.rawValue }.joined(separator: ", ")
        guard words.count == 3, words[1] == "in", let unit = TimeUnit(rawValue: words[2]) else {
            return .failure(QueryError("'time' takes nothing, or 'in <unit>' with a unit of: \(units)"))
        }
        return .success(StateQuery(kind: .time, unit: unit))
    }

    /// `lag <group> <partition>` and `committed <group> <partition>`, as `expect lag` writes them.
    private static func parseGroupQuery(_ kind: Kind, _ words: [String]) -> Result<StateQuery, QueryError> {
        guard words.count == 3, let partition = TopicPartition(parsing: words[2]) else {
            return .failure(
                QueryError("'\(kind.rawValue)' needs a group and a partition, e.g. '\(kind.rawValue) g orders-0'"))
        }
        return .success(StateQuery(kind: kind, partition: partition, group: words[1]))
    }

    /// The value in `cluster`, written as expectations write it; a failure when the partition or group does not
    /// exist.
    public func evaluate(in cluster: Cluster) -> Result<String, QueryError> {
        if kind == .time { return .success(Self.time(cluster.now, in: unit)) }
        if kind == .partition { return keyedPartition(in: cluster) }
        if kind == .leads || kind == .follows { return roles(in: cluster) }
        if kind == .assignment || kind == .generation {
            guard let name = group, let found = cluster.groups[name] else {
                return .failure(QueryError("unknown consumer group '\(group ?? "")'"))
            }
            return .success(
                kind == .generation ? String(found.generation) : Self.assignment(of: member ?? "", in: found))
        }
        guard let id = partition, let state = cluster.partition(id) else {
            return .failure(QueryError("unknown partition '\(partition?.description ?? "")'"))
        }
        func csv(_ ids: [BrokerID]) -> String { ids.isEmpty ? "none" : ids.map(String.init).joined(separator: ",") }
        switch kind {
        case .leader: return .success(state.leader.map(String.init) ?? "none")
        case .isr: return .success(csv(state.isr))
        case .elr: return .success(csv(state.elr))
        case .lastKnownElr: return .success(csv(state.lastKnownElr))
        case .replicas: return .success(csv(state.replicas))
        case .hw:
            // A follower's HW trails the leader's: it learns it from fetch responses.
            guard let broker else { return .success(String(state.highWatermark)) }
            guard let log = state.logs[broker] else {
                return .failure(QueryError("broker \(broker) holds no replica of \(id)"))
            }
            return .success(String(log.highWatermark))
        case .epoch: return .success(String(state.leaderEpoch))
        case .lost:
            let lost = cluster.lostOffsets(of: id)
            return .success(lost.isEmpty ? "none" : Cluster.ranges(lost))
        case .read: return .success(Self.read(id, in: cluster))
        case .leo:
            if let broker {
                guard let log = state.logs[broker] else {
                    return .failure(QueryError("broker \(broker) holds no replica of \(id)"))
                }
                return .success(String(log.logEndOffset))
            }
            return .success(String(state.leaderLog?.logEndOffset ?? 0))
        case .lag, .committed:
            guard let name = group, let found = cluster.groups[name] else {
                return .failure(QueryError("unknown consumer group '\(group ?? "")'"))
            }
            return .success(kind == .lag ? Self.lag(of: found, on: id, in: cluster) : Self.committed(of: found, on: id))
        case .time: return .success(Self.time(cluster.now, in: unit))
        case .partition: return keyedPartition(in: cluster)
        case .leads, .follows: return roles(in: cluster)
        case .assignment, .generation: return .failure(QueryError("'\(kind.rawValue)' reads a group"))
        }
    }

    /// The partition a record with the key goes to: `toPositive(murmur2(key)) % partitions`, as `expect partition`
    /// checks it (Kafka: `BuiltInPartitioner.partitionForKey`).
    private func keyedPartition(in cluster: Cluster) -> Result<String, QueryError> {
        guard let name = topic, let key, let found = cluster.topics[name], !found.partitions.isEmpty else {
            return .failure(QueryError("unknown topic '\(topic ?? "")'"))
        }
        return .success(String(DefaultPartitioner.partition(forKey: key, partitionCount: found.partitions.count)))
    }

    /// The partition numbers of the topic whose leader is the broker (`leads`), or of which it holds a replica
    /// without leading it (`follows`), ascending: a row of the broker table; `none` when there are none.
    private func roles(in cluster: Cluster) -> Result<String, QueryError> {
        guard let name = topic, let found = cluster.topics[name] else {
            return .failure(QueryError("unknown topic '\(topic ?? "")'"))
        }
        guard let broker, cluster.brokers[broker] != nil else {
            return .failure(QueryError("unknown broker \(broker.map(String.init) ?? "")"))
        }
        let numbers = found.partitions.filter { state in
            kind == .leads ? state.leader == broker : state.replicas.contains(broker) && state.leader != broker
        }
        .map { $0.id.partition }
        return .success(numbers.isEmpty ? "none" : numbers.sorted().map(String.init).joined(separator: ","))
    }

    /// LAG as `kafka-consumer-groups.sh --describe` shows it: the high watermark minus the committed offset, `-`
    /// without a committed offset or a leader (Kafka: `ConsumerGroupCommand.ConsumerGroupService.getLogEndOffsets`,
    /// which asks for `OffsetSpec.latest()`: the high watermark for a read-uncommitted `ListOffsets`).
    static func lag(of group: ConsumerGroup, on id: TopicPartition, in cluster: Cluster) -> String {
        let end = cluster.partition(id).flatMap { $0.leader != nil ? $0.highWatermark : nil }
        return group.committed[id].flatMap { offset in end.map { String($0 - offset) } } ?? "-"
    }

    /// The values a consumer reads from the partition, from its start up to the high watermark; `none` when nothing
    /// is readable.
    static func read(_ id: TopicPartition, in cluster: Cluster) -> String {
        let values = cluster.consume(topic: id.topic, partition: id.partition).map { $0.value }
        return values.isEmpty ? "none" : values.joined(separator: ",")
    }

    /// A member's partitions, sorted; `none` for a member that holds nothing or is not (or no longer) in the group.
    static func assignment(of member: String, in group: ConsumerGroup) -> String {
        let assignment = group.members.last(where: { $0.clientID == member })?.assignment ?? []
        return assignment.isEmpty ? "none" : assignment.sorted().map { $0.description }.joined(separator: ",")
    }

    /// The group's committed offset on a partition, `none` without one.
    static func committed(of group: ConsumerGroup, on id: TopicPartition) -> String {
        group.committed[id].map(String.init) ?? "none"
    }

    /// A time as a lesson writes it: exact (`45.003s`), or rounded to whole units, half up, with a no-break space
    /// so that a line never ends between number and unit (`45 s`).
    static func time(_ instant: SimulatedInstant, in unit: TimeUnit?) -> String {
        guard let unit else { return instant.description }
        let size = unit.milliseconds
        let rounded = (instant.millisecondsSinceStart + size / 2) / size
        return String(rounded) + "\u{00A0}" + unit.rawValue
    }
}

/// Why a query could not be parsed or answered.
public struct QueryError: Error, Hashable, Sendable {
    /// The explanation.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }
}
