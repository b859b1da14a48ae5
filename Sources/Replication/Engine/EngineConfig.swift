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

    /// `replica.selector.class` (default none): whether consumers may read from a follower (KIP-392).
    public var replicaSelector: String?
    /// The cluster-wide topic defaults (`min.insync.replicas`, `unclean.leader.election.enable`,
    /// `message.max.bytes`), by broker config name, where set on the `cluster` line or with `config broker`.
    public var topicDefaults: [String: String] = [:] {
        didSet {
            clusterMinInsyncReplicas = Topic.minInsyncReplicas(in: topicDefaults)
            clusterMaxMessageBytes = TopicConfig.maxMessageBytes.brokerSynonym.flatMap {
                Topic.maxMessageBytes(in: topicDefaults, name: $0)
            }
        }
    }
    /// The cluster-wide `min.insync.replicas` as a number, parsed once per change (nil when not set).
    private(set) var clusterMinInsyncReplicas: Int?
    /// The cluster-wide `message.max.bytes` as a number, parsed once per change (nil when not set).
    private(set) var clusterMaxMessageBytes: Int?

    /// Creates the defaults.
    public init() {}

    /// The broker settings ReplicaLab knows (`ConfigDef`'s broker keys): the `cluster` line takes them all,
    /// `config broker` only the dynamic ones.
    public static var keys: [String] { ConfigDef.keys(of: .broker).map { $0.name } }

    /// The broker settings a running cluster can change (`config broker`).
    public static var dynamicKeys: [String] { ConfigDef.keys(of: .broker).filter { $0.isDynamic }.map { $0.name } }

    /// Sets a setting by its Kafka name as the broker reads it at startup; returns a complaint when the name or value
    /// is invalid.
    public mutating func set(_ key: String, _ value: String) -> String? {
        guard let config = ConfigDef.key(key, of: .broker) else { return "Unknown broker config name: \(key)" }
        if let problem = config.validate(value) { return problem }
        if config.updateMode == .clusterWide {
            topicDefaults[key] = config.type == .boolean ? value.lowercased() : value
            return nil
        }
        let amount = Int64(value) ?? 0
        switch key {
        case "auto.leader.rebalance.enable": autoLeaderRebalanceEnable = value.lowercased() == "true"
        case "replica.selector.class": replicaSelector = value == "none" ? nil : value
        case "replica.lag.time.max.ms": replicaLagTimeMax = .milliseconds(amount)
        case "broker.session.timeout.ms": brokerSessionTimeout = .milliseconds(amount)
        case "broker.heartbeat.interval.ms": brokerHeartbeatInterval = .milliseconds(amount)
        case "replica.fetch.wait.max.ms": replicaFetchWaitMax = .milliseconds(amount)
        case "request.timeout.ms": requestTimeout = .milliseconds(amount)
        case "leader.imbalance.check.interval.seconds": leaderImbalanceCheckInterval = .seconds(amount)
        case "unclean.leader.election.interval.ms": uncleanLeaderElectionInterval = .milliseconds(amount)
        default: preconditionFailure("broker config \(key) is in ConfigDef but not read by EngineConfig")
        }
        return nil
    }
}
