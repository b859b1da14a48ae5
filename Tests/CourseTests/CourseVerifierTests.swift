import Course
import Diagnostics
import ReplicaLabTestSupport
import Testing

struct CourseVerifierTests {
    static func file(_ path: String, _ text: String) -> LessonFile {
        LessonFile(path: path, bytes: Array(text.utf8))
    }

    /// The shared good lesson plus a second scenario whose claim is a Kafka error.
    static let good =
        Samples.goodLesson + """

            ```scenario
            cluster brokers=3
            topic u partitions=1 replication-factor=4
            expect error INVALID_REPLICATION_FACTOR
            ```

            """

    @Test func aGoodLessonVerifies() throws {
        let course = CourseVerifier.verify([Self.file("Lessons/01-placement.md", Self.good)])
        #expect(course.diagnostics.isEmpty)
        #expect(course.isVerified)
        #expect(course.lessons.count == 1)
        #expect(course.scenarioCount == 2)
        #expect(course.expectationCount == 3)
        #expect(course.summary == "1 lesson, 2 scenarios, 3 expectations: all verified")
        let lesson = try #require(course.lessons.first)
        #expect(lesson.isVerified)
        #expect(lesson.lesson.title == "Intro")
        #expect(lesson.scenarios.map(\.passedExpectationCount) == [2, 1])
        // The verified parts follow the lesson's parts one for one, each scenario in its place.
        #expect(lesson.parts.count == lesson.lesson.parts.count)
        for (verified, written) in zip(lesson.parts, lesson.lesson.parts) {
            switch (verified, written) {
            case (.scenario(let scenario), .scenario(let block)): #expect(scenario.block == block)
            case (.heading(let a), .heading(let b)): #expect(a == b)
            case (.prose, .prose), (.question, .question): break
            default: Issue.record("part \(verified) stands where the lesson has \(written)")
            }
        }
    }

