import Replication
import ScenarioLanguage

/// How steps look at the terminal: colour and box-drawn tables, or plain text for pipes and `NO_COLOR`; text fitted
/// to the terminal's width, or exactly as it is when it goes to a pipe or a file.
struct TerminalStyle {
    /// Colour and box drawing.
    var isFancy: Bool
    /// The width to fit tables in.
    var width = 80
    /// Whether text is fitted to `width` (on a terminal), or written exactly as it is.
    var fitsText = false

    /// The style for standard output: fancy unless `plain` (or a pipe, or `NO_COLOR`); on a terminal, its width.
    static func standardOutput(plain: Bool) -> TerminalStyle {
        let size = Terminal.standardOutput.size
        return TerminalStyle(
            isFancy: !plain && Terminal.standardOutput.usesColor, width: size?.columns ?? 80, fitsText: size != nil)
    }

    /// Takes the terminal's width again (it may have been resized since), when text is fitted to it.
    mutating func measureWidth() {
        if fitsText, let columns = Terminal.standardOutput.size?.columns { width = columns }
    }

    /// `text` as it should reach the terminal: fitted to its width without breaking a word or a number (see
    /// `TextLayout`), or unchanged when it goes to a pipe or a file. Everything written to standard output by
    /// `run`, `run --step` and `play` goes through here.
    func fit(_ text: String) -> String {
        fitsText ? TextLayout.fit(text, width: width) : text
    }

    /// Writes `text`, fitted, to standard output.
    func write(_ text: String) {
        Terminal.standardOutput.write(fit(text))
    }

    func bold(_ text: String) -> String { isFancy ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { isFancy ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { isFancy ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { isFancy ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

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

    /// The broker table with box-drawing characters (or ASCII when plain); when it is wider than the terminal,
    /// one line per broker instead.
    func render(_ table: BrokerTable) -> String {
        func label(_ row: BrokerTable.Row) -> String {
            row.state == .up ? row.broker.label : "\(row.broker.label) (\(row.state.rawValue))"
        }
        let rows = table.rows.map { row in
            [label(row), row.leaders.joined(separator: " ")] + row.followers.map { $0.joined(separator: " ") }
        }
        let all = [table.headings] + rows
        let widths = (0..<table.headings.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        let total = widths.reduce(0, +) + 3 * widths.count + 1
        if total > width {
            return table.rows.map { row in
                let followers = row.followers.enumerated().map {
                    "follower \($0.offset + 1): \($0.element.joined(separator: " "))"
                }
                return "\(label(row))  leads: \(row.leaders.joined(separator: " "))  "
                    + followers.joined(separator: "  ")
            }.joined(separator: "\n") + "\n"
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
        return out + rule(bl, bm, br)
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
