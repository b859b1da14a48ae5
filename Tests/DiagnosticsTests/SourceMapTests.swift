import Diagnostics
import ReplicaLabTestSupport
import Testing

struct SourceMapTests {
    @Test func mapsLinesAndAddsRemovedIndentation() {
        let map = SourceMap(file: "Lessons/01-a.md", lines: [5, 6, 8], columnOffsets: [3, 3])
        #expect(map.location(line: 0, column: 1) == FileLocation(file: "Lessons/01-a.md", line: 5, column: 4))
        #expect(map.location(line: 1, column: 10) == FileLocation(file: "Lessons/01-a.md", line: 6, column: 13))
        // A missing column offset counts as zero.
        #expect(map.location(line: 2, column: 7) == FileLocation(file: "Lessons/01-a.md", line: 8, column: 7))
    }

    @Test func linesPastTheMapContinueAfterTheLastMappedLine() {
        let map = SourceMap(file: "a.md", lines: [10, 11], columnOffsets: [])
        #expect(map.location(line: 2, column: 1).line == 12)
        #expect(map.location(line: 4, column: 1).line == 14)
    }

    @Test func identityMapsTextLineKToFileLineKPlusOne() {
        let map = SourceMap.identity(file: "<stdin>", lineCount: 3)
        #expect(map.lines == [1, 2, 3])
        #expect(map.location(line: 2, column: 5) == FileLocation(file: "<stdin>", line: 3, column: 5))
        #expect(SourceMap.identity(file: "x", lineCount: 0).lines == [1])
    }

    @Test func locationDescriptionIsPathLineColumn() {
        #expect(FileLocation(file: "Lessons/01-a.md", line: 12, column: 7).description == "Lessons/01-a.md:12:7")
    }

    @Test func locationsSortByFileThenLineThenColumn() {
        let a1 = FileLocation(file: "a.md", line: 2, column: 9)
        let a2 = FileLocation(file: "a.md", line: 10, column: 1)
        let a3 = FileLocation(file: "a.md", line: 10, column: 2)
        let b = FileLocation(file: "b.md", line: 1, column: 1)
        #expect([b, a3, a2, a1].sorted() == [a1, a2, a3, b])
    }

    @Test func scriptLinesEndAtEachKindOfLineBreak() {
        #expect(SourceMap.lines(of: "a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(SourceMap.lines(of: "a\n") == ["a", ""])
        #expect(SourceMap.lines(of: "\n\r") == ["", "", ""])
        #expect(SourceMap.lines(of: "") == [""])
    }

    /// Every text of up to five characters from an alphabet of line breaks, a combining accent (which joins the
    /// character before it, but never a line break) and other letters splits where a split by `Character` does.
    @Test func scriptLinesAreTheLinesOfASplitByCharacter() {
        let alphabet = ["a", "\n", "\r", "\u{301}", "é"]
        var texts = [""]
        var all = [""]
        for _ in 1...5 {
            texts = texts.flatMap { text in alphabet.map { text + $0 } }
            all += texts
        }
        for text in all {
            let byCharacter = text.split(omittingEmptySubsequences: false) {
                $0 == "\n" || $0 == "\r\n" || $0 == "\r"
            }
            #expect(SourceMap.lines(of: text) == byCharacter, "\(Array(text.unicodeScalars))")
        }
    }
}
