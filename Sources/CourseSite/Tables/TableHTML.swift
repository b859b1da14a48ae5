import Replication

/// Tables as HTML: the broker table (the slides' layout) and the per-replica table.
enum TableHTML {
    /// The broker table; changed cells carry the change mark, brokers show their state in a symbol and words.
    static func brokerTable(_ view: BrokerTableView) -> HTMLNode {
        let head = HTMLNode.element(
            .thead, [],
            [.element(.tr, [], view.table.headings.map { .element(.th, [.init("scope", "col")], text: $0) })])
        let rows = view.table.rows.map { row -> HTMLNode in
            var cells: [HTMLNode] = [
                .element(
                    .th, [.init("scope", "row")],
                    [
                        .text(row.broker.label + " "),
                        BrokerStateHTML.badge(row.state, changed: view.changedBrokers.contains(row.broker.id)),
                    ])
            ]
            for (column, labels) in ([row.leaders] + row.followers).enumerated() {
                let changed = view.changedCells.contains(.init(broker: row.broker.id, column: column))
                cells.append(cell(labels, leader: column == 0, changed: changed))
            }
            return .element(.tr, [], cells)
        }
        return wrap(.class("broker-table"), caption: view.caption, head: head, rows: rows)
    }

    private static func cell(_ labels: [String], leader: Bool, changed: Bool) -> HTMLNode {
        var children: [HTMLNode] = []
        if labels.isEmpty {
            children.append(.element(.span, [.class("visually-hidden")], text: "none"))
        } else {
            for (index, label) in labels.enumerated() {
                if index > 0 { children.append(.text(" ")) }
                children.append(.element(.span, [.class(leader ? "chip leader" : "chip")], text: label))
            }
        }
        if changed { children.append(changeMark) }
        return .element(.td, changed ? [.class("changed")] : [], children)
    }

    /// The mark of a changed cell: a symbol, and words for screen readers.
    static let changeMark = HTMLNode.group([
        .element(.span, [.class("delta"), .ariaHidden], text: "Δ"),
        .element(.span, [.class("visually-hidden")], text: " (changed)"),
    ])

    /// The per-replica table; cells that differ from the step before are marked.
    static func replicaTable(_ view: ReplicaTableView) -> HTMLNode {
        let headings = ["Broker", "Role", "LEO", "HW", "LogEpoch", "In ISR", "Status", "Lag"]
        let head = HTMLNode.element(
            .thead, [], [.element(.tr, [], headings.map { .element(.th, [.init("scope", "col")], text: $0) })])
        let before = Dictionary(uniqueKeysWithValues: (view.previous?.rows ?? []).map { ($0.broker, $0) })
        let rows = view.table.rows.map { row -> HTMLNode in
            let old = before[row.broker]
            func cell(_ text: String, _ changed: Bool) -> HTMLNode {
                guard changed, view.previous != nil else { return .element(.td, [], text: text) }
                return .element(.td, [.class("changed")], [.text(text), changeMark])
            }
            return .element(
                .tr, [],
                [
                    .element(.th, [.init("scope", "row")], text: "B\(row.broker)"),
                    cell(row.role, old?.role != row.role),
                    cell(String(row.logEndOffset), old?.logEndOffset != row.logEndOffset),
                    cell(String(row.highWatermark), old?.highWatermark != row.highWatermark),
                    cell(row.epoch.map(String.init) ?? "-", old?.epoch != row.epoch),
                    cell(row.isInIsr ? "yes" : "no", old?.isInIsr != row.isInIsr),
                    cell(row.status, old?.status != row.status),
                    cell(row.lag.map(String.init) ?? "-", old?.lag != row.lag),
                ])
        }
        return wrap(.class("replica-table"), caption: view.caption, head: head, rows: rows)
    }

    private static func wrap(_ attribute: HTMLAttribute, caption: String, head: HTMLNode, rows: [HTMLNode])
        -> HTMLNode
    {
        .element(
            .div, [.class("table-wrap")],
            [
                .element(
                    .table, [attribute],
                    [
                        .element(.caption, [], text: caption), head,
                        .element(.tbody, [], rows.flatMap { [HTMLNode.newline, $0] } + [.newline]),
                    ])
            ])
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

    static func word(_ state: BrokerState) -> String {
        state == .stalled ? "stalled (congested)" : state.rawValue
    }

    static func badge(_ state: BrokerState, changed: Bool = false) -> HTMLNode {
        var children: [HTMLNode] = [.element(.span, [.ariaHidden], text: symbol(state)), .text(" " + word(state))]
        if changed { children.append(.element(.span, [.class("visually-hidden")], text: " (changed)")) }
        let cssState = state.rawValue.split(separator: " ").joined(separator: "-")
        return .element(.span, [.class("state state-\(cssState)" + (changed ? " changed" : ""))], children)
    }
}
