/// Broker-wide and producer settings of the simulation, with Kafka's names and defaults.
public struct EngineConfig: Hashable, Sendable {
    /// `replica.lag.time.max.ms` (default 30000).
    public var replicaLagTimeMaxMs = 30_000
    /// `broker.session.timeout.ms` (default 9000).
    public var brokerSessionTimeoutMs = 9_000
    /// `broker.heartbeat.interval.ms` (default 2000).
    public var brokerHeartbeatIntervalMs = 2_000
    /// `replica.fetch.wait.max.ms` (default 500): how long a follower fetch with no new data waits at the leader.
    public var replicaFetchWaitMaxMs = 500
    /// The simulation's one-way network delay between brokers (default 1 ms; not a Kafka setting).
    ///
    /// A fetch request and its response each take this long, so an acks=all produce completes in about two round
    /// trips, as on a real cluster. `slow <broker> lag=<d>` replaces it for that follower's fetch responses.
    public var networkDelayMs = 1
    /// Producer `request.timeout.ms` (default 30000).
    public var requestTimeoutMs = 30_000
    /// `auto.leader.rebalance.enable` (default true): the controller's periodic preferred-leader election.
    public var autoLeaderRebalanceEnable = true
    /// `leader.imbalance.check.interval.seconds` (default 300): the period of that election.
    public var leaderImbalanceCheckIntervalSeconds = 300
    /// `unclean.leader.election.interval.ms` (internal, default 300000): the period of the controller's unclean
    /// election check for leaderless partitions (Kafka ≥ 3.9, KAFKA-12670).
    public var uncleanLeaderElectionIntervalMs = 300_000

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
        // These are Kafka INT configs: a value past Int32.max is not a number of that type (and would overflow the
        // simulated clock).
        guard let number = Int(value), number <= Int(Int32.max) else {
            return "Invalid value \(value) for configuration \(key): Not a number of type INT"
        }
        guard number >= 1 else {
            return "Invalid value \(value) for configuration \(key): Value must be at least 1"
        }
        switch key {
        case "replica.lag.time.max.ms": replicaLagTimeMaxMs = number
        case "broker.session.timeout.ms": brokerSessionTimeoutMs = number
        case "broker.heartbeat.interval.ms": brokerHeartbeatIntervalMs = number
        case "replica.fetch.wait.max.ms": replicaFetchWaitMaxMs = number
        case "request.timeout.ms": requestTimeoutMs = number
        case "leader.imbalance.check.interval.seconds": leaderImbalanceCheckIntervalSeconds = number
        case "unclean.leader.election.interval.ms": uncleanLeaderElectionIntervalMs = number
        default: return "Unknown broker config name: \(key)"
        }
        return nil
    }
}
