/// What a leader remembers about one follower's fetches.
///
/// Kafka: `core/src/main/scala/kafka/cluster/Replica.scala` (`ReplicaState`, `updateFetchStateOrThrow`,
/// `isCaughtUp`, `resetReplicaState`).
public struct FollowerFetchState: Hashable, Sendable {
    /// The follower's log end offset as last reported, −1 when unknown.
    public var logEndOffset = -1
    /// The leader's LEO at the follower's previous fetch.
    public var lastFetchLeaderLogEndOffset = 0
    /// When the follower last fetched.
    public var lastFetchTimeMs = 0
    /// The last time the follower was known to be caught up.
    public var lastCaughtUpTimeMs = 0

    /// Creates a state.
    public init(
        logEndOffset: Int = -1, lastFetchLeaderLogEndOffset: Int = 0, lastFetchTimeMs: Int = 0,
        lastCaughtUpTimeMs: Int = 0
    ) {
        self.logEndOffset = logEndOffset
        self.lastFetchLeaderLogEndOffset = lastFetchLeaderLogEndOffset
        self.lastFetchTimeMs = lastFetchTimeMs
        self.lastCaughtUpTimeMs = lastCaughtUpTimeMs
    }

    /// Records a fetch at `fetchOffset` received at `now` while the leader's LEO is `leaderEndOffset`.
    ///
    /// Kafka: `Replica.updateFetchStateOrThrow`.
    public mutating func updateFetchState(fetchOffset: Int, leaderEndOffset: Int, now: Int) {
        if fetchOffset >= leaderEndOffset {
            lastCaughtUpTimeMs = max(lastCaughtUpTimeMs, now)
        } else if fetchOffset >= lastFetchLeaderLogEndOffset {
            lastCaughtUpTimeMs = max(lastCaughtUpTimeMs, lastFetchTimeMs)
        }
        logEndOffset = fetchOffset
        lastFetchLeaderLogEndOffset = max(leaderEndOffset, lastFetchLeaderLogEndOffset)
        lastFetchTimeMs = now
    }

    /// Whether the follower is caught up. Kafka: `Replica.isCaughtUp` / `ReplicaState.isCaughtUp`.
    public func isCaughtUp(leaderEndOffset: Int, now: Int, replicaMaxLagMs: Int) -> Bool {
        leaderEndOffset == logEndOffset || now - lastCaughtUpTimeMs <= replicaMaxLagMs
    }

    /// Resets the state when this broker becomes leader with a new epoch. Kafka: `Replica.resetReplicaState`.
    public mutating func reset(isNewLeader: Bool, isFollowerInSync: Bool, leaderEndOffset: Int, now: Int) {
        lastCaughtUpTimeMs = isFollowerInSync ? now : 0
        if isNewLeader {
            logEndOffset = -1
            lastFetchLeaderLogEndOffset = -1
            lastFetchTimeMs = 0
        } else {
            lastFetchLeaderLogEndOffset = leaderEndOffset
            lastFetchTimeMs = isFollowerInSync ? now : 0
        }
    }
}
