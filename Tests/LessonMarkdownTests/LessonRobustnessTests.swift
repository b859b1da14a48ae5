import Diagnostics
import Testing

@testable import LessonMarkdown

/// Lessons found by fuzzing or in the bad-input corpus.
struct LessonRobustnessTests {
    /// Fuzzing (Fuzz/corpus/lesson/regression-empty-leak): an empty file was parsed twice and one cmark tree leaked.
    /// Under `--sanitize=address` LeakSanitizer fails this test if it comes back.
    @Test func emptyLessonIsParsedOnce() {
        let (lesson, diagnostics) = LessonParser.parse([], path: "Lessons/01-a.md")
        #expect(lesson == nil)
        #expect(diagnostics.map(\.message) == ["lesson has no title: add a '# Title' heading"])
    }

    @Test(arguments: [
        ("# T\n\n```scenario s\ncluster brokers=1\n", "scenario", 3),
        ("# T\n\n```scenario s\ncluster brokers=1\n```\n\n~~~output\n$ cluster brokers=1\n", "output", 7),
    ])
    func unclosedBlocksAreErrors(_ text: String, kind: String, line: Int) {
        let (lesson, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-a.md")
        #expect(lesson == nil)
        #expect(
            diagnostics.map(\.message) == [
                "the '\(kind)' block opened here is not closed: it runs to the end of the file"
            ])
        #expect(diagnostics.first?.location.line == line)
    }
}
