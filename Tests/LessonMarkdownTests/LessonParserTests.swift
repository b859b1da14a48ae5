import Diagnostics
import LessonMarkdown
import ReplicaLabTestSupport
import Testing

struct LessonParserTests {
    static let path = "Lessons/03-racks.md"

    static func parse(_ text: String, path: String = path) -> (Lesson?, [Diagnostic]) {
        let result = LessonParser.parse(Array(text.utf8), path: path)
        return (result.lesson, result.diagnostics)
    }

    static let lesson = """
        Intro before the title.

        # Racks and *replicas*

        Some prose.

        ```scenario rack-layout
        cluster brokers=6 racks=2
        ```

        ```output
        $ cluster brokers=6 racks=2
        ```

        ## Next

        ```scenario
        cluster brokers=3
        ```

        ```swift
        let x = 1
        ```

        """

    @Test func titleNumberAndSlug() throws {
        let (parsed, diagnostics) = Self.parse(Self.lesson)
        #expect(diagnostics.isEmpty)
        let lesson = try #require(parsed)
        #expect(lesson.title == "Racks and replicas")
        #expect(lesson.number == 3)
        #expect(lesson.slug == "racks")
        #expect(lesson.path == Self.path)
        #expect(lesson.source == Array(Self.lesson.utf8))
    }

