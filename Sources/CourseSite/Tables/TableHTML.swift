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

    /// Writes the broker table, its rows taken from `rows` when they were formatted before (and kept there).
    static func brokerTable(_ view: BrokerTableView, rows formatted: inout BrokerRows, into html: inout HTMLWriter) {
        start(.class("broker-table"), caption: view.caption, headings: view.table.headings, into: &html)
        for row in view.table.rows {
            let key = BrokerRows.Key(
                row: row, isBrokerChanged: view.changedBrokers.contains(row.broker.id),
                changedColumns: (0...row.followers.count).filter {
                    view.changedCells.contains(.init(broker: row.broker.id, column: $0))
                })
            html.newline()
            if let node = formatted.rows[key] {
                html.write(node)
            } else {
                let node = HTMLNode.formattedOnce(brokerRow(key))
                formatted.rows[key] = node
                html.write(node)
            }
        }
        end(into: &html)
    }

    /// The broker tables' rows formatted so far, by what they are drawn from: a broker's row is the same at every
    /// step that does not change it (most steps), and is formatted once per page.
    struct BrokerRows {
        /// What a row is drawn from.
        struct Key: Hashable {
            var row: BrokerTable.Row
            /// The step changed the broker's state.
            var isBrokerChanged: Bool
            /// The row's cells that changed (0 = Leaders, 1… = Followers).
            var changedColumns: [Int]
        }

        var rows: [Key: HTMLNode] = [:]
    }

    private static func brokerRow(_ key: BrokerRows.Key) -> HTMLNode {
        let row = key.row
        var cells: [HTMLNode] = [
            .element(
                .th, [.init("scope", "row")],
                [.text(row.broker.label + " "), BrokerStateHTML.badge(row.state, changed: key.isBrokerChanged)])
        ]
        for (column, entries) in ([row.leaders] + row.followers).enumerated() {
            cells.append(cell(entries, leader: column == 0, changed: key.changedColumns.contains(column)))
        }
        return .element(.tr, [], cells)
    }

    private static func cell(_ entries: [BrokerTable.Entry], leader: Bool, changed: Bool) -> HTMLNode {
        var children: [HTMLNode] = []
        if entries.isEmpty {
            children.append(.element(.span, [.class("visually-hidden")], text: "none"))
        } else {
            for (index, entry) in entries.enumerated() {
                if index > 0 { children.append(.text(" ")) }
                children.append(chip(entry, leader: leader))
            }
        }
        if changed { children.append(changeMark) }
        return .element(.td, changed ? [.class("changed")] : [], children)
    }

    /// A replica: its partition, and its marks as a symbol and words (never colour or a border style alone).
    static func chip(_ entry: BrokerTable.Entry, leader: Bool) -> HTMLNode {
        var classes = leader ? "chip leader" : "chip"
        if entry.marks.contains(.outOfSync) { classes += " out-of-sync" }
        if entry.marks.contains(.noLeader) { classes += " no-leader" }
        var children: [HTMLNode] = [.text(entry.label)]
        for (mark, symbol, _) in BrokerTable.Marks.all where entry.marks.contains(mark) {
            children += [
                .element(.span, [.class("mark"), .ariaHidden], text: symbol),
                .element(.span, [.class("visually-hidden")], text: " " + Legend.words(mark)),
            ]
        }
        return .element(.span, [.class(classes)], children)
    }

    /// The mark of a changed cell: a symbol, and words for screen readers.
    static let changeMark = HTMLNode.group([
        .element(.span, [.class("delta"), .ariaHidden], text: "Δ"),
        .element(.span, [.class("visually-hidden")], text: " (changed)"),
    ])

    static let replicaHeadings = ["Broker", "Role", "LEO", "HW", "LogEpoch", "In ISR", "Status", "Lag"]

    /// Writes the per-replica table; cells that differ from the step before are marked. (A step draws up to four,
    /// each different: they are written straight into the page.)
    static func replicaTable(_ view: ReplicaTableView, into html: inout HTMLWriter) {
        start(.class("replica-table"), caption: view.caption, headings: replicaHeadings, into: &html)
        let before = Dictionary(uniqueKeysWithValues: (view.previous ?? []).map { ($0.broker, $0) })
        let marks = view.previous != nil
        for row in view.table.rows {
            let old = before[row.broker]
            func cell(_ text: String, _ changed: Bool) {
                guard changed, marks else { return html.element(.td, text: text) }
                html.start(.td, .class("changed"))
                html.text(text)
                html.write(changeMark)
                html.end(.td)
            }
            html.newline()
            html.start(.tr)
            html.element(.th, .init("scope", "row"), text: "B\(row.broker)")
            cell(row.role, old?.role != row.role)
            cell(String(row.logEndOffset), old?.logEndOffset != row.logEndOffset)
            cell(String(row.highWatermark), old?.highWatermark != row.highWatermark)
            cell(row.epoch.map(String.init) ?? "-", old?.epoch != row.epoch)
            cell(row.isInIsr ? "yes" : "no", old?.isInIsr != row.isInIsr)
            cell(row.status, old?.status != row.status)
            cell(row.lag.map(String.init) ?? "-", old?.lag != row.lag)
            html.end(.tr)
        }
        end(into: &html)
    }

    /// A table's start: its wrapper, caption and column headings, up to its body's start tag.
    private static func start(
        _ attribute: HTMLAttribute, caption: String, headings: [String], into html: inout HTMLWriter
    ) {
        html.start(.div, .class("table-wrap"))
        html.start(.table, attribute)
        html.element(.caption, text: caption)
        html.start(.thead)
        html.start(.tr)
        for heading in headings { html.element(.th, .init("scope", "col"), text: heading) }
        html.end(.tr)
        html.end(.thead)
        html.start(.tbody)
    }

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
        var children: [HTMLNode] = [.element(.span, [.ariaHidden], text: symbol(state)), .text(" " + state.rawValue)]
        // Why a broker stalls, where there is room for it.
        if state == .stalled { children.append(.element(.span, [.class("state-note")], text: " (congested)")) }
        if changed { children.append(.element(.span, [.class("visually-hidden")], text: " (changed)")) }
        let cssState = state.rawValue.split(separator: " ").joined(separator: "-")
        return .element(.span, [.class("state state-\(cssState)" + (changed ? " changed" : ""))], children)
    }
}
