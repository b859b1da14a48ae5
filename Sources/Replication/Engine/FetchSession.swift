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
