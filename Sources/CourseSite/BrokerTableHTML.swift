import Replication

/// The course's broker table as an accessible HTML table; changed cells are marked with a symbol and words.
struct BrokerTableHTML {
    var table: BrokerTable
    var caption: String
    var changed: Set<StepChanges.CellID> = []
    var changedBrokers: Set<BrokerID> = []

    var html: String {
        var out =
            "<div class=\"table-wrap\"><table class=\"broker-table\">\n<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        for heading in table.headings { out += "<th scope=\"col\">\(HTML.escape(heading))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out +=
                "<tr><th scope=\"row\">\(HTML.escape(row.broker.label)) \(BrokerStateHTML.badge(row.state, changed: changedBrokers.contains(row.broker.id)))</th>"
            for (column, labels) in ([row.leaders] + row.followers).enumerated() {
                let isChanged = changed.contains(.init(broker: row.broker.id, column: column))
                out += cell(labels, leader: column == 0, changed: isChanged)
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }

    private func cell(_ labels: [String], leader: Bool, changed: Bool) -> String {
        let mark =
            changed
            ? "<span class=\"delta\" aria-hidden=\"true\">●</span><span class=\"visually-hidden\"> (changed)</span>"
            : ""
        let classes = changed ? " class=\"changed\"" : ""
        if labels.isEmpty { return "<td\(classes)><span class=\"visually-hidden\">none</span>\(mark)</td>" }
        let chips = labels.map { "<span class=\"chip\(leader ? " leader" : "")\">\(HTML.escape($0))</span>" }
        return "<td\(classes)>\(chips.joined(separator: " "))\(mark)</td>"
    }
}

/// A broker's running state as a symbol and a word (never colour alone).
enum BrokerStateHTML {
    static func badge(_ state: BrokerState, changed: Bool = false) -> String {
        let symbol: String
        switch state {
        case .up: symbol = "●"
        case .crashed: symbol = "✖"
        case .stalled: symbol = "◐"
        case .isolated: symbol = "⊘"
        case .shutDown: symbol = "■"
        case .restarting: symbol = "◌"
        }
        let word = state == .stalled ? "stalled (congested)" : state.rawValue
        let mark = changed ? "<span class=\"visually-hidden\"> (changed)</span>" : ""
        return
            "<span class=\"state state-\(state.rawValue.replacingSpaces)\(changed ? " changed" : "")\"><span aria-hidden=\"true\">\(symbol)</span> \(word)\(mark)</span>"
    }
}

extension String {
    fileprivate var replacingSpaces: String { split(separator: " ").joined(separator: "-") }
}
