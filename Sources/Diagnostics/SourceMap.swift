/// Maps positions inside an embedded text (a scenario block) back to the file that contains it.
///
/// Line `k` (0-based) of the embedded text starts at file line `lines[k]`, and its column 1 is file column
/// `1 + columnOffsets[k]` (the indentation the Markdown parser removed).
public struct SourceMap: Hashable, Sendable {
    /// The file the text came from.
    public var file: String
    /// The file line of each text line (1-based).
    public var lines: [Int]
    /// The number of bytes removed before each text line.
    public var columnOffsets: [Int]

    /// Creates a map; `columnOffsets` missing entries count as zero.
    public init(file: String, lines: [Int], columnOffsets: [Int]) {
        self.file = file
        self.lines = lines
        self.columnOffsets = columnOffsets
    }

    /// A map for a whole file: text line `k` is file line `k + 1`.
    public static func identity(file: String, lineCount: Int) -> SourceMap {
        SourceMap(file: file, lines: Array(1...max(1, lineCount)), columnOffsets: [])
    }

    /// A map for the whole of `text`, read from a file named `file`.
    public static func identity(file: String, text: String) -> SourceMap {
        identity(file: file, lineCount: lines(of: text).count)
    }

    /// The lines of a script: `\n`, `\r\n` and `\r` each end one (`\r\n` is one Character in Swift, so splitting on
    /// `\n` alone would keep a CRLF script on one line); a text that ends with a line break ends with an empty line.
    /// Split at the bytes: a line break is always a grapheme of its own (or `\r\n`), so these are the same
    /// boundaries as a split by `Character`, found without forming a single one.
    public static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = utf8.index(after: index)
            if byte == UInt8(ascii: "\r"), index != utf8.endIndex, utf8[index] == UInt8(ascii: "\n") {
                index = utf8.index(after: index)
            }
            start = index
        }
        lines.append(text[start..<index])
        return lines
    }

    /// The file location of 0-based text line `line` and 1-based text column `column`.
    public func location(line: Int, column: Int) -> SourceLocation {
        let fileLine: Int
        if line < lines.count {
            fileLine = lines[line]
        } else {
            fileLine = (lines.last ?? 0) + (line - lines.count + 1)
        }
        let offset = line < columnOffsets.count ? columnOffsets[line] : 0
        return SourceLocation(file: file, line: fileLine, column: column + offset)
    }
}
