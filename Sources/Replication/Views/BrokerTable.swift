/// The course's broker table: one row per broker, the partitions it leads, then the partitions it follows, by
/// follower position — the layout of the course slides, with the slides' marks: `!` on a replica that is out of sync
/// (not in the ISR), and `∅` on the replicas of a partition that has no leader.
public struct BrokerTable: Hashable, Sendable {
    /// What a replica's entry says besides its partition.
    public struct Marks: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The replica is not in the ISR (the slides' `!`).
        public static let outOfSync = Marks(rawValue: 1 << 0)
        /// The partition has no leader (it is offline); its replicas stay in the table, as followers.
        public static let noLeader = Marks(rawValue: 1 << 1)

        /// How many marks are set.
        public var count: Int { rawValue.nonzeroBitCount }

        /// The marks in the order they are written, with their symbol and their meaning.
        public static let all: [(mark: Marks, symbol: String, meaning: String)] = [
            (.outOfSync, "!", "out of sync (not in the ISR)"),
            (.noLeader, "∅", "no leader (the partition is offline)"),
        ]
    }

    /// One replica in a cell: its partition's label and its marks.
    public struct Entry: Hashable, Sendable {
        /// `P<n>`, or `<topic>-<n>` when the table covers several topics.
        public var label: String
        /// The partition.
        public var partition: TopicPartition
        /// Out of sync, no leader.
        public var marks: Marks

        /// Creates an entry.
        public init(label: String, partition: TopicPartition, marks: Marks = []) {
            self.label = label
            self.partition = partition
            self.marks = marks
        }

        /// The entry as the terminal writes it: the label followed by its marks' symbols (`P0!`).
        public var text: String {
            label + Marks.all.filter { marks.contains($0.mark) }.map { $0.symbol }.joined()
        }
    }

    /// One broker's row.
    public struct Row: Hashable, Sendable {
        /// The broker.
        public var broker: Broker
        /// The broker's running state (up, crashed, stalled, isolated, shut down).
        public var state: BrokerState = .up
        /// The partitions this broker currently leads.
        public var leaders: [Entry]
        /// The partitions this broker follows, per follower column (first follower, second follower, …).
        public var followers: [[Entry]]
    }

    /// The rows, in the course's order (rack-alternated: `R1-B0`, `R2-B3`, `R1-B1`, …).
    public var rows: [Row]
    /// How many follower columns there are: the largest replication factor minus one, or the largest replication
    /// factor when a partition of that size has no leader (all its replicas are then followers).
    public var followerColumns: Int

    /// Builds the table for one topic, or for all topics when `topic` is nil.
    ///
    /// A partition is labelled `P<n>` when the table covers one topic and `<topic>-<n>` otherwise. Follower columns
    /// follow the replica list order with the current leader left out, so after a failover the new leader moves to
    /// the Leaders column and the others keep their relative order. A partition without a leader keeps all its
    /// replicas, in replica order, as followers marked `noLeader`.
    ///
    /// The table reads of each partition only what its `Placement` holds, of the brokers only `brokerRows(_:of:)`, and
    /// the topics' names: `isUnchanged(from:to:)` compares those.
    public init(cluster: Cluster, topic: String? = nil) {
        self.init(cluster: cluster, topic: topic, brokers: cluster.brokersInDisplayOrder)
    }

    /// The table, with `brokers` the cluster's `brokersInDisplayOrder` (which a caller making a table per step
    /// keeps while the brokers do not change).
    public init(cluster: Cluster, topic: String? = nil, brokers: [Broker]) {
        let topics = topic.map { name in cluster.topics[name].map { [$0] } ?? [] } ?? cluster.sortedTopics
        let single = topics.count == 1
        var columns = 0
        for topic in topics {
            for partition in topic.partitions {
                columns = max(columns, partition.replicas.count - (partition.leader == nil ? 0 : 1))
            }
        }
        // The rows are filled in place: a broker's row is found by its id (brokers not in `brokers` have none).
        var rows = Self.brokerRows(brokers, of: cluster).map { broker, state in
            Row(broker: broker, state: state, leaders: [], followers: Array(repeating: [], count: columns))
        }
        let rowOf = RowIndex(rows.map { $0.broker.id })
        for topic in topics {
            // Read in place, field by field: a partition read whole from the array would be copied.
            topic.partitions.withUnsafeBufferPointer { partitions in
                for index in partitions.indices {
                    let id = partitions[index].id
                    let leader = partitions[index].leader
                    let label = single ? Self.label(partition: id.partition) : id.description
                    let noLeader: Marks = leader == nil ? .noLeader : []
                    func entry(_ broker: BrokerID) -> Entry {
                        Entry(
                            label: label, partition: id,
                            marks: partitions[index].isr.contains(broker) ? noLeader : noLeader.union(.outOfSync))
                    }
                    if let leader, let row = rowOf[leader] { rows[row].leaders.append(entry(leader)) }
                    var position = 0
                    for broker in partitions[index].replicas where broker != leader {
                        defer { position += 1 }
                        guard position < columns, let row = rowOf[broker] else { continue }
                        rows[row].followers[position].append(entry(broker))
                    }
                }
            }
        }
        self.rows = rows
        followerColumns = columns
    }

