/// What a leader remembers about one follower's fetches.
///
/// Kafka: `core/src/main/scala/kafka/cluster/Replica.scala` (`ReplicaState`, `updateFetchStateOrThrow`,
/// `isCaughtUp`, `resetReplicaState`). Kafka keeps these times in epoch milliseconds with 0 for "never"; here they are
/// instants of the simulated clock with `SimulatedInstant.distantPast` for "never", which compares the same way.
public struct FollowerFetchState: Hashable, Sendable {
    /// The follower's log end offset as last reported, −1 when unknown.
    public var logEndOffset: Int64 = -1
    /// The leader's LEO at the follower's previous fetch.
    public var lastFetchLeaderLogEndOffset: Int64 = 0
    /// When the follower last fetched.
    public var lastFetchTime = SimulatedInstant.distantPast
    /// The last time the follower was known to be caught up.
    public var lastCaughtUpTime = SimulatedInstant.distantPast

    /// Creates a state.
    public init(
        logEndOffset: Int64 = -1, lastFetchLeaderLogEndOffset: Int64 = 0,
        lastFetchTime: SimulatedInstant = .distantPast, lastCaughtUpTime: SimulatedInstant = .distantPast
    ) {
        self.logEndOffset = logEndOffset
        self.lastFetchLeaderLogEndOffset = lastFetchLeaderLogEndOffset
        self.lastFetchTime = lastFetchTime
        self.lastCaughtUpTime = lastCaughtUpTime
    }

    /// Records a fetch at `fetchOffset` received at `now` while the leader's LEO is `leaderEndOffset`.
    ///
    /// Kafka: `Replica.updateFetchStateOrThrow`.
    public mutating func updateFetchState(fetchOffset: Int64, leaderEndOffset: Int64, now: SimulatedInstant) {
        if fetchOffset >= leaderEndOffset {
            lastCaughtUpTime = max(lastCaughtUpTime, now)
        } else if fetchOffset >= lastFetchLeaderLogEndOffset {
            lastCaughtUpTime = max(lastCaughtUpTime, lastFetchTime)
        }
        logEndOffset = fetchOffset
        lastFetchLeaderLogEndOffset = max(leaderEndOffset, lastFetchLeaderLogEndOffset)
        lastFetchTime = now
    }

    /// Whether the follower is caught up. Kafka: `Replica.isCaughtUp` / `ReplicaState.isCaughtUp`.
    public func isCaughtUp(leaderEndOffset: Int64, now: SimulatedInstant, replicaMaxLag: SimulatedDuration) -> Bool {
        leaderEndOffset == logEndOffset || now - lastCaughtUpTime <= replicaMaxLag
    }

    /// Resets the state when this broker becomes leader with a new epoch. Kafka: `Replica.resetReplicaState`.
    public mutating func reset(
        isNewLeader: Bool, isFollowerInSync: Bool, leaderEndOffset: Int64, now: SimulatedInstant
    ) {
        lastCaughtUpTime = isFollowerInSync ? now : .distantPast
        if isNewLeader {
            logEndOffset = -1
            lastFetchLeaderLogEndOffset = -1
            lastFetchTime = .distantPast
        } else {
            lastFetchLeaderLogEndOffset = leaderEndOffset
            lastFetchTime = isFollowerInSync ? now : .distantPast
        }
    }
}
