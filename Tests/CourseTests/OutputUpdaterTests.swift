import Course
import Foundation
import Testing

/// `check --update`: only the bytes inside output blocks change.
struct OutputUpdaterTests {
    private func lesson(_ text: String, path: String = "Lessons/01-update.md") throws -> VerifiedLesson {
        let (verified, _) = CourseVerifier.verify(LessonFile(path: path, bytes: Array(text.utf8)))
        return try #require(verified)
    }

    @Test func replacesStaleOutputAndKeepsEveryOtherByte() throws {
        let text = """
            # Update\r
            \r
            Prose with trailing spaces   \r
            \r
            ~~~~scenario a\r
            cluster brokers=3\r
            ~~~~\r
            \r
            ~~~output\r
            $ cluster brokers=3\r
            stale\r
            ~~~\r
            \ttab line\t\r

            """
        let result = OutputUpdater.update(try lesson(text))
        #expect(result.changes.count == 1)
        #expect(result.changes.first?.kind == .replaced)
        let expected = text.replacingOccurrences(of: "stale\r\n", with: "3 brokers: 0,1,2\r\n")
        #expect(result.bytes == Array(expected.utf8))
        let again = OutputUpdater.update(
            try lesson(String(decoding: result.bytes, as: UTF8.self)))
        #expect(again.changes.isEmpty)
    }

    @Test func addsAMissingOutputBlockAfterTheScenario() throws {
        let text = "# Add\n\n```scenario b\ncluster brokers=2\n```\nAfter.\n"
        let result = OutputUpdater.update(try lesson(text))
        #expect(result.changes.map(\.kind) == [.added])
        let updated = String(decoding: result.bytes, as: UTF8.self)
        #expect(
            updated
                == "# Add\n\n```scenario b\ncluster brokers=2\n```\n\n```output\n$ cluster brokers=2\n2 brokers: 0,1\n```\nAfter.\n"
        )
        let verified = try lesson(updated)
        #expect(verified.isVerified)
        #expect(verified.scenarios.first?.outputMatches == true)
    }

    @Test func neverTouchesAScenarioWhoseExpectationFails() throws {
        let text = """
            # Claims

            ```scenario c
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            expect leader t-0 == 2
            ```

            ```output
            stale
            ```

            """
        let result = OutputUpdater.update(try lesson(text))
        #expect(result.changes.isEmpty)
        #expect(result.bytes == Array(text.utf8))
        #expect(result.skipped.count == 1)
    }

    @Test func reviewCanRejectAChange() throws {
        let text = "# R\n\n```scenario d\ncluster brokers=1\n```\n"
        let result = OutputUpdater.update(try lesson(text)) { _ in false }
        #expect(result.changes.isEmpty)
        #expect(result.bytes == Array(text.utf8))
    }
}