    /// `P<n>`, as `"P" + String(n)` spells it: written as bytes, not appended to a string.
    static func label(partition: Int) -> String {
        guard partition >= 0, partition < 1_000_000 else { return "P" + String(partition) }
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (UInt8(ascii: "P"), 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &bytes) { buffer in
            var digits = 1
            var limit = 10
            while partition >= limit {
                digits += 1
                limit *= 10
            }
            var value = partition
            for place in stride(from: digits, to: 0, by: -1) {
                buffer[place] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return String(decoding: buffer.prefix(digits + 1), as: UTF8.self)
        }
    }

    /// A row's position by its broker's id: an array by id for the small ids brokers have, a dictionary otherwise
    /// (the table looks a row up for every replica).
    private struct RowIndex {
        private var dense: [Int] = []
        private var sparse: [BrokerID: Int] = [:]

        init(_ ids: [BrokerID]) {
            let largest = ids.max() ?? -1
            if largest < 1024, ids.allSatisfy({ $0 >= 0 }) {
                dense = Array(repeating: -1, count: largest + 1)
                for (row, id) in ids.enumerated() { dense[id] = row }
            } else {
                for (row, id) in ids.enumerated() { sparse[id] = row }
            }
        }

        subscript(id: BrokerID) -> Int? {
            guard dense.isEmpty else { return id >= 0 && id < dense.count && dense[id] >= 0 ? dense[id] : nil }
            return sparse[id]
        }
    }

    /// What the table reads of a partition.
    struct Placement: Equatable {
        var id: TopicPartition
        var leader: BrokerID?
        var replicas: [BrokerID]
        var isr: [BrokerID]

        init(_ partition: PartitionState) {
            id = partition.id
            leader = partition.leader
            replicas = partition.replicas
            isr = partition.isr
        }

        /// Whether the partitions at `index` have the same placement, compared field by field in place (a partition
        /// read whole from the buffer would be copied).
        static func isSame(
            _ old: UnsafeBufferPointer<PartitionState>, _ new: UnsafeBufferPointer<PartitionState>, at index: Int
        ) -> Bool {
            old[index].leader == new[index].leader && old[index].isr == new[index].isr
                && old[index].replicas == new[index].replicas && old[index].id == new[index].id
        }
    }

    /// What the table reads of the brokers: each in display order (`brokers`, from `cluster.brokers`), with its
    /// running state.
    static func brokerRows(_ brokers: [Broker], of cluster: Cluster) -> [(broker: Broker, state: BrokerState)] {
        brokers.map { ($0, cluster.state(of: $0.id)) }
    }

    /// Whether the table of all topics of `after` is certainly the one of `before`: true only when the topics, their
    /// partitions' `Placement`s, the brokers and their states are equal (so the tables are); false when the tables
    /// may differ. The site asks at every step whether the table changed: this answers without making it.
    public static func isUnchanged(from before: Cluster, to after: Cluster) -> Bool {
        guard before.brokers == after.brokers, before.topics.count == after.topics.count else { return false }
        for id in after.brokers.keys where before.state(of: id) != after.state(of: id) { return false }
        for (name, topic) in after.topics {
            guard let old = before.topics[name], old.partitions.count == topic.partitions.count else { return false }
            let same = topic.partitions.withUnsafeBufferPointer { new in
                old.partitions.withUnsafeBufferPointer { old in
                    new.indices.allSatisfy { Placement.isSame(old, new, at: $0) }
                }
            }
            if !same { return false }
        }
        return true
    }

    /// The column headings: `Brokers`, `Leaders`, then `Followers` once per follower column.
    public var headings: [String] { Self.headings(followerColumns: followerColumns) }

    /// The column headings of a table with `followerColumns` follower columns.
    public static func headings(followerColumns: Int) -> [String] {
        ["Brokers", "Leaders"] + Array(repeating: "Followers", count: followerColumns)
    }

    /// The marks any entry of the table carries.
    public var marksUsed: Marks {
        rows.flatMap { $0.leaders + $0.followers.joined() }.reduce(into: Marks()) { $0.formUnion($1.marks) }
    }

    /// The legend of the marks the table uses (`! out of sync (not in the ISR)`), or nil when it uses none.
    public var legend: String? {
        let used = marksUsed
        let items = Marks.all.filter { used.contains($0.mark) }.map { "\($0.symbol) \($0.meaning)" }
        return items.isEmpty ? nil : items.joined(separator: "   ")
    }

    /// The table as aligned plain text, one string per line, cells separated by at least two spaces, followed by
    /// the legend of its marks when it has any.
    public var textLines: [String] {
        let body = rows.map { row in
            [
                row.broker.label + (row.state == .up ? "" : " (\(row.state.rawValue))"),
                row.leaders.map { $0.text }.joined(separator: " "),
            ] + row.followers.map { $0.map { $0.text }.joined(separator: " ") }
        }
        return AlignedText.lines([headings] + body) + (legend.map { [$0] } ?? [])
    }
}
