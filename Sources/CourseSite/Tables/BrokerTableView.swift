import Replication

/// The course's broker table for one step: the table, and which cells and brokers changed since the step before.
struct BrokerTableView {
    var table: BrokerTable
    /// Per row of `table`, the columns whose cells changed (0 = Leaders, 1… = Followers), ascending.
    var changedColumns: [[Int]]
    var changedBrokers: Set<BrokerID>
    var caption: String

    init(table: BrokerTable, previous: BrokerTable?, changedBrokers: Set<BrokerID>, caption: String) {
        self.table = table
        self.changedBrokers = changedBrokers
        self.caption = caption
        changedColumns = Array(repeating: [], count: table.rows.count)
        // The first table of a scenario has nothing to differ from: nothing is marked.
        guard let previous else { return }
        for (index, row) in table.rows.enumerated() {
            // The brokers are mostly those of the table before, in the same order.
            let oldRow =
                index < previous.rows.count && previous.rows[index].broker.id == row.broker.id
                ? previous.rows[index] : previous.rows.first { $0.broker.id == row.broker.id }
            // Most rows are as they were: equal entries in the same order are the same cells.
            if let oldRow, oldRow.leaders == row.leaders, oldRow.followers == row.followers { continue }
            for column in 0..<row.columnCount {
                let cell = row.cell(column)
                let oldCell = oldRow.flatMap { column < $0.columnCount ? $0.cell(column) : nil }
                guard !cell.isEmpty || oldCell != nil else { continue }
                if cell != oldCell ?? [], !Self.sameEntries(cell, oldCell ?? []) {
                    changedColumns[index].append(column)
                }
            }
        }
    }

    /// Whether two cells hold the same entries in any order (`Set(a) == Set(b)`, without hashing them: a cell holds a
    /// few).
    static func sameEntries(_ a: [BrokerTable.Entry], _ b: [BrokerTable.Entry]) -> Bool {
        a.allSatisfy { b.contains($0) } && b.allSatisfy { a.contains($0) }
    }
}

extension BrokerTable.Row {
    /// How many cells the row has: Leaders, then one per Followers column.
    var columnCount: Int { 1 + followers.count }

    /// The cell in `column` (0 = Leaders, 1… = Followers).
    func cell(_ column: Int) -> [BrokerTable.Entry] {
        column == 0 ? leaders : followers[column - 1]
    }
}

/// The per-replica table of one partition, with the step before's to mark what changed.
struct ReplicaTableView {
    var partition: TopicPartition
    /// The table's rows (`ReplicaTable.rows`).
    var rows: [ReplicaTable.Row]
    /// The rows of the partition's table after the step before (nil when it did not exist).
    var previous: [ReplicaTable.Row]?
    var caption: String
}
