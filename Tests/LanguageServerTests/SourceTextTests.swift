import Diagnostics
import LanguageServer
import Testing

/// Positions: the protocol's UTF-16 (or UTF-8, UTF-32) characters and ReplicaLab's UTF-8 byte columns convert
/// exactly, with astral characters, CRLF and lone CR line ends.
struct SourceTextTests {
    // "a😀é b": a (1 byte, 1 unit), 😀 (4 bytes, 2 UTF-16 units, 1 scalar), é (2 bytes, 1 unit), space, b.
    static let text = SourceText("x\r\na😀é b\rlast\n")

    @Test func linesEndWithLFCRLFOrCR() {
        #expect(Self.text.lineCount == 4)
        #expect(Self.text.line(0) == "x")
        #expect(Self.text.line(1) == "a😀é b")
        #expect(Self.text.line(2) == "last")
        #expect(Self.text.line(3) == "")
    }

    @Test(arguments: [
        (PositionEncoding.utf16, [0, 1, 3, 4, 5, 6]), (.utf8, [0, 1, 5, 7, 8, 9]), (.utf32, [0, 1, 2, 3, 4, 5]),
    ])
    func charactersCountInTheAgreedUnits(encoding: PositionEncoding, characters: [Int]) {
        // Byte offsets of the line's character starts: a, 😀, é, space, b, end.
        let lineStart = 3
        let offsets = [0, 1, 5, 7, 8, 9].map { lineStart + $0 }
        for (offset, character) in zip(offsets, characters) {
            #expect(Self.text.position(ofOffset: offset, in: encoding) == TextPosition(line: 1, character: character))
            #expect(Self.text.offset(of: TextPosition(line: 1, character: character), in: encoding) == offset)
        }
    }

    @Test func diagnosticColumnsAreBytesAndBecomeUTF16() {
        // Column 9 (1-based, bytes) is 'b': UTF-16 character 5.
        let location = SourceLocation(file: "f", line: 2, column: 9)
        #expect(Self.text.position(of: location, in: .utf16) == TextPosition(line: 1, character: 5))
        #expect(Self.text.position(of: location, in: .utf8) == TextPosition(line: 1, character: 8))
    }

    @Test func positionsOutsideTheTextAreClamped() {
        // Past the end of a line: the line's end (before its CR); half a surrogate pair: the character's start.
        #expect(Self.text.offset(of: TextPosition(line: 1, character: 99), in: .utf16) == 12)
        #expect(Self.text.offset(of: TextPosition(line: 1, character: 2), in: .utf16) == 4)
        #expect(Self.text.offset(of: TextPosition(line: 40, character: 0), in: .utf16) == Self.text.bytes.count)
        #expect(Self.text.position(ofOffset: 1, in: .utf16) == TextPosition(line: 0, character: 1))
        // Inside the CRLF: before it.
        #expect(Self.text.position(ofOffset: 2, in: .utf16) == TextPosition(line: 0, character: 1))
    }

    @Test func editsReplaceRangesAndRecountLines() {
        var text = SourceText("ab\r\ncd")
        // Insert a line break between CR and LF's line end and the next line: lines stay exact.
        text.replace(
            text.byteRange(
                of: TextRange(start: .init(line: 0, character: 2), end: .init(line: 1, character: 1)), in: .utf16),
            with: "😀\n")
        #expect(text.string == "ab😀\nd")
        #expect(text.lineCount == 2)
        text.replace(0..<0, with: "\r")
        #expect(text.line(0) == "" && text.line(1) == "ab😀" && text.lineCount == 3)
        text.replace(1..<1, with: "\n")
        // The inserted LF joined the CR into one CRLF line end.
        #expect(text.lineCount == 3 && text.line(1) == "ab😀")
    }

    @Test func fileURIsAndPathsConvertBothWays() {
        let path = "/home/a b/Lessons/01-é#1.md"
        let uri = DocumentURI.uri(ofPath: path)
        #expect(uri == "file:///home/a%20b/Lessons/01-%C3%A9%231.md")
        #expect(DocumentURI.path(of: uri) == path)
        #expect(DocumentURI.path(of: "file://localhost/x/y.md") == "/x/y.md")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file:///x%zz.md") == nil)
        #expect(DocumentURI.path(of: "file:///x%00.md") == nil)
    }
}
