import Replication

/// Tables as HTML: the broker table (the slides' layout) and the per-replica table.
enum TableHTML {
    /// The broker table; changed cells carry the change mark, brokers show their state in a symbol and words.
    static func brokerTable(_ view: BrokerTableView) -> HTMLNode {
        var rows = BrokerRows()
        var html = HTMLWriter(reserving: 2048)
        brokerTable(view, rows: &rows, into: &html)
        return .formatted(html.bytes)
    }

    /// Writes the broker table, its rows taken from `rows` when they were written before (and kept there).
    static func brokerTable(_ view: BrokerTableView, rows formatted: inout BrokerRows, into html: inout HTMLWriter) {
        start(.class("broker-table"), caption: view.caption, into: &html)
        let columns = view.table.followerColumns
        if columns < brokerHeads.count {
            html.append(formatted: brokerHeads[columns])
        } else {
            head(view.table.headings, into: &html)
        }
        for (index, row) in view.table.rows.enumerated() {
            html.newline()
            formatted.write(
                BrokerRows.Key(
                    row: row, isBrokerChanged: view.changedBrokers.contains(row.broker.id),
                    changedColumns: view.changedColumns[index]),
                into: &html)
        }
        end(into: &html)
    }

    /// The broker tables' rows written so far on a page, by what they are drawn from: a broker's row is the same at
    /// most steps that show the table (those change a few cells), so it is written once and then copied. Rows are
    /// found by comparing what they are drawn from (no hashing of their entries), among the last ones kept of the
    /// same broker.
    struct BrokerRows {
        /// What a row is drawn from.
        struct Key: Equatable {
            var row: BrokerTable.Row
            /// The step changed the broker's state.
            var isBrokerChanged: Bool
            /// The row's cells that changed (0 = Leaders, 1… = Followers), ascending.
            var changedColumns: [Int]
        }

        /// At most this many rows are kept per broker (the latest): a lookup compares with no more.
        static let keptPerBroker = 16

        /// The rows kept, per broker, oldest first, with their HTML.
        private var kept: [BrokerID: [(key: Key, html: [UInt8])]] = [:]

        /// How many rows were written rather than copied (for tests).
        private(set) var written = 0

        /// Writes the row drawn from `key`: copied when it was kept, else written and kept.
        mutating func write(_ key: Key, into html: inout HTMLWriter) {
            let id = key.row.broker.id
            if let rows = kept[id] {
                for index in rows.indices.reversed() where rows[index].key == key {
                    html.append(formatted: rows[index].html)
                    return
                }
            }
            let start = html.count
            TableHTML.brokerRow(key, into: &html)
            written += 1
            let row = html.withBytes { Array($0[start...]) }
            kept[id, default: []].append((key, row))
            if kept[id, default: []].count > Self.keptPerBroker { kept[id, default: []].removeFirst() }
        }
    }

    /// A broker's row: the broker and its state, then a cell per column. (The tags around the text are constant
    /// markup, appended whole.)
    static func brokerRow(_ key: BrokerRows.Key, into html: inout HTMLWriter) {
        let row = key.row
        html.append("<tr><th scope=\"row\">")
        html.text(row.broker.label)
        html.byte(UInt8(ascii: " "))
        BrokerStateHTML.badge(row.state, changed: key.isBrokerChanged, into: &html)
        html.append("</th>")
        for column in 0..<row.columnCount {
            let entries = row.cell(column)
            let changed = key.changedColumns.contains(column)
            html.append(changed ? "<td class=\"changed\">" : "<td>")
            if entries.isEmpty {
                html.append("<span class=\"visually-hidden\">none</span>")
            } else {
                for (index, entry) in entries.enumerated() {
                    if index > 0 { html.byte(UInt8(ascii: " ")) }
                    chip(entry, leader: column == 0, into: &html)
                }
            }
            if changed { html.write(changeMark) }
            html.append("</td>")
        }
        html.append("</tr>")
    }

    /// A replica: its partition, and its marks as a symbol and words (never colour or a border style alone).
    static func chip(_ entry: BrokerTable.Entry, leader: Bool) -> HTMLNode {
        var html = HTMLWriter(reserving: 64)
        chip(entry, leader: leader, into: &html)
        return .formatted(html.takeBytes())
    }

    static func chip(_ entry: BrokerTable.Entry, leader: Bool, into html: inout HTMLWriter) {
        let outOfSync = entry.marks.contains(.outOfSync)
        let noLeader = entry.marks.contains(.noLeader)
        let classes: StaticString =
            switch (leader, outOfSync, noLeader) {
            case (true, false, false): "chip leader"
            case (true, true, false): "chip leader out-of-sync"
            case (true, false, true): "chip leader no-leader"
            case (true, true, true): "chip leader out-of-sync no-leader"
            case (false, false, false): "chip"
            case (false, true, false): "chip out-of-sync"
            case (false, false, true): "chip no-leader"
            case (false, true, true): "chip out-of-sync no-leader"
            }
        html.append("<span class=\"")
        html.append(classes)
        html.append("\">")
        html.text(entry.label)
        for (mark, symbol, _) in BrokerTable.Marks.all where entry.marks.contains(mark) {
            html.append("<span class=\"mark\" aria-hidden=\"true\">")
            html.text(symbol)
            html.append("</span><span class=\"visually-hidden\"> ")
            html.text(Legend.words(mark))
            html.append("</span>")
        }
        html.append("</span>")
    }

