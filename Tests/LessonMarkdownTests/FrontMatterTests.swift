import Diagnostics
import LessonMarkdown
import ReplicaLabTestSupport
import Testing

struct FrontMatterTests {
    @Test func readsKnownKeysAndKeepsLinePositions() throws {
        let text =
            "---\ntitle: Custom title\nsummary: Short.\nseed: 42\n---\n# Heading\n\n```scenario s\ncluster brokers=1\n```\n"
        let (lesson, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-fm.md")
        #expect(diagnostics.isEmpty)
        let parsed = try #require(lesson)
        #expect(parsed.title == "Custom title")
        #expect(parsed.summary == "Short.")
        #expect(parsed.frontMatter.seed == 42)
        #expect(parsed.scenarios.first?.block.location.line == 8)
        #expect(parsed.scenarios.first?.block.sourceMap.location(line: 0, column: 1).line == 9)
    }

    @Test func minutesIsAWholeNumberOfMinutes() {
        let good = LessonParser.parse(Array("---\nminutes: 25\n---\n# T\n".utf8), path: "Lessons/01-m.md")
        #expect(good.diagnostics.isEmpty)
        #expect(good.lesson?.minutes == 25)
        for value in ["0", "soon", "2.5", "601"] {
            let bad = LessonParser.parse(Array("---\nminutes: \(value)\n---\n# T\n".utf8), path: "Lessons/01-m.md")
            #expect(bad.diagnostics.map(\.location.column) == [10], "\(value)")
            #expect(bad.diagnostics.first?.message.hasPrefix("minutes must be a whole number") == true)
        }
    }

    @Test func unknownKeyIsLocatedWithASuggestion() {
        let text = "---\nsumary: x\n---\n# T\n"
        let (_, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-fm.md")
        let diagnostic = diagnostics.first
        #expect(diagnostic?.location == FileLocation(file: "Lessons/01-fm.md", line: 2, column: 1))
        #expect(diagnostic?.notes.first?.message == "did you mean 'summary'?")
        #expect(diagnostics.exitCode == 2)
    }

    @Test func badSeedAndUnclosedFrontMatterAreErrors() {
        let bad = LessonParser.parse(Array("---\nseed: many\n---\n# T\n".utf8), path: "Lessons/01-a.md").diagnostics
        #expect(bad.map(\.location.column) == [7])
        let unclosed = LessonParser.parse(Array("---\ntitle: x\n# T\n".utf8), path: "Lessons/01-b.md").diagnostics
        #expect(unclosed.contains { $0.message.contains("not closed") })
    }
}

struct PipeTableTests {
    @Test func aPipeTableIsReportedAtItsDelimiterRow() {
        let text = "# T\n\nIntro.\n\n| a | b |\n|---|:--|\n| 1 | 2 |\n\nA | B is just prose.\n"
        let (_, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-t.md")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == FileLocation(file: "Lessons/01-t.md", line: 6, column: 1))
        #expect(diagnostics.first?.message.contains("pipe table") == true)
    }

    /// A delimiter row is bars, at least three dashes and colons, spaces and tabs between them — nothing else.
    @Test(arguments: [
        ("| - - - |", true), ("|:--:|-|", true), ("\t|---", true), ("|--|", false), ("---", false),
        ("| --- | x", false), ("|---|…", false),
    ])
    func delimiterRows(_ row: String, isTable: Bool) {
        let text = "# T\n\nhead | er\n\(row)\n"
        let (_, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-t.md")
        #expect(diagnostics.contains { $0.message.contains("pipe table") } == isTable)
    }
}
