import Replication
import ScenarioLanguage

/// How steps look at the terminal: colour and box-drawn tables, or plain text for pipes and `NO_COLOR`.
struct TerminalStyle {
    /// Colour and box drawing.
    var isFancy: Bool
    /// The width to fit tables in.
    var width = 80

    func bold(_ text: String) -> String { isFancy ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { isFancy ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { isFancy ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { isFancy ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// The author's narration, as written in the scenario: `# ` and the comment's text, dimmed.
    func narration(_ lines: [String]) -> String {
        lines.map { dim("# " + $0) + "\n" }.joined()
    }

    /// One step: `$ command`, its output, or an expectation's verdict.
    func render(_ step: Step) -> String {
        if let result = step.expectation {
            return result.passed
                ? green("✓ \(step.statement.text)") + "\n"
                : red("✗ \(step.statement.text)   (actual: \(result.actual))") + "\n"
        }
        var out = bold("$ \(step.statement.text)") + "\n"
        for line in step.output { out += line + "\n" }
        return out
    }

    /// The broker table with box-drawing characters (or ASCII when plain), its replicas marked as on the slides
    /// (`P0!` out of sync, `P0∅` no leader) with a legend under it; when it is wider than the terminal, one line per
    /// broker instead.
    func render(_ table: BrokerTable) -> String {
        func label(_ row: BrokerTable.Row) -> String {
            row.state == .up ? row.broker.label : "\(row.broker.label) (\(row.state.rawValue))"
        }
        func cell(_ entries: [BrokerTable.Entry]) -> String { entries.map(\.text).joined(separator: " ") }
        let legend = table.legend.map { dim($0) + "\n" } ?? ""
        let rows = table.rows.map { row in [label(row), cell(row.leaders)] + row.followers.map(cell) }
        let all = [table.headings] + rows
        let widths = (0..<table.headings.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        let total = widths.reduce(0, +) + 3 * widths.count + 1
        if total > width {
            return table.rows.map { row in
                let followers = row.followers.enumerated().map { "follower \($0.offset + 1): \(cell($0.element))" }
                return "\(label(row))  leads: \(cell(row.leaders))  " + followers.joined(separator: "  ")
            }.joined(separator: "\n") + "\n" + legend
        }
        let (h, v, tl, tm, tr, ml, mm, mr, bl, bm, br) =
            isFancy
            ? ("─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘")
            : ("-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+")
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func line(_ cells: [String]) -> String {
            v + cells.enumerated().map { " " + $0.element.padded(to: widths[$0.offset]) + " " }.joined(separator: v) + v
                + "\n"
        }
        var out = rule(tl, tm, tr) + line(table.headings) + rule(ml, mm, mr)
        for row in rows { out += line(row) }
        return out + rule(bl, bm, br) + legend
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