    /// The mark of a changed cell: a symbol, and words for screen readers.
    static let changeMark = HTMLNode.group([
        .element(.span, [.class("delta"), .ariaHidden], text: "Δ"),
        .element(.span, [.class("visually-hidden")], text: " (changed)"),
    ])

    static let replicaHeadings = ["Broker", "Role", "LEO", "HW", "LogEpoch", "In ISR", "Status", "Lag"]

    /// Writes the per-replica table; cells that differ from the step before are marked. (A step draws up to four,
    /// each different: they are written straight into the page, numbers as digits.)
    static func replicaTable(_ view: ReplicaTableView, into html: inout HTMLWriter) {
        start(.class("replica-table"), caption: view.caption, into: &html)
        html.append(formatted: replicaHead)
        let previous = view.previous ?? []
        let marks = view.previous != nil
        for (index, row) in view.rows.enumerated() {
            // The replicas are mostly those of the step before, in the same order.
            let old =
                index < previous.count && previous[index].broker == row.broker
                ? previous[index] : previous.first { $0.broker == row.broker }
            func start(_ changed: Bool) {
                html.append(changed && marks ? "<td class=\"changed\">" : "<td>")
            }
            func end(_ changed: Bool) {
                if changed, marks { html.write(changeMark) }
                html.append("</td>")
            }
            func cell(_ text: String, _ changed: Bool) {
                start(changed)
                html.text(text)
                end(changed)
            }
            func cell(_ number: Int64?, _ changed: Bool) {
                start(changed)
                if let number { html.text(Int(number)) } else { html.text("-") }
                end(changed)
            }
            html.newline()
            html.append("<tr><th scope=\"row\">B")
            html.text(row.broker)
            html.append("</th>")
            cell(row.role, old?.role != row.role)
            cell(row.logEndOffset, old?.logEndOffset != row.logEndOffset)
            cell(row.highWatermark, old?.highWatermark != row.highWatermark)
            cell(row.epoch.map(Int64.init), old?.epoch != row.epoch)
            cell(row.isInIsr ? "yes" : "no", old?.isInIsr != row.isInIsr)
            cell(row.status, old?.status != row.status)
            cell(row.lag, old?.lag != row.lag)
            html.append("</tr>")
        }
        end(into: &html)
    }

    /// A table's wrapper and caption; its column headings (`head`) follow.
    private static func start(_ attribute: HTMLAttribute, caption: String, into html: inout HTMLWriter) {
        html.start(.div, .class("table-wrap"))
        html.start(.table, attribute)
        html.element(.caption, text: caption)
    }

    /// A table's column headings, up to its body's start tag.
    private static func head(_ headings: [String], into html: inout HTMLWriter) {
        html.start(.thead)
        html.start(.tr)
        for heading in headings { html.element(.th, .init("scope", "col"), text: heading) }
        html.end(.tr)
        html.end(.thead)
        html.start(.tbody)
    }

    /// The broker tables' headings as `head` writes them, by how many follower columns the table has (up to a
    /// replication factor of five), written once.
    private static let brokerHeads: [[UInt8]] = (0...5).map { columns in
        var html = HTMLWriter(reserving: 512)
        head(BrokerTable.headings(followerColumns: columns), into: &html)
        return html.bytes
    }

    /// The replica tables' headings as `head` writes them: the same in every replica table, written once.
    private static let replicaHead: [UInt8] = {
        var html = HTMLWriter(reserving: 512)
        head(replicaHeadings, into: &html)
        return html.bytes
    }()

    /// A table's end, after its last row.
    private static func end(into html: inout HTMLWriter) {
        html.newline()
        html.end(.tbody)
        html.end(.table)
        html.end(.div)
    }
}

/// A broker's running state as a symbol and a word (never colour alone).
enum BrokerStateHTML {
    static func symbol(_ state: BrokerState) -> String {
        switch state {
        case .up: "●"
        case .crashed: "✖"
        case .stalled: "◐"
        case .isolated: "⊘"
        case .shutDown: "■"
        case .restarting: "◌"
        }
    }

    /// What a state means, for the legend.
    static func meaning(_ state: BrokerState) -> String {
        switch state {
        case .up: "running"
        case .crashed: "hard-killed; its log stays on disk"
        case .stalled: "alive and heartbeating, but not fetching (network congestion)"
        case .isolated: "cut off from the other brokers and the controller"
        case .shutDown: "stopped cleanly (controlled shutdown)"
        case .restarting: "started again, waiting to register with the controller"
        }
    }

    static func badge(_ state: BrokerState, changed: Bool = false) -> HTMLNode {
        var html = HTMLWriter(reserving: 128)
        badge(state, changed: changed, into: &html)
        return .formatted(html.takeBytes())
    }

    static func badge(_ state: BrokerState, changed: Bool = false, into html: inout HTMLWriter) {
        html.append("<span class=\"state state-")
        html.text(cssName(state))
        if changed { html.append(" changed") }
        html.append("\">")
        html.element(.span, .ariaHidden, text: symbol(state))
        html.text(" ")
        html.text(state.rawValue)
        // Why a broker stalls, where there is room for it.
        if state == .stalled { html.element(.span, .class("state-note"), text: " (congested)") }
        if changed { html.element(.span, .class("visually-hidden"), text: " (changed)") }
        html.end(.span)
    }

    /// The state's name in a class name: its words joined by `-` (`shut-down`).
    static func cssName(_ state: BrokerState) -> String {
        let name = state.rawValue
        return name.utf8.contains(UInt8(ascii: " ")) ? name.split(separator: " ").joined(separator: "-") : name
    }
}