    @Test func droppingStatesKeepsEverythingButTheClusters() throws {
        let lesson = try #require(
            CourseVerifier.verify([Self.file("Lessons/01-placement.md", Self.good)]).lessons.first)
        let stateless = lesson.droppingStates
        #expect(lesson.scenarios.contains { $0.transcript.steps.contains { $0.cluster != nil } })
        #expect(stateless.scenarios.allSatisfy { $0.initialCluster == nil })
        #expect(stateless.scenarios.allSatisfy { $0.transcript.steps.allSatisfy { $0.cluster == nil } })
        #expect(stateless.scenarios.map(\.transcript.text) == lesson.scenarios.map(\.transcript.text))
        #expect(stateless.scenarios.map(\.diagnostics) == lesson.scenarios.map(\.diagnostics))
        #expect(stateless.expectationCount == lesson.expectationCount)
        #expect(stateless.outline == lesson.outline)
        #expect(stateless.parts.count == lesson.parts.count)
        var inPlace = lesson
        inPlace.dropStates()
        #expect(inPlace == stateless)
    }

    @Test func assemblingOutlinedLessonsIsAssemblingLessons() {
        let files = [
            Self.file(
                "Lessons/02-placement.md", Self.good.replacingFirst("Some prose.", with: "[Back](01-first.md#nowhere).")
            ),
            Self.file("Lessons/01-first.md", Self.good),
        ]
        let results = CourseVerifier.ordered(files).map { CourseVerifier.verify($0) }
        let outlined = results.map { lesson, problems in (lesson.map { ($0, $0.outline) }, problems) }
        let course = CourseVerifier.assemble(results)
        #expect(CourseVerifier.assemble(outlined: outlined) == course)
        #expect(course.lessons.map(\.lesson.number) == [1, 2])
        #expect(course.diagnostics.map(\.message) == ["link to an anchor that does not exist: '01-first.md#nowhere'"])
    }

    @Test func trailingWhitespaceInOutputIsIgnored() {
        let text = Self.good.replacingFirst("Created topic t.", with: "Created topic t.   \t")
        #expect(CourseVerifier.verify([Self.file("Lessons/01-placement.md", text)]).isVerified)
    }

    @Test func aFailingExpectationIsAVerificationErrorAtItsValue() throws {
        let text = Self.good.replacingFirst("0,4,2", with: "0,3,1")
        let course = CourseVerifier.verify([Self.file("Lessons/01-placement.md", text)])
        #expect(!course.isVerified)
        let diagnostic = try #require(course.diagnostics.first)
        #expect(course.diagnostics.count == 1)
        #expect(diagnostic.kind == .verification)
        #expect(diagnostic.location == FileLocation(file: "Lessons/01-placement.md", line: 8, column: 24))
        #expect(diagnostic.message == "expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1")
        #expect(course.diagnostics.exitCode == 1)
        #expect(course.summary == "1 lesson, 2 scenarios, 3 expectations: 1 error in 1 scenario")
        #expect(course.lessons.first?.isVerified == false)
    }

    @Test func aWrongOutputBlockGivesADiffAtTheFirstDifferingLine() throws {
        let text = Self.good.replacingFirst("Created topic t.", with: "Created topic T.")
        let course = CourseVerifier.verify([Self.file("Lessons/01-placement.md", text)])
        let diagnostic = try #require(course.diagnostics.first)
        #expect(course.diagnostics.count == 1)
        #expect(diagnostic.kind == .verification)
        #expect(diagnostic.location == FileLocation(file: "Lessons/01-placement.md", line: 16, column: 1))
        #expect(
            diagnostic.message
                == "output of scenario 'slide' differs from what the engine prints (- expected, + actual)")
        #expect(diagnostic.detail.contains("-Created topic T."))
        #expect(diagnostic.detail.contains("+Created topic t."))
        #expect(course.diagnostics.exitCode == 1)
    }

    @Test func missingOutputLinesAreReported() throws {
        let text = Self.good.replacingFirst("Created topic t.\n", with: "")
        let course = CourseVerifier.verify([Self.file("Lessons/01-placement.md", text)])
        let diagnostic = try #require(course.diagnostics.first)
        #expect(diagnostic.detail.contains("+Created topic t."))
        #expect(diagnostic.location.file == "Lessons/01-placement.md")
        #expect((13...17).contains(diagnostic.location.line))
    }

    @Test func inputErrorsInAScenarioExitWith2AndSkipTheOutputComparison() throws {
        let text = Self.good.replacingFirst("topic t partitions", with: "topik t partitions")
        let course = CourseVerifier.verify([Self.file("Lessons/01-placement.md", text)])
        #expect(course.diagnostics.first?.message == "unknown command 'topik'")
        #expect(!course.diagnostics.contains { $0.message.hasPrefix("output") })
        #expect(
            course.diagnostics.first?.location == FileLocation(file: "Lessons/01-placement.md", line: 7, column: 1))
        #expect(course.diagnostics.first?.notes.map(\.message) == ["did you mean 'topic'?"])
        #expect(course.diagnostics.exitCode == 2)
    }

    @Test func crlfLessonsVerifyAndLocateFailuresLikeLFLessons() throws {
        let crlf = Self.good.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(CourseVerifier.verify([Self.file("Lessons/01-placement.md", crlf)]).isVerified)
        let wrong = crlf.replacingFirst("0,4,2", with: "0,3,1")
        let course = CourseVerifier.verify([Self.file("Lessons/01-placement.md", wrong)])
        #expect(
            course.diagnostics.map(\.location) == [FileLocation(file: "Lessons/01-placement.md", line: 8, column: 24)]
        )
    }

    @Test func indentedScenarioFailuresPointIntoTheIndentedLine() throws {
        let indented = "# T\n\n   ```scenario\n   cluster brokers=3\n   expect leader t-0 == 0\n   ```\n"
        let course = CourseVerifier.verify([Self.file("Lessons/01-t.md", indented)])
        #expect(course.diagnostics.map(\.location) == [FileLocation(file: "Lessons/01-t.md", line: 5, column: 4)])
        #expect(course.diagnostics.first?.message == "unknown topic 't'")
    }

    @Test func duplicateLessonNumbersAreErrors() throws {
        let course = CourseVerifier.verify([
            Self.file("Lessons/02-b.md", "# B\n"), Self.file("Lessons/01-a.md", "# A\n"),
            Self.file("Lessons/02-a.md", "# C\n"),
        ])
        #expect(course.lessons.map(\.lesson.path) == ["Lessons/01-a.md", "Lessons/02-a.md", "Lessons/02-b.md"])
        let diagnostic = try #require(course.diagnostics.first)
        #expect(course.diagnostics.count == 1)
        #expect(diagnostic.message == "lesson number 2 is used twice")
        #expect(diagnostic.location == FileLocation(file: "Lessons/02-b.md", line: 1, column: 1))
        #expect(diagnostic.notes.first?.location == FileLocation(file: "Lessons/02-a.md", line: 1, column: 1))
        #expect(course.diagnostics.exitCode == 2)
    }

    @Test func lessonsAreOrderedByNumberNotName() {
        let course = CourseVerifier.verify([
            Self.file("Lessons/10-late.md", "# Late\n"), Self.file("Lessons/09-early.md", "# Early\n"),
        ])
        #expect(course.lessons.map(\.lesson.title) == ["Early", "Late"])
        #expect(course.summary == "2 lessons, 0 scenarios, 0 expectations: all verified")
    }

    @Test func duplicateScenarioNamesAreErrors() throws {
        let text = "# T\n\n```scenario a\ncluster brokers=1\n```\n\n```scenario a\ncluster brokers=2\n```\n"
        let course = CourseVerifier.verify([Self.file("Lessons/01-t.md", text)])
        let diagnostic = try #require(course.diagnostics.first)
        #expect(course.diagnostics.count == 1)
        #expect(diagnostic.message == "scenario name 'a' is used twice in this lesson")
        #expect(diagnostic.location == FileLocation(file: "Lessons/01-t.md", line: 7, column: 1))
        #expect(diagnostic.notes.first?.location == FileLocation(file: "Lessons/01-t.md", line: 3, column: 1))
    }

    @Test func unparsableLessonsAreLeftOutWithTheirDiagnostics() {
        let course = CourseVerifier.verify([
            Self.file("Lessons/01-a.md", "no title\n"), Self.file("Lessons/02-b.md", "# B\n"),
        ])
        #expect(course.lessons.map(\.lesson.title) == ["B"])
        #expect(course.diagnostics.map(\.message) == ["lesson has no title: add a '# Title' heading"])
        #expect(course.summary == "1 lesson, 0 scenarios, 0 expectations: 1 error")
    }

}

extension String {
    /// This string with the first occurrence of `target` replaced (the tests' edits of a good lesson).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let parts = split(separator: target, maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? parts[0] + replacement + parts[1] : self
    }
}
