import Diagnostics

/// A document's text as UTF-8 bytes with the start of every line, converting between the protocol's positions and
/// byte offsets (and ReplicaLab's 1-based line and UTF-8 byte column) exactly.
///
/// Lines end with `\n`, `\r\n` or `\r`, as both the protocol and the lesson parser define them; a position's
/// character never counts the line's terminator.
public struct SourceText: Hashable, Sendable {
    /// The text's bytes (valid UTF-8: it comes from a JSON string).
    public private(set) var bytes: [UInt8]
    /// The byte offset where each line starts; the first is 0, and a text ending with a line break has an empty last
    /// line.
    public private(set) var lineStarts: [Int]

    /// Creates a text.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Creates a text from UTF-8 bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    /// The text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// How many lines there are (at least one).
    public var lineCount: Int { lineStarts.count }

    /// The byte range of a 0-based line, without its terminator; an empty range at the end for lines past the last.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 0, line < lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// A 0-based line's text, without its terminator.
    public func line(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// The byte offset of a position. A character past the end of its line means the end of the line, a line past
    /// the last means the end of the text (as the protocol asks), and a position inside a character (half a UTF-16
    /// surrogate pair) means the start of that character.
    public func offset(of position: TextPosition, in encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let range = lineRange(position.line)
        var offset = range.lowerBound
        var units = 0
        while offset < range.upperBound {
            let length = Self.scalarLength(bytes[offset])
            let width = encoding.units(forLeadByte: bytes[offset])
            if units + width > position.character { break }
            units += width
            offset += length
        }
        return min(offset, range.upperBound)
    }

    /// The position of a byte offset (clamped to the text; an offset inside a line terminator or a character means
    /// the position before it).
    public func position(ofOffset offset: Int, in encoding: PositionEncoding) -> TextPosition {
        let offset = max(0, min(offset, bytes.count))
        let line = lineIndex(containing: offset)
        let range = lineRange(line)
        var index = range.lowerBound
        var units = 0
        while index < min(offset, range.upperBound) {
            let length = Self.scalarLength(bytes[index])
            guard index + length <= offset else { break }
            units += encoding.units(forLeadByte: bytes[index])
            index += length
        }
        return TextPosition(line: line, character: units)
    }

    /// The byte offset of a diagnostic's location (1-based line, 1-based UTF-8 byte column), clamped to its line.
    public func offset(of location: SourceLocation) -> Int {
        let range = lineRange(location.line - 1)
        return min(range.lowerBound + max(0, location.column - 1), range.upperBound)
    }

    /// The protocol position of a diagnostic's location.
    public func position(of location: SourceLocation, in encoding: PositionEncoding) -> TextPosition {
        position(ofOffset: offset(of: location), in: encoding)
    }

    /// The 0-based line holding a byte offset.
    public func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Replaces a byte range with new text (an edit from the client).
    public mutating func replace(_ range: Range<Int>, with text: String) {
        let range = max(0, min(range.lowerBound, bytes.count))..<max(0, min(range.upperBound, bytes.count))
        bytes.replaceSubrange(range, with: Array(text.utf8))
        // Recomputing every line start is linear in the document, a few microseconds for a lesson; an edit that
        // joins or splits a CRLF pair needs no special case this way.
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The range of a protocol range, in bytes.
    public func byteRange(of range: TextRange, in encoding: PositionEncoding) -> Range<Int> {
        let start = offset(of: range.start, in: encoding)
        return start..<max(start, offset(of: range.end, in: encoding))
    }

    /// The protocol range of a byte range.
    public func range(ofBytes range: Range<Int>, in encoding: PositionEncoding) -> TextRange {
        TextRange(
            start: position(ofOffset: range.lowerBound, in: encoding),
            end: position(ofOffset: range.upperBound, in: encoding))
    }

    /// How many bytes the UTF-8 sequence starting with `lead` has (1 for a byte that cannot start one).
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                index += 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(index + 1) }
            index += 1
        }
        return starts
    }
}
