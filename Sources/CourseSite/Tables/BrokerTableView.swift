import Replication

/// The course's broker table for one step: the table, and which cells and brokers changed since the step before.
struct BrokerTableView {
    /// A cell: a broker's row and a column (0 = Leaders, 1… = Followers).
    struct CellID: Hashable {
        var broker: BrokerID
        var column: Int
    }

    var table: BrokerTable
    var changedCells: Set<CellID>
    var changedBrokers: Set<BrokerID>
    var caption: String

    init(table: BrokerTable, previous: BrokerTable?, changedBrokers: Set<BrokerID>, caption: String) {
        self.table = table
        self.changedBrokers = changedBrokers
        self.caption = caption
        changedCells = []
        // The first table of a scenario has nothing to differ from: nothing is marked.
        guard let previous else { return }
        let oldRows = Dictionary(uniqueKeysWithValues: previous.rows.map { ($0.broker.id, $0) })
        for row in table.rows {
            let oldRow = oldRows[row.broker.id]
            // Most rows are as they were: equal entries in the same order are the same cells.
            if let oldRow, oldRow.leaders == row.leaders, oldRow.followers == row.followers { continue }
            let columns = [row.leaders] + row.followers
            let oldColumns = oldRow.map { [$0.leaders] + $0.followers } ?? []
            for (index, cell) in columns.enumerated() where !cell.isEmpty || index < oldColumns.count {
                let oldCell = index < oldColumns.count ? oldColumns[index] : []
                if cell != oldCell, Set(cell) != Set(oldCell) {
                    changedCells.insert(CellID(broker: row.broker.id, column: index))
                }
            }
        }
    }
}

/// The per-replica table of one partition, with the step before's to mark what changed.
struct ReplicaTableView {
    var table: ReplicaTable
    /// The rows of the partition's table after the step before (nil when it did not exist).
    var previous: [ReplicaTable.Row]?
    var caption: String
}
