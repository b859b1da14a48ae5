/// Fits text to a terminal's width without breaking a word or a number, where the terminal itself would cut lines
/// at the last column (`Isr: 0,` / `1,2`): Kafka's tab-separated `describe` lines break between fields, prose between
/// words, and an aligned table wider than the terminal (`kafka-consumer-groups --describe`) is shown in column groups
/// that fit, each repeating the column that tells the rows apart. Lines that fit are left exactly as they are.
///
/// Widths are counted in columns: a tab advances to the next multiple of 8, ANSI colour sequences take none, and
/// every other character takes one (the course's text has no double-width characters).
enum TextLayout {
    /// `text` (lines ending in `\n`) fitted to `width` columns.
    static func fit(_ text: String, width: Int) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        let fitted = fit(lines: lines, width: width).joined(separator: "\n")
        return endsWithNewline ? fitted + "\n" : fitted
    }

    /// Lines fitted to `width` columns.
    static func fit(lines: [String], width: Int) -> [String] {
        guard width >= 20 else { return lines }
        var out: [String] = []
        var index = 0
        while index < lines.count {
            if let table = AlignedTable(lines: lines, from: index), table.width > width,
                let groups = table.columnGroups(fitting: width)
            {
                out += groups
                index = table.range.upperBound
                continue
            }
            out += wrap(lines[index], width: width)
            index += 1
        }
        return out
    }

    /// One line broken into lines of at most `width` columns: between tab-separated fields when it has them, else
    /// between words; continuation lines are indented four columns more than the line. A single word longer than a
    /// line is broken after a comma if it has one, and only then anywhere.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard columns(line) > width else { return [line] }
        let indentText = line.prefix { $0 == " " || $0 == "\t" }
        let indent = columns(String(indentText))
        let body = line.dropFirst(indentText.count)
        let hanging = indent + 4 <= width / 2 ? indent + 4 : indent
        let usesTabs = body.contains("\t")
        let pieces = body.split(separator: usesTabs ? "\t" : " ", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        var column = indent
        var isFirstOnLine = true
        for piece in pieces {
            // The gap before the piece: to the next tab stop, or one space.
            let gap = isFirstOnLine ? 0 : usesTabs ? 8 - column % 8 : 1
            let pieceWidth = columns(piece)
            if !isFirstOnLine, column + gap + pieceWidth > width {
                lines.append(current.trailingSpacesRemoved)
                current = String(repeating: " ", count: hanging)
                column = hanging
                isFirstOnLine = true
            }
            if isFirstOnLine {
                for (offset, part) in split(piece, first: width - column, rest: width - hanging).enumerated() {
                    if offset > 0 {
                        lines.append(current.trailingSpacesRemoved)
                        current = String(repeating: " ", count: hanging)
                        column = hanging
                    }
                    current += part
                    column += columns(part)
                }
                isFirstOnLine = false
            } else {
                current += String(repeating: " ", count: gap) + piece
                column += gap + pieceWidth
            }
        }
        lines.append(current.trailingSpacesRemoved)
        return lines
    }

    /// A word cut into parts: the first of at most `first` columns, the others of at most `rest`; after commas
    /// where it has them, else anywhere.
    private static func split(_ word: String, first: Int, rest: Int) -> [String] {
        guard first > 0, rest > 0, columns(word) > first else { return [word] }
        // "0,1,2" → "0," "1," "2", put together again as long as they fit.
        var pieces = word.split(separator: ",", omittingEmptySubsequences: false).map { String($0) + "," }
        pieces[pieces.count - 1].removeLast()
        var parts: [String] = []
        for piece in pieces {
            // The part being extended is the first (room: `first`) or a later one (room: `rest`).
            if let last = parts.last, columns(last + piece) <= (parts.count == 1 ? first : rest) {
                parts[parts.count - 1] += piece
            } else {
                parts.append(piece)
            }
        }
        // A part with no comma to break at is cut where the line ends.
        var cut: [String] = []
        for part in parts {
            var remaining = Substring(part)
            while case let room = cut.isEmpty ? first : rest, columns(String(remaining)) > room {
                cut.append(String(remaining.prefix(room)))
                remaining = remaining.dropFirst(room)
            }
            cut.append(String(remaining))
        }
        return cut
    }

    /// The columns `text` takes on a terminal.
    static func columns(_ text: String) -> Int {
        var column = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            switch scalar {
            case "\u{1B}": inEscape = true
            case "\t": column += 8 - column % 8
            case _ where scalar.properties.generalCategory == .nonspacingMark: break
            default: column += 1
            }
        }
        return column
    }
}

