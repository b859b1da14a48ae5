/// The course's broker table: one row per broker, the partitions it leads, then the partitions it follows, by
/// follower position — exactly the layout of the course slides.
public struct BrokerTable: Hashable, Sendable {
    /// One broker's row.
    public struct Row: Hashable, Sendable {
        /// The broker.
        public var broker: Broker
        /// The broker's running state (up, crashed, stalled, isolated, shut down).
        public var state: BrokerState = .up
        /// Labels of the partitions this broker currently leads.
        public var leaders: [String]
        /// Labels of the partitions this broker follows, per follower column (first follower, second follower, …).
        public var followers: [[String]]
    }

    /// The rows, in the course's order (rack-alternated: `R1-B0`, `R2-B3`, `R1-B1`, …).
    public var rows: [Row]
    /// How many follower columns there are (the largest replication factor minus one).
    public var followerColumns: Int

    /// Builds the table for one topic, or for all topics when `topic` is nil.
    ///
    /// A partition is labelled `P<n>` when the table covers one topic and `<topic>-<n>` otherwise. Follower columns
    /// follow the replica list order with the current leader left out, so after a failover the new leader moves to
    /// the Leaders column and the others keep their relative order.
    public init(cluster: Cluster, topic: String? = nil) {
        let topics = topic.map { name in cluster.topics[name].map { [$0] } ?? [] } ?? cluster.sortedTopics
        let single = topics.count == 1
        let columns = max(0, (topics.map { $0.replicationFactor }.max() ?? 1) - 1)
        var leaders: [BrokerID: [String]] = [:]
        var followers: [BrokerID: [[String]]] = [:]
        for topic in topics {
            for partition in topic.partitions {
                let label = single ? "P\(partition.id.partition)" : partition.id.description
                if let leader = partition.leader { leaders[leader, default: []].append(label) }
                let following = partition.replicas.filter { $0 != partition.leader }
                for (position, broker) in following.enumerated() where position < columns {
                    var cells = followers[broker] ?? Array(repeating: [], count: columns)
                    cells[position].append(label)
                    followers[broker] = cells
                }
            }
        }
        rows = cluster.brokersInDisplayOrder.map { broker in
            Row(
                broker: broker, state: cluster.state(of: broker.id), leaders: leaders[broker.id] ?? [],
                followers: followers[broker.id] ?? Array(repeating: [], count: columns))
        }
        followerColumns = columns
    }

    /// The column headings: `Brokers`, `Leaders`, then `Followers` once per follower column.
    public var headings: [String] { ["Brokers", "Leaders"] + Array(repeating: "Followers", count: followerColumns) }

    /// The table as aligned plain text, one string per line, cells separated by at least two spaces.
    public var textLines: [String] {
        let body = rows.map { row in
            [
                row.broker.label + (row.state == .up ? "" : " (\(row.state.rawValue))"),
                row.leaders.joined(separator: " "),
            ] + row.followers.map { $0.joined(separator: " ") }
        }
        return AlignedText.lines([headings] + body)
    }
}
