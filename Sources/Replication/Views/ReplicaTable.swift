/// The per-replica view of one partition (`replicas <topic>-<p>`): role, LEO, HW, the latest epoch in the log
/// (`LogEpoch`), ISR status and lag.
public struct ReplicaTable: Hashable, Sendable {
    /// One replica's row.
    public struct Row: Hashable, Sendable {
        /// The broker.
        public var broker: BrokerID
        /// `leader` or `follower`.
        public var role: String
        /// The replica's log end offset.
        public var logEndOffset: Int64
        /// The replica's own high watermark.
        public var highWatermark: Int64
        /// The latest leader epoch in its log, if any.
        public var epoch: Int?
        /// Whether it is in the ISR.
        public var isInIsr: Bool
        /// `leader`, `caught up`, `lagging`, `stalled`, `isolated`, `offline`.
        public var status: String
        /// Leader LEO minus the follower's LEO as the leader last saw it (0 for the leader); nil without a leader or
        /// while the leader has had no fetch from it (`-`).
        public var lag: Int64?
    }

    /// The partition line: `Partition: t-0  Leader: 1  LeaderEpoch: 0  Isr: 1,2,3  HW: 5  Time: 12s`.
    public var header: String
    /// Rows in assignment order.
    public var rows: [Row]

    /// Builds the view; nil when the partition does not exist.
    public init?(cluster: Cluster, partition id: TopicPartition) {
        guard let state = cluster.partition(id) else { return nil }
        // Appended to one reserved string (the site makes a table for every partition a step touches).
        var header = "Partition: "
        header.reserveCapacity(96)
        header += id.description
        header += "  Leader: "
        if let leader = state.leader { header += String(leader) } else { header += "none" }
        header += "  LeaderEpoch: "
        header += String(state.leaderEpoch)
        header += "  Isr: "
        header += Cluster.csv(state.isr)
        if !state.elr.isEmpty {
            header += "  Elr: "
            header += Cluster.csv(state.elr)
        }
        header += "  HW: "
        header += String(state.highWatermark)
        header += "  Time: "
        header += SimulatedTime.text(cluster.now)
        self.header = header
        rows = Self.rows(state, in: cluster)
    }

    /// The rows of a partition's table alone (what a table made to compare with needs), nil when the partition
    /// does not exist.
    public static func rows(cluster: Cluster, partition id: TopicPartition) -> [Row]? {
        cluster.partition(id).map { rows($0, in: cluster) }
    }

    private static func rows(_ state: PartitionState, in cluster: Cluster) -> [Row] {
        let leaderLEO = state.leaderLog?.logEndOffset
        return state.replicas.map { broker in
            // Read in place: a copy of a log or a runtime retains and releases their fields.
            let (logEndOffset, highWatermark, epoch) =
                state.logs[broker].map { ($0.logEndOffset, $0.highWatermark, $0.latestEpoch) } ?? (0, 0, nil)
            let brokerState = cluster.engine.runtimes[broker]?.state ?? .up
            // Status and Lag both come from the leader's view of the follower (its fetch state: the LEO the follower
            // reported in its last fetch), the state the leader decides ISR membership from
            // (Kafka: `Partition.getOutOfSyncReplicas` / `Replica.stateSnapshot`). The LEO column is the replica's
            // own log, which can be ahead of what the leader knows (the response is in flight) or diverge from the
            // leader's log (it has not truncated yet): such a follower is `lagging` until its next fetch reaches the
            // leader, and its Lag says by how much the leader thinks.
            let lag: Int64?
            if broker == state.leader {
                lag = 0
            } else if let leaderLEO, let known = state.followerStates[broker]?.logEndOffset, known >= 0 {
                lag = max(0, leaderLEO - known)
            } else {
                lag = nil
            }
            let status: String
            switch brokerState {
            case .crashed, .shutDown, .restarting: status = "offline"
            case .stalled: status = "stalled"
            case .isolated: status = "isolated"
            case .up:
                if broker == state.leader {
                    status = "leader"
                } else {
                    status = lag == 0 ? "caught up" : "lagging"
                }
            }
            return Row(
                broker: broker, role: broker == state.leader ? "leader" : "follower", logEndOffset: logEndOffset,
                highWatermark: highWatermark, epoch: epoch, isInIsr: state.isr.contains(broker),
                status: status, lag: lag)
        }
    }

    /// The view as aligned text lines.
    public var textLines: [String] {
        let headings = ["Broker", "Role", "LEO", "HW", "LogEpoch", "ISR", "Status", "Lag"]
        let body = rows.map { row in
            [
                String(row.broker), row.role, String(row.logEndOffset), String(row.highWatermark),
                row.epoch.map(String.init) ?? "-", row.isInIsr ? "yes" : "no", row.status,
                row.lag.map(String.init) ?? "-",
            ]
        }
        let lines = AlignedText.lines([headings] + body)
        return [header] + lines
    }
}
