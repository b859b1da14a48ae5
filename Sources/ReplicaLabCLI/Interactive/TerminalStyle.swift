import Diagnostics
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

    /// `text` as it should reach the terminal: made safe (control characters shown, no line started with `::` by
    /// a lesson; see `ConsoleText`), then fitted to its width without breaking a word or a number (see `TextLayout`),
    /// or unchanged when it goes to a pipe or a file. Everything written to standard output by `lessons`, `run`,
    /// `run --step` and `play` goes through here.
    func fit(_ text: ConsoleText) -> ConsoleText {
        fitsText ? text.laidOut { TextLayout.fit($0, width: width) } : text
    }

    /// Writes `text`, fitted, to standard output.
    func write(_ text: ConsoleText) {
        Terminal.standardOutput.write(fit(text))
    }

    func bold(_ text: ConsoleText) -> ConsoleText { isFancy ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func green(_ text: ConsoleText) -> ConsoleText { isFancy ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: ConsoleText) -> ConsoleText { isFancy ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    func dim(_ text: ConsoleText) -> ConsoleText { isFancy ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// How transcripts look in this style: the shared renderer (`TranscriptStyle`) with this style's decorations.
    var transcript: TranscriptStyle {
        let style = self
        return TranscriptStyle(
            command: { style.bold($0) }, passed: { style.green($0) }, failed: { style.red($0) },
            comment: { style.dim($0) })
    }

    /// The author's narration, as written in the scenario, dimmed (see `TranscriptStyle.narration`).
    func narration(_ lines: [String]) -> ConsoleText { transcript.narration(lines) }

    /// One step: `$ command` and its output, or an expectation's verdict (see `TranscriptStyle.render`).
    func render(_ step: Step) -> ConsoleText { transcript.render(step) }

    /// The broker table with box-drawing characters (or ASCII when plain), its replicas marked as on the slides
    /// (`P0!` out of sync, `P0∅` no leader) with a legend under it; when it is wider than the terminal, one line per
    /// broker instead. Cells (rack names come from the scenario) are outside text, padded by their width once made
    /// safe.
    func render(_ table: BrokerTable) -> ConsoleText {
        func label(_ row: BrokerTable.Row) -> String {
            row.state == .up ? row.broker.label : "\(row.broker.label) (\(row.state.rawValue))"
        }
        func cell(_ entries: [BrokerTable.Entry]) -> String { entries.map(\.text).joined(separator: " ") }
        let legend = table.legend.map { dim(.text($0)) + "\n" } ?? ""
        let rows = table.rows.map { row in [label(row), cell(row.leaders)] + row.followers.map(cell) }
        let all = ([table.headings] + rows).map { $0.map { ConsoleText.text($0) } }
        let widths = (0..<table.headings.count).map { column in all.map { $0[column].width }.max() ?? 0 }
        let total = widths.reduce(0, +) + 3 * widths.count + 1
        if total > width {
            return table.rows.map { row -> ConsoleText in
                let followers = row.followers.enumerated().map { "follower \($0.offset + 1): \(cell($0.element))" }
                return "\(label(row))  leads: \(cell(row.leaders))  \(followers.joined(separator: "  "))\n"
            }.joined() + legend
        }
        let (h, v, tl, tm, tr, ml, mm, mr, bl, bm, br) =
            isFancy
            ? ("─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘")
            : ("-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+")
        func rule(_ left: String, _ middle: String, _ right: String) -> ConsoleText {
            .trusted(left + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: middle) + right + "\n")
        }
        func line(_ cells: [ConsoleText]) -> ConsoleText {
            let padded = cells.enumerated().map { column, cell -> ConsoleText in
                " " + cell.padded(to: widths[column]) + " "
            }
            return .trusted(v) + padded.joined(separator: .trusted(v)) + .trusted(v) + "\n"
        }
        var out = rule(tl, tm, tr) + line(all[0]) + rule(ml, mm, mr)
        for row in all.dropFirst() { out += line(row) }
        return out + rule(bl, bm, br) + legend
    }
}
