import Diagnostics
import LessonMarkdown
import Testing

/// A lesson kept with its errors, for an editor that works on it while it is being written.
struct LenientParseTests {
    static let unclosed = "Intro.\n\n```scenario new\ncluster brokers=2\n"

    @Test func aLessonWithErrorsIsKeptOnRequestWithTheSameDiagnostics() throws {
        let strict = LessonParser.parse(Array(Self.unclosed.utf8), path: "notes/new.md")
        #expect(strict.lesson == nil)
        let lenient = LessonParser.parse(Array(Self.unclosed.utf8), path: "notes/new.md", keepingLessonWithErrors: true)
        #expect(lenient.diagnostics == strict.diagnostics)
        #expect(strict.diagnostics.map(\.message).contains("lesson has no title: add a '# Title' heading"))
        let lesson = try #require(lenient.lesson)
        #expect(lesson.number == 0)
        #expect(lesson.slug == "new")
        #expect(lesson.title == "")
        // The unclosed block runs to the end of the file, as CommonMark reads it.
        let block = try #require(lesson.scenarios.first)
        #expect(block.name == "new")
        #expect(block.block.closingLine == nil)
        #expect(block.block.lines == ["cluster brokers=2"])
    }

    @Test func invalidUTF8IsStillNoLesson() {
        let result = LessonParser.parse([0x23, 0x20, 0xFF], path: "Lessons/01-x.md", keepingLessonWithErrors: true)
        #expect(result.lesson == nil)
        #expect(result.diagnostics.containsErrors)
    }
}