    @Test func partsKeepTheirOrderAndOutputsPairWithScenarios() throws {
        let lesson = try #require(Self.parse(Self.lesson).0)
        let kinds = lesson.parts.map { part -> String in
            switch part {
            case .heading(let heading): "h\(heading.level):\(heading.text)"
            case .prose: "prose"
            case .scenario(let block): "scenario:\(block.name ?? "-"):\(block.output == nil ? "no output" : "output")"
            case .question(let question): "question:\(question.answer ?? "-")"
            case .exercise(let exercise): "exercise:\(exercise.name ?? "-")"
            }
        }
        #expect(
            kinds == [
                "prose", "h1:Racks and replicas", "prose", "scenario:rack-layout:output", "h2:Next",
                "scenario:-:no output", "prose",
            ])
        let first = try #require(lesson.scenarios.first)
        #expect(first.block.text == "cluster brokers=6 racks=2\n")
        #expect(first.block.openingLine == 7)
        #expect(first.block.closingLine == 9)
        #expect(first.output?.lines == ["$ cluster brokers=6 racks=2"])
        #expect(first.output?.openingLine == 11)
        #expect(lesson.scenarios.count == 2)
    }

    @Test func scenarioLinesMapToFileLines() throws {
        let lesson = try #require(Self.parse(Self.lesson).0)
        let block = try #require(lesson.scenarios.first).block
        #expect(block.location == FileLocation(file: Self.path, line: 7, column: 1))
        #expect(block.sourceMap.location(line: 0, column: 9) == FileLocation(file: Self.path, line: 8, column: 9))
    }

    @Test func namedScenarioWithOptions() throws {
        let text = "# T\n\n```scenario failover continues=setup\ncluster brokers=1\n```\n"
        let block = try #require(Self.parse(text).0?.scenarios.first)
        #expect(block.name == "failover")
        #expect(block.options == ["continues=setup"])
    }

    @Test func aKeyValueWordAfterTheKindIsAnOptionNotAName() throws {
        let text = "# T\n\n```scenario versions=4.0,4.1\ncluster brokers=1\n```\n"
        let block = try #require(Self.parse(text).0?.scenarios.first)
        #expect(block.name == nil)
        #expect(block.options == ["versions=4.0,4.1"])
        #expect(block.anchor == "scenario-1")
    }

    @Test func indentedFenceShiftsColumns() throws {
        let text = "# T\n\n  ```scenario\n  cluster brokers=3\n    topic t\n  ```\n"
        let block = try #require(Self.parse(text).0?.scenarios.first).block
        #expect(block.lines == ["cluster brokers=3", "  topic t"])
        #expect(block.sourceMap.location(line: 0, column: 1) == FileLocation(file: Self.path, line: 4, column: 3))
        #expect(block.sourceMap.location(line: 1, column: 3) == FileLocation(file: Self.path, line: 5, column: 5))
    }

    @Test func crlfFilesMapLikeLFFiles() throws {
        let text = "# Title\r\n\r\nProse.\r\n\r\n```scenario\r\ncluster brokers=3\r\ntopic t\r\n```\r\n"
        let (parsed, diagnostics) = Self.parse(text)
        #expect(diagnostics.isEmpty)
        let lesson = try #require(parsed)
        #expect(lesson.title == "Title")
        let block = try #require(lesson.scenarios.first).block
        #expect(block.lines.count == 2)
        #expect(block.openingLine == 5)
        #expect(block.sourceMap.location(line: 1, column: 1) == FileLocation(file: Self.path, line: 7, column: 1))
    }

    @Test func aBlocksLinesAreItsTextSplitAtLineFeedCharacters() throws {
        let text = "# T\n\n```scenario\ncluster brokers=3 # café → ok\n\n\n  topic t\u{301}\n\n```\n"
        let block = try #require(Self.parse(text).0?.scenarios.first).block
        var characterLines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if characterLines.last == "" { characterLines.removeLast() }
        #expect(block.lines == characterLines)
        #expect(block.lines == ["cluster brokers=3 # café → ok", "", "", "  topic t\u{301}", ""])
    }

    @Test(arguments: [
        ("# T\n\n- item\n\n  ```scenario\n  cluster brokers=1\n  ```\n", 5, "a list"),
        ("# T\n\n> quote\n>\n> ```scenario\n> cluster brokers=1\n> ```\n", 5, "a block quote"),
        ("# T\n\n1. one\n2. two\n\n   ```output\n   x\n   ```\n", 6, "a list"),
    ])
    func nestedScenarioBlocksAreErrorsAtTheirLine(_ text: String, line: Int, container: String) throws {
        let (lesson, diagnostics) = Self.parse(text)
        #expect(lesson == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.location.line == line)
        #expect(diagnostic.kind == .input)
        #expect(diagnostic.message.hasSuffix("blocks must be at the top level of the lesson, not inside \(container)"))
    }

    @Test(arguments: [
        ("# T\n\n```output\nx\n```\n", 3),
        ("# T\n\n```scenario\ncluster brokers=1\n```\n\n```output\na\n```\n\n```output\nb\n```\n", 11),
    ])
    func outputWithoutScenarioIsAnError(_ text: String, line: Int) throws {
        let (lesson, diagnostics) = Self.parse(text)
        #expect(lesson == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "an 'output' block must directly follow a 'scenario' block")
        #expect(diagnostic.location == FileLocation(file: Self.path, line: line, column: 1))
    }

    @Test(arguments: [
        "Lessons/intro.md", "Lessons/1-intro.md", "Lessons/01-intro.txt", "Lessons/01-Intro.md", "01_x.md",
        // A sign is not a digit, though `Int("+2")` is 2.
        "Lessons/+2-b.md", "Lessons/-2-b.md",
    ])
    func badFileNamesAreErrors(_ path: String) throws {
        let (lesson, diagnostics) = Self.parse("# T\n", path: path)
        #expect(lesson == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == FileLocation(file: path, line: 1, column: 1))
        #expect(diagnostic.message.hasPrefix("lesson file name must look like 'NN-slug.md'"))
    }

    @Test(arguments: ["Lessons/01-a.md", "x/12-partitions-and-replicas.md", "100-b2.md"])
    func goodFileNames(_ path: String) {
        #expect(Self.parse("# T\n", path: path).0 != nil)
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array("# T\n\nab".utf8)
        bytes.append(0xFF)
        bytes += Array("c\n".utf8)
        let (lesson, diagnostics) = LessonParser.parse(bytes, path: Self.path)
        #expect(lesson == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == FileLocation(file: Self.path, line: 3, column: 3))
        #expect(diagnostic.message == "lesson is not valid UTF-8 (byte 0xff)")
    }

    /// The lesson reader accepts exactly the bytes Swift's own decoder accepts (overlong forms, surrogates and code
    /// points past U+10FFFF included), over seeded random mixes of ASCII and the bytes around UTF-8's edges.
    @Test func invalidUTF8IsWhatSwiftRejects() {
        let edges: [UInt8] = [
            0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3_000 {
            var bytes = Array("# T\n".utf8)
            for _ in 0..<next(12) { bytes.append(next(3) == 0 ? UInt8(ascii: "a") : edges[next(edges.count)]) }
            let isValid = String(validating: bytes, as: UTF8.self) != nil
            let rejected = LessonParser.parse(bytes, path: Self.path).diagnostics.contains {
                $0.message.hasPrefix("lesson is not valid UTF-8")
            }
            #expect(rejected == !isValid, "\(bytes)")
        }
    }

    @Test(arguments: ["", "Just prose.\n", "## Only a subtitle\n"])
    func missingTitleIsAnError(_ text: String) throws {
        let (lesson, diagnostics) = Self.parse(text)
        #expect(lesson == nil)
        #expect(
            diagnostics == [
                .error(
                    "lesson has no title: add a '# Title' heading",
                    at: FileLocation(file: Self.path, line: 1, column: 1))
            ])
    }
}
