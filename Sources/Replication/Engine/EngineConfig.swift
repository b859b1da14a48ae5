/// Broker-wide settings of the simulation, with Kafka's names and defaults.
public struct EngineConfig: Hashable, Sendable {
    /// `replica.lag.time.max.ms` (default 30000).
    public var replicaLagTimeMax = SimulatedDuration.seconds(30)
    /// `broker.session.timeout.ms` (default 9000).
    public var brokerSessionTimeout = SimulatedDuration.seconds(9)
    /// `broker.heartbeat.interval.ms` (default 2000).
    public var brokerHeartbeatInterval = SimulatedDuration.seconds(2)
    /// `replica.fetch.wait.max.ms` (default 500): how long a follower fetch with no new data waits at the leader.
    public var replicaFetchWaitMax = SimulatedDuration.milliseconds(500)
    /// The simulation's one-way network delay between brokers (default 1 ms; not a Kafka setting).
    ///
    /// A fetch request and its response each take this long, so an acks=all produce completes in about two round
    /// trips, as on a real cluster. `slow <broker> lag=<d>` replaces it for that follower's fetch responses.
    public var networkDelay = SimulatedDuration.milliseconds(1)
    /// Producer `request.timeout.ms` (default 30000) of `produce` lines.
    public var requestTimeout = SimulatedDuration.seconds(30)
    /// `auto.leader.rebalance.enable` (default true): the controller's periodic preferred-leader election.
    public var autoLeaderRebalanceEnable = true
    /// `leader.imbalance.check.interval.seconds` (default 300): the period of that election.
    public var leaderImbalanceCheckInterval = SimulatedDuration.seconds(300)
    /// `unclean.leader.election.interval.ms` (internal, default 300000): the period of the controller's unclean
    /// election check for leaderless partitions (Kafka ≥ 3.9, KAFKA-12670).
    public var uncleanLeaderElectionInterval = SimulatedDuration.seconds(300)

    /// Creates the defaults.
    public init() {}

    /// The settings `config broker <key>=<value>` accepts.
    public static let keys = [
        "auto.leader.rebalance.enable", "leader.imbalance.check.interval.seconds", "broker.heartbeat.interval.ms",
        "broker.session.timeout.ms", "replica.fetch.wait.max.ms",
        "replica.lag.time.max.ms", "request.timeout.ms", "unclean.leader.election.interval.ms",
    ]

    /// Sets a setting by its Kafka name; returns a complaint when the name or value is invalid.
    public mutating func set(_ key: String, _ value: String) -> String? {
        if key == "auto.leader.rebalance.enable" {
            // Kafka: a BOOLEAN config accepts true or false, in any case.
            switch value.lowercased() {
            case "true": autoLeaderRebalanceEnable = true
            case "false": autoLeaderRebalanceEnable = false
            default: return "Invalid value \(value) for configuration \(key): Expected value to be either true or false"
            }
            return nil
        }
        // These are Kafka INT configs: a value past Int32.max is not a number of that type.
        guard let amount = Int64(value), amount <= Int64(Int32.max) else {
            return "Invalid value \(value) for configuration \(key): Not a number of type INT"
        }
        guard amount >= 1 else {
            return "Invalid value \(value) for configuration \(key): Value must be at least 1"
        }
        switch key {
        case "replica.lag.time.max.ms": replicaLagTimeMax = .milliseconds(amount)
        case "broker.session.timeout.ms": brokerSessionTimeout = .milliseconds(amount)
        case "broker.heartbeat.interval.ms": brokerHeartbeatInterval = .milliseconds(amount)
        case "replica.fetch.wait.max.ms": replicaFetchWaitMax = .milliseconds(amount)
        case "request.timeout.ms": requestTimeout = .milliseconds(amount)
        case "leader.imbalance.check.interval.seconds": leaderImbalanceCheckInterval = .seconds(amount)
        case "unclean.leader.election.interval.ms": uncleanLeaderElectionInterval = .milliseconds(amount)
        default: return "Unknown broker config name: \(key)"
        }
        return nil
    }
}
