/// `kafka-consumer-groups.sh --describe --group <g>` (default offsets view, `--members`, `--state`), printed as its
/// `printf` formats do: every block starts with a blank line, `-` for missing values, stderr notes first.
///
/// Kafka: `tools/.../consumer/group/ConsumerGroupCommand.java` (`printOffsets`, `printMembers`, `printStates`,
/// `shouldPrintMemberState`, `collectGroupsOffsets`). LOG-END-OFFSET is what `listOffsets(latest)` answers with
/// read_uncommitted isolation: the partition's high watermark.
public struct ConsumerGroupDescription: Sendable {
    /// Which view.
    public enum View: String, Hashable, Sendable {
        /// Committed offsets, log end offsets and lag per partition (the default).
        case offsets
        /// `--members`.
        case members
        /// `--state`.
        case state
    }

    /// The printed lines.
    public let lines: [String]

    /// Describes `groupID` in `cluster`.
    public init(cluster: Cluster, group groupID: String, view: View = .offsets) {
        guard let group = cluster.engine.groups[groupID], group.state != .dead else {
            lines = ["", "Error: Consumer group '\(groupID)' does not exist."]
            return
        }
        var out: [String] = []
        func stateNote(rows: Int) -> Bool {
            switch group.state {
            case .empty: out += ["", "Consumer group '\(groupID)' has no active members."]
            case .preparingRebalance, .completingRebalance:
                out += ["", "Warning: Consumer group '\(groupID)' is rebalancing."]
            case .stable, .dead: break
            }
            return rows > 0
        }
        // Kafka: ClassicGroup.describe — members' assignments are only reported while Stable.
        let members = group.members
        let assignments = group.state == .stable ? members.map { $0.assignment } : members.map { _ in [] }
        switch view {
        case .offsets:
            let rows = Self.offsetRows(cluster: cluster, group: group, assignments: assignments)
            if stateNote(rows: rows.count) { out += [""] + Self.table(rows: rows) }
        case .members:
            _ = stateNote(rows: members.count)
            let withInstance = members.contains { $0.instanceID != nil }
            var rows = [
                ["GROUP", "CONSUMER-ID"] + (withInstance ? ["GROUP-INSTANCE-ID"] : [])
                    + ["HOST", "CLIENT-ID", "#PARTITIONS"]
            ]
            for (member, assignment) in zip(members, assignments) {
                rows.append(
                    [groupID, member.memberID] + (withInstance ? [member.instanceID ?? ""] : [])
                        + [member.host, member.clientID, String(assignment.count)])
            }
            var widths = [15, 15] + (withInstance ? [17] : []) + [15, 15, 15]
            for row in rows.dropFirst() {
                for (column, value) in row.enumerated() where column < widths.count - 1 {
                    widths[column] = max(widths[column], value.count)
                }
            }
            out += [""] + rows.map { row in zip(row, widths).map { Self.pad($0, $1) }.joined(separator: " ") + " " }
        case .state:
            guard stateNote(rows: 1) else { break }
            let coordinator = cluster.coordinator.map { "broker\($0):9092  (\($0))" } ?? "-"
            // Kafka: `ConsumerGroupCommand.printStates` — "%-<max(25, coordinator length)>s %-25s %-20s %-15s %s" (the
            // first column takes the coordinator's width, 3.6 and trunk alike); `GroupMetadataManager.describeGroups`
            // sends the protocol only for a Stable group, else "" (`DescribedGroup.protocolData`'s default).
            let strategy = group.state == .stable ? group.protocolName ?? "" : ""
            let widths = [max(25, coordinator.count), 25, 20, 15]
            let header = ["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"]
            let row = [groupID, coordinator, strategy, group.state.rawValue, String(members.count)]
            out += [""] + [header, row].map { Self.format($0, widths: widths) }
        }
        lines = out
    }

    /// Rows of the offsets view: members with partitions (most partitions first), each sorted by topic and
    /// partition, then committed partitions nobody owns.
    static func offsetRows(cluster: Cluster, group: ConsumerGroup, assignments: [[TopicPartition]]) -> [[String]] {
        func row(_ id: TopicPartition, _ member: ConsumerGroupMember?) -> [String] {
            let committed = group.committed[id]
            let state = cluster.partition(id)
            let end = state?.leader != nil ? state?.highWatermark : nil
            let lag = committed.flatMap { offset in end.map { $0 - offset } }
            return [
                group.groupID, id.topic, String(id.partition), committed.map(String.init) ?? "-",
                end.map(String.init) ?? "-", lag.map(String.init) ?? "-", member?.memberID ?? "-",
                member?.host ?? "-", member?.clientID ?? "-",
            ]
        }
        let owners = zip(group.members, assignments).filter { !$0.1.isEmpty }.enumerated()
            .sorted { ($0.element.1.count, -$0.offset) > ($1.element.1.count, -$1.offset) }
        var rows: [[String]] = []
        var assigned: Set<TopicPartition> = []
        for (_, (member, partitions)) in owners {
            assigned.formUnion(partitions)
            rows += partitions.sorted(by: JavaOrdering.isLess).map { row($0, member) }
        }
        let unowned = group.committed.keys.filter { !assigned.contains($0) }.sorted(by: JavaOrdering.isLess)
        return rows + unowned.map { row($0, nil) }
    }

    static func table(rows: [[String]]) -> [String] {
        let header = [
            "GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST",
            "CLIENT-ID",
        ]
        var widths = [15, 15, 10, 15, 15, 15, 15, 15]
        for row in rows {
            for column in [0, 1, 6, 7] { widths[column] = max(widths[column], row[column].count) }
        }
        return ([header] + rows).map { format($0, widths: widths) }
    }

    /// `%-<w>s` for every column but the last, separated by spaces.
    static func format(_ values: [String], widths: [Int]) -> String {
        values.enumerated().map { column, value in column < widths.count ? pad(value, widths[column]) : value }
            .joined(separator: " ")
    }

    /// Java's `%-<width>s`: left-aligned, padded with spaces, never cut.
    static func pad(_ value: String, _ width: Int) -> String {
        value.count >= width ? value : value + String(repeating: " ", count: width - value.count)
    }
}

extension Cluster {
    /// The broker shown as group coordinator: the lowest-id running, unfenced broker (`__consumer_offsets` is not
    /// simulated, so there is no offsets-partition leader to ask).
    public var coordinator: BrokerID? {
        sortedBrokers.map { $0.id }.first {
            engine.runtimes[$0]?.isAlive == true && engine.runtimes[$0]?.isFenced == false
        }
    }
}
