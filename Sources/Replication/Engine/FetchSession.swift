/// One outstanding follower fetch: from a follower to one leader, for every partition it follows on that leader.
///
/// Kafka: `ReplicaFetcherThread` keeps one fetch in flight per leader broker. The request reaches the leader after the
/// network delay; when it finds no new data the leader parks it (`DelayedFetch` in the fetch purgatory) until a
/// leader append wakes it or `replica.fetch.wait.max.ms` passes; the response reaches the follower after the network
/// delay, and the follower sends its next fetch as soon as it has processed it.
struct FetchSession: Hashable, Sendable {
    /// Where the fetch is.
    enum Stage: Hashable, Sendable {
        /// On its way to the leader.
        case request
        /// Parked at the leader until the deadline or an append.
        case parked(deadline: SimulatedInstant)
        /// The response, on its way back to the follower.
        case response([FetchResponse])
    }

    /// One partition of the request as the leader first read it.
    struct Fetched: Hashable, Sendable {
        /// The partition.
        var partition: TopicPartition
        /// The leader epoch the leader answered in when the request arrived.
        var leaderEpoch: Int
        /// The follower's fetch offset (its LEO when it sent the request).
        var fetchOffset: Int64
    }

    /// The session's id (also its scheduled events' id).
    var id: FetchSessionID
    /// The follower that fetches.
    var follower: BrokerID
    /// The leader it fetches from.
    var leader: BrokerID
    /// Where the fetch is.
    var stage: Stage
    /// The partitions the leader read when the request arrived, in topic-partition order.
    var fetched: [Fetched] = []

    /// Whether the fetch is parked at the leader.
    var isParked: Bool {
        if case .parked = stage { return true }
        return false
    }
}

/// The outstanding fetch sessions, by id, with a small list of who fetches from whom beside them.
///
/// Every fetch response asks whether its follower has a fetch outstanding with each of its leaders, and every produce
/// asks which fetches are parked at the leader; a scan of the dictionary copied every session (its partitions and
/// responses) to read three fields. The list (`summaries`, ascending id) holds those fields and is kept with every
/// write, so the scans read a few integers per session. Equality and hashing are the dictionary's.
struct FetchSessions: Sendable {
    /// Who fetches from whom, and whether the fetch is parked, of one session.
    struct Summary: Sendable {
        var id: FetchSessionID
        var follower: BrokerID
        var leader: BrokerID
        var isParked: Bool
    }

    /// The sessions, by id.
    private var sessions: [FetchSessionID: FetchSession] = [:]
    /// Each session's summary, by ascending id.
    private(set) var summaries: [Summary] = []

    /// Creates an empty table.
    init() {}

    /// How many sessions are outstanding.
    var count: Int { sessions.count }

    /// The sessions, in no particular order.
    var values: Dictionary<FetchSessionID, FetchSession>.Values { sessions.values }

    /// The session with this id; setting nil removes it.
    subscript(id: FetchSessionID) -> FetchSession? {
        get { sessions[id] }
        set {
            sessions[id] = newValue
            let position = summaryPosition(of: id)
            if let newValue {
                let summary = Summary(
                    id: id, follower: newValue.follower, leader: newValue.leader, isParked: newValue.isParked)
                if position < summaries.count, summaries[position].id == id {
                    summaries[position] = summary
                } else {
                    summaries.insert(summary, at: position)
                }
            } else if position < summaries.count, summaries[position].id == id {
                summaries.remove(at: position)
            }
        }
    }

    /// Whether `follower` has a fetch outstanding with `leader`.
    func hasSession(from follower: BrokerID, to leader: BrokerID) -> Bool {
        summaries.contains { $0.follower == follower && $0.leader == leader }
    }

    /// Removes the sessions `shouldRemove` selects.
    mutating func removeAll(where shouldRemove: (FetchSession) -> Bool) {
        sessions = sessions.filter { !shouldRemove($1) }
        summaries.removeAll { sessions[$0.id] == nil }
    }

    /// Where the summary of `id` is or would go in `summaries` (new ids are the largest: usually the end).
    private func summaryPosition(of id: FetchSessionID) -> Int {
        if summaries.last.map({ $0.id < id }) ?? true { return summaries.count }
        var low = 0
        var high = summaries.count
        while low < high {
            let middle = (low + high) / 2
            if summaries[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension FetchSessions: Hashable {
    static func == (lhs: FetchSessions, rhs: FetchSessions) -> Bool { lhs.sessions == rhs.sessions }
    func hash(into hasher: inout Hasher) { hasher.combine(sessions) }
}
