/// Which partitions each follower fetches from which leader: worked out from the partitions' leaders and replica
/// logs when first needed, and forgotten whenever a partition's leader or set of logs changes.
///
/// Kafka: `ReplicaFetcherManager.addFetcherForPartitions` keeps one fetcher per leader with the partitions it fetches,
/// updated on `makeFollower`; here the same lists are derived from the partitions, so a fetch does not scan every
/// partition of the cluster. A cache, not state: two clusters that differ only here are equal.
struct FetchRoutes: Hashable, Sendable {
    /// One leader a follower fetches from and the partitions it fetches there, in topic-partition order.
    struct Route: Sendable {
        /// The leader.
        var leader: BrokerID
        /// The partitions the follower has a log of and `leader` leads.
        var partitions: [TopicPartition]
    }

    /// Routes by follower, leaders in the order of their first partition; missing until first asked for. A list
    /// scanned for the follower: a cluster has a few brokers, and hashing the id cost more than the scan.
    private var routes: [(follower: BrokerID, routes: [Route])] = []

    /// Whether a write to the topics is one that keeps the routes unless it says otherwise (see `Cluster.topics`).
    var isHeld = false

    /// Creates an empty cache.
    init() {}

    /// The cached routes of `follower`, if they are known.
    func routes(of follower: BrokerID) -> [Route]? {
        routes.withUnsafeBufferPointer { routes in
            for index in routes.indices where routes[index].follower == follower { return routes[index].routes }
            return nil
        }
    }

    /// Remembers the routes of `follower` (not known yet).
    mutating func remember(_ followerRoutes: [Route], of follower: BrokerID) {
        routes.append((follower, followerRoutes))
    }

    /// Forgets every route (a leader or a partition's logs changed).
    mutating func removeAll() {
        if !routes.isEmpty { routes.removeAll() }
    }

    static func == (lhs: FetchRoutes, rhs: FetchRoutes) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

extension Cluster {
    /// The leaders `follower` fetches from, with the partitions it fetches from each, in topic-partition order.
    ///
    /// Kafka: a follower fetches a partition from its leader when it has a replica of it (`makeFollower`).
    mutating func fetchRoutes(of follower: BrokerID) -> [FetchRoutes.Route] {
        if let known = engine.fetchRoutes.routes(of: follower) { return known }
        var routes: [FetchRoutes.Route] = []
        forEachPartition { state in
            guard let leader = state.leader, leader != follower, state.logs.position(of: follower) != nil else {
                return
            }
            if let index = routes.firstIndex(where: { $0.leader == leader }) {
                routes[index].partitions.append(state.id)
            } else {
                routes.append(FetchRoutes.Route(leader: leader, partitions: [state.id]))
            }
        }
        engine.fetchRoutes.remember(routes, of: follower)
        return routes
    }
}
