/// The per-replica view of one partition (`replicas <topic>-<p>`): role, LEO, HW, epoch, ISR status and lag.
public struct ReplicaTable: Hashable, Sendable {
    /// One replica's row.
    public struct Row: Hashable, Sendable {
        /// The broker.
        public var broker: BrokerID
        /// `leader` or `follower`.
        public var role: String
        /// The replica's log end offset.
        public var logEndOffset: Int
        /// The replica's own high watermark.
        public var highWatermark: Int
        /// The latest leader epoch in its log, if any.
        public var epoch: Int?
        /// Whether it is in the ISR.
        public var isInIsr: Bool
        /// `leader`, `caught up`, `lagging`, `stalled`, `isolated`, `offline`.
        public var status: String
        /// Leader LEO minus its LEO (0 without a leader).
        public var lag: Int
    }

    /// The partition line: `Partition: t-0  Leader: 1  LeaderEpoch: 0  Isr: 1,2,3  HW: 5  Time: 12s`.
    public var header: String
    /// Rows in assignment order.
    public var rows: [Row]

    /// Builds the view; nil when the partition does not exist.
    public init?(cluster: Cluster, partition id: TopicPartition) {
        guard let state = cluster.partition(id) else { return nil }
        let leaderLEO = state.leaderLog?.logEndOffset
        let maxLag = cluster.engine.config.replicaLagTimeMaxMs
        header =
            "Partition: \(id)  Leader: \(state.leader.map(String.init) ?? "none")  LeaderEpoch: \(state.leaderEpoch)  "
            + "Isr: \(Cluster.csv(state.isr))  HW: \(state.highWatermark)  Time: \(SimulatedTime.text(cluster.now))"
        rows = state.replicas.map { broker in
            let log = state.logs[broker] ?? ReplicaLog()
            let runtime = cluster.engine.runtimes[broker] ?? BrokerRuntime()
            let status: String
            switch runtime.state {
            case .crashed, .shutDown, .restarting: status = "offline"
            case .stalled: status = "stalled"
            case .isolated: status = "isolated"
            case .up:
                if broker == state.leader {
                    status = "leader"
                } else if let leaderLEO, let fetchState = state.followerStates[broker],
                    fetchState.isCaughtUp(
                        leaderEndOffset: leaderLEO, now: cluster.kafkaTimeMs, replicaMaxLagMs: maxLag),
                    log.logEndOffset == leaderLEO
                {
                    status = "caught up"
                } else {
                    status = "lagging"
                }
            }
            return Row(
                broker: broker, role: broker == state.leader ? "leader" : "follower", logEndOffset: log.logEndOffset,
                highWatermark: log.highWatermark, epoch: log.latestEpoch, isInIsr: state.isr.contains(broker),
                status: status, lag: leaderLEO.map { max(0, $0 - log.logEndOffset) } ?? 0)
        }
    }

    /// The view as aligned text lines.
    public var textLines: [String] {
        let headings = ["Broker", "Role", "LEO", "HW", "Epoch", "ISR", "Status", "Lag"]
        let body = rows.map { row in
            [
                String(row.broker), row.role, String(row.logEndOffset), String(row.highWatermark),
                row.epoch.map(String.init) ?? "-", row.isInIsr ? "yes" : "no", row.status, String(row.lag),
            ]
        }
        let all = [headings] + body
        let widths = headings.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let lines = all.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                line += cell
                if column < cells.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        return [header] + lines
    }
}
