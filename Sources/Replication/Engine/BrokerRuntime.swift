/// The running state of a broker, as the course's broker table shows it.
public enum BrokerState: String, Hashable, Sendable {
    /// Running normally.
    case up
    /// Hard-killed; its log survives on disk (unless the crash lost the unflushed suffix).
    case crashed
    /// Alive and heartbeating, but not fetching and receiving nothing from leaders (network congestion).
    case stalled
    /// Cut off from the other brokers and from the controller.
    case isolated
    /// Stopped by a clean (controlled) shutdown.
    case shutDown = "shut down"
    /// Restarted, but not registered yet: the controller refuses a new incarnation while the old session is valid.
    case restarting

    /// Whether the process of a broker in this state runs (up, stalled or isolated).
    public var isAlive: Bool { self == .up || self == .stalled || self == .isolated }

    /// Whether a broker in this state can be reached by the other brokers (replication traffic).
    public var isReachable: Bool { self == .up || self == .stalled }

    /// Whether a broker in this state fetches as a follower.
    public var isFetching: Bool { self == .up }
}

/// Everything the simulation tracks about one broker besides its identity.
public struct BrokerRuntime: Hashable, Sendable {
    /// The broker's state.
    public var state: BrokerState = .up
    /// Whether the controller has fenced the broker (its session expired or it shut down).
    public var isFenced = false
    /// When the controller last heard a heartbeat from it.
    public var lastHeartbeat: SimulatedInstant
    /// Extra delay of every fetch response to this broker (`slow <broker> lag=<duration>`), zero when not slow.
    public var fetchLag = SimulatedDuration.zero
    /// Whether the process last stopped without a clean shutdown (crash): its next registration carries no
    /// previous broker epoch, so the controller treats it as an unclean shutdown (KIP-966).
    public var stoppedUncleanly = false
    /// Whether the broker's host is down (power-off): nothing answers on its address, not even a connection reset.
    public var isHostDown = false
    /// How many more produce responses from this broker to producers are lost (`drop-responses`).
    public var droppedResponses = 0
    /// The partitions it led when it was isolated: it goes on acting as their leader until it heals.
    public var leadershipWhenIsolated: [TopicPartition: FormerLeadership] = [:]

    /// Creates the runtime of a broker that starts at `now`.
    public init(now: SimulatedInstant = .start) {
        lastHeartbeat = now
    }

    /// Whether the process runs (up, stalled or isolated).
    public var isAlive: Bool { state.isAlive }

    /// Whether other brokers can reach it (replication traffic).
    public var isReachable: Bool { state.isReachable }

    /// Whether it fetches as a follower.
    public var isFetching: Bool { state.isFetching }

    /// Whether it heartbeats to the controller.
    public var isHeartbeating: Bool { state == .up || state == .stalled }
}
