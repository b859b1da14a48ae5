/// Plain-text tables for transcripts: columns padded to their widest cell, separated by two spaces, no trailing
/// spaces (so output blocks compare cleanly).
enum AlignedText {
    static func lines(_ rows: [[String]]) -> [String] {
        let columns = rows.map { $0.count }.max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                line += cell
                if column < cells.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
