import Replication
import ScenarioLanguage
import Testing

@testable import CourseSite

/// What a scenario's steps keep from one to the next (`StepMemory`: the last tables, the boxes, the brokers' order)
/// against the full comparison of what each step shows, over seeded random scenarios: a kept table or picture is
/// shown as changed exactly when making it again and comparing would say so.
@Suite struct StepMemoryTests {
    /// A seeded random scenario: faults, elections, produce, config changes, one or two topics, with and without
    /// racks.
    static func script(seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var lines = [seed % 2 == 0 ? "cluster brokers=4 racks=2" : "cluster brokers=4"]
        lines.append("topic orders partitions=3 replication-factor=3 min.insync.replicas=2")
        if seed % 3 == 0 { lines.append("topic audit partitions=2 replication-factor=2") }
        for _ in 0..<40 {
            let broker = Int.random(in: 0..<4, using: &random)
            let partition = Int.random(in: 0..<3, using: &random)
            switch Int.random(in: 0..<16, using: &random) {
            case 0: lines.append("crash \(broker)")
            case 1, 2: lines.append("restart \(broker)")
            case 3: lines.append("stall \(broker)")
            case 4: lines.append("resume \(broker)")
            case 5: lines.append("isolate \(broker)")
            case 6: lines.append("heal \(broker)")
            case 7: lines.append("shutdown \(broker)")
            case 8: lines.append("config orders retention.ms=\(Int.random(in: 1...3, using: &random) * 1000)")
            case 9: lines.append("config broker min.insync.replicas=\(Int.random(in: 1...2, using: &random))")
            case 10:
                let kind = Bool.random(using: &random) ? "preferred" : "unclean"
                lines.append("elect \(kind) orders-\(partition)")
            case 11, 12:
                let acks = Bool.random(using: &random) ? "all" : "1"
                lines.append(
                    "produce orders partition=\(partition) count=\(Int.random(in: 1...4, using: &random)) acks=\(acks)")
            default: lines.append("advance \(Int.random(in: 1...20, using: &random))s")
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: 0..<24)
    func keptTablesAndBoxesAreThoseMadeAgain(seed: Int) throws {
        let entries = StepChangesTests.timeline(Self.script(seed: UInt64(seed)))
        var memory = StepMemory()
        var previous: Cluster?
        var last: Cluster?
        var shown = (describe: 0, brokers: 0)
        for entry in entries {
            defer { previous = entry.command.cluster }
            let step = StepView(
                entry, total: entries.count, scenario: "s", name: "s", previous: previous, memory: &memory)
            guard let cluster = entry.command.cluster, !cluster.topics.isEmpty else { continue }
            defer { last = cluster }
            let state = try #require(step.state)
            // --describe: shown when its lines differ from the last shown state's.
            let lines = TopicDescription(cluster: cluster).lines
            let describeChanged = last.map { TopicDescription(cluster: $0).lines != lines } ?? true
            #expect(state.describe == (describeChanged ? lines : nil), "step \(entry.number)")
            // The broker table: shown when it differs from the last one.
            let table = BrokerTable(cluster: cluster)
            let tableChanged = last.map { BrokerTable(cluster: $0) != table } ?? true
            #expect(state.brokerTable?.table == (tableChanged ? table : nil), "step \(entry.number)")
            // The replica tables compare with the step before's tables.
            for view in state.replicaTables {
                #expect(view.rows == ReplicaTable(cluster: cluster, partition: view.partition)?.rows)
                #expect(
                    view.previous == previous.flatMap { ReplicaTable(cluster: $0, partition: view.partition)?.rows })
            }
            // The picture's boxes: those made afresh.
            let changes = SnapshotChanges.changes(from: previous, to: cluster)
            let fresh = Diagram(
                cluster: cluster, changes: changes, focus: [], brokers: cluster.brokersInDisplayOrder)
            if let diagram = step.diagram { #expect(diagram.columns == fresh.columns, "step \(entry.number)") }
            shown.describe += describeChanged ? 1 : 0
            shown.brokers += tableChanged ? 1 : 0
        }
        // The scenarios exercise both answers.
        #expect(shown.describe > 1 && shown.describe < entries.count)
        #expect(shown.brokers > 1 && shown.brokers < entries.count)
    }

    /// The broker table's changed cells (found by comparing entries in place) against a comparison of each cell's
    /// entries as sets, and its rows copied from those kept on the page (`TableHTML.BrokerRows`, shared by every
    /// step of several scenarios as on a page) against the rows written afresh, over seeded random scenarios.
    @Test(arguments: 0..<12)
    func keptBrokerRowsAreThoseWrittenAfresh(seed: Int) throws {
        var kept = TableHTML.BrokerRows()
        var rows = 0
        for script in [Self.script(seed: UInt64(seed)), Self.script(seed: UInt64(seed + 100))] {
            let entries = StepChangesTests.timeline(script)
            var memory = StepMemory()
            var previous: Cluster?
            var lastTable: BrokerTable?
            for entry in entries {
                defer { previous = entry.command.cluster }
                let step = StepView(
                    entry, total: entries.count, scenario: "s", name: "s", previous: previous, memory: &memory)
                guard let view = step.state?.brokerTable else { continue }
                #expect(view.changedColumns == Self.changedColumns(view.table, lastTable), "step \(entry.number)")
                lastTable = view.table
                var fresh = TableHTML.BrokerRows()
                var (keptHTML, freshHTML) = (HTMLWriter(), HTMLWriter())
                TableHTML.brokerTable(view, rows: &kept, into: &keptHTML)
                TableHTML.brokerTable(view, rows: &fresh, into: &freshHTML)
                #expect(keptHTML.string == freshHTML.string, "step \(entry.number)")
                rows += view.table.rows.count
            }
        }
        // Rows are copied, and some written again.
        #expect(kept.written > 1 && kept.written < rows)
    }

    /// Per row, the columns whose entries differ as sets from the same broker's in `previous` (none without one).
    static func changedColumns(_ table: BrokerTable, _ previous: BrokerTable?) -> [[Int]] {
        table.rows.map { row in
            guard let previous else { return [] }
            let old = previous.rows.first { $0.broker.id == row.broker.id }
            let columns = [row.leaders] + row.followers
            let oldColumns = old.map { [$0.leaders] + $0.followers } ?? []
            return columns.indices.filter { index in
                let oldCell = index < oldColumns.count ? oldColumns[index] : []
                return Set(columns[index]) != Set(oldCell)
            }
        }
    }
}
