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
}
