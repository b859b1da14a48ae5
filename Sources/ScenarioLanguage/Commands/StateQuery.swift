import Replication

/// A question about the cluster's state, as prose references and question answers write it:
/// `leader orders-0`, `isr orders-0`, `replicas orders-0`, `hw orders-0`, `leo orders-0 [on 2]`,
/// `epoch orders-0`, `lost orders-0`, `time`.
public struct StateQuery: Hashable, Sendable {
    /// What is asked.
    public enum Kind: String, CaseIterable, Sendable {
        case leader, isr, replicas, hw, leo, epoch, lost, time
    }

    /// The kind of value.
    public var kind: Kind
    /// The partition, for every kind except `time`.
    public var partition: TopicPartition?
    /// For `leo … on <broker>`: the replica's broker.
    public var broker: BrokerID?

    /// Parses a query; the error text says what is wrong.
    public static func parse(_ text: String) -> Result<StateQuery, QueryError> {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return .failure(QueryError("an empty query")) }
        guard let kind = Kind(rawValue: first) else {
            let names = Kind.allCases.map { $0.rawValue }
            return .failure(QueryError("unknown query '\(first)' (one of: \(names.joined(separator: ", ")))"))
        }
        if kind == .time {
            return words.count == 1 ? .success(StateQuery(kind: kind)) : .failure(QueryError("'time' takes nothing"))
        }
        guard words.count >= 2, let partition = TopicPartition(parsing: words[1]) else {
            return .failure(QueryError("'\(first)' needs a partition like 'orders-0'"))
        }
        var query = StateQuery(kind: kind, partition: partition)
        if words.count == 4, kind == .leo, words[2] == "on", let broker = Int32(words[3]).map(Int.init) {
            query.broker = broker
        } else if words.count != 2 {
            return .failure(QueryError("unexpected words after '\(words[0]) \(words[1])'"))
        }
        return .success(query)
    }

    /// The value in `cluster`, written as expectations write it; a failure when the partition does not exist.
    public func evaluate(in cluster: Cluster) -> Result<String, QueryError> {
        if kind == .time { return .success(cluster.now.description) }
        guard let id = partition, let state = cluster.partition(id) else {
            return .failure(QueryError("unknown partition '\(partition?.description ?? "")'"))
        }
        func csv(_ ids: [BrokerID]) -> String { ids.isEmpty ? "none" : ids.map(String.init).joined(separator: ",") }
        switch kind {
        case .leader: return .success(state.leader.map(String.init) ?? "none")
        case .isr: return .success(csv(state.isr))
        case .replicas: return .success(csv(state.replicas))
        case .hw: return .success(String(state.highWatermark))
        case .epoch: return .success(String(state.leaderEpoch))
        case .lost:
            let lost = cluster.lostOffsets(of: id)
            return .success(lost.isEmpty ? "none" : Cluster.ranges(lost))
        case .leo:
            if let broker {
                guard let log = state.logs[broker] else {
                    return .failure(QueryError("broker \(broker) holds no replica of \(id)"))
                }
                return .success(String(log.logEndOffset))
            }
            return .success(String(state.leaderLog?.logEndOffset ?? 0))
        case .time: return .success(cluster.now.description)
        }
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