/// Consecutive lines whose columns line up: a header of three or more words separated by two or more spaces, and
/// rows that start each column where the header does (Kafka's `%-15s` tables). Tabs disqualify a line.
private struct AlignedTable {
    /// The lines of the table (header first).
    var range: Range<Int>
    var rows: [String]
    /// The column where each column starts.
    var starts: [Int]

    init?(lines: [String], from index: Int) {
        let header = lines[index]
        guard !header.contains("\t"), !header.contains("\u{1B}"), header.first != " " else { return nil }
        let characters = Array(header)
        var starts = [0]
        for position in characters.indices.dropFirst(2)
        where characters[position] != " " && characters[position - 1] == " " && characters[position - 2] == " " {
            starts.append(position)
        }
        guard starts.count >= 3 else { return nil }
        var end = index + 1
        while end < lines.count, Self.fits(lines[end], starts: starts) { end += 1 }
        guard end - index >= 2 else { return nil }
        self.range = index..<end
        self.rows = Array(lines[range])
        self.starts = starts
    }

    /// Whether a row has a space before every column start it reaches, so cutting it there splits no value.
    private static func fits(_ line: String, starts: [Int]) -> Bool {
        guard !line.contains("\t"), !line.contains("\u{1B}"), line.first != " " else { return false }
        let characters = Array(line)
        // A row reaches its second column at least: a shorter line is text after the table.
        guard characters.count > starts[1] else { return false }
        return starts.dropFirst().allSatisfy { start in start > characters.count || characters[start - 1] == " " }
    }

    /// The widest row.
    var width: Int { rows.map(\.count).max() ?? 0 }

    /// The cells of each row.
    private var cells: [[String]] {
        rows.map { row in
            let characters = Array(row)
            return starts.indices.map { column in
                let start = min(starts[column], characters.count)
                let end = column + 1 < starts.count ? min(starts[column + 1], characters.count) : characters.count
                return String(characters[start..<end]).trailingSpacesRemoved
            }
        }
    }

    /// The table as groups of columns that fit `width`, one after the other with a blank line between, each with
    /// the key column (the first whose values tell the rows apart) in its place; nil when a group of the key and one
    /// other column does not fit.
    func columnGroups(fitting width: Int) -> [String]? {
        let cells = cells
        let widths = starts.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let body = cells.dropFirst()
        let key = starts.indices.first { column in Set(body.map { $0[column] }).count == body.count } ?? 0
        func total(_ columns: [Int]) -> Int { columns.map { widths[$0] }.reduce(0, +) + 2 * (columns.count - 1) }
        var groups: [[Int]] = []
        var current: [Int] = []
        for column in starts.indices where column != key {
            if !current.isEmpty, total((current + [column, key]).sorted()) > width {
                groups.append((current + [key]).sorted())
                current = []
            }
            current.append(column)
        }
        groups.append((current + [key]).sorted())
        guard groups.allSatisfy({ total($0) <= width }) else { return nil }
        var out: [String] = []
        for (number, columns) in groups.enumerated() {
            if number > 0 { out.append("") }
            for row in cells {
                out.append(columns.map { row[$0].padded(to: widths[$0]) }.joined(separator: "  ").trailingSpacesRemoved)
            }
        }
        return out
    }
}

extension String {
    /// The text followed by spaces up to `width` characters (nothing added when it is as long already).
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text without the spaces at its end.
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
