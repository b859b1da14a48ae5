import Course
import LessonMarkdown
import Testing

@testable import CourseSite

/// What `ScenarioHTML` writes piece by piece equals what it stands for.
struct ScenarioHTMLTests {
    /// The transcript written line by line is `Transcript.text` escaped: expectations left out, commands after `$ `,
    /// an error's output kept.
    @Test func theTranscriptIsItsTextEscaped() throws {
        let lesson = """
            # Transcript

            ```scenario s
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            produce t partition=0 value=a<&b
            expect leader t-0 == 0
            crash 0
            crash 0
            advance 10s
            ```

            """
        let course = CourseVerifier.verify([LessonFile(path: "Lessons/01-transcript.md", bytes: Array(lesson.utf8))])
        let scenario = try #require(course.lessons.first?.scenarios.first)
        let transcript = scenario.transcript
        #expect(transcript.steps.contains { $0.isExpectation })
        var lines = HTMLWriter()
        ScenarioHTML.transcript(transcript, into: &lines)
        var whole = HTMLWriter()
        whole.text(transcript.text)
        #expect(transcript.text.contains("a<&b"))
        #expect(lines.string == whole.string)
    }
}
