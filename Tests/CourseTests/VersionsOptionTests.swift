import Course
import Diagnostics
import Replication
import Testing

/// ```` ```scenario name versions=<a>,<b> ````: one scenario on two Kafka releases.
struct VersionsOptionTests {
    private func described(_ problem: Diagnostic) -> String {
        "\(problem.location.file):\(problem.location.line):\(problem.location.column): \(problem.message)"
    }

    private func verify(_ text: String) -> (VerifiedLesson?, [Diagnostic]) {
        CourseVerifier.verify(LessonFile(path: "Lessons/01-v.md", bytes: Array(text.utf8)))
    }

    private func lesson(_ info: String, _ lines: String) -> String {
        "# V\n\n```scenario \(info)\ncluster brokers=3\ntopic t partitions=1 replication-factor=3 min.insync.replicas=2\n"
            + "crash 2\nadvance 10s\ncrash 1\nadvance 10s\n\(lines)```\n"
    }

    /// Both runs' expectations are verified; a failure on the second names its release; the comparison holds the
    /// steps that differ.
    @Test func bothRunsAreVerified() throws {
        let (verified, diagnostics) = verify(
            lesson("min-isr versions=3.6,4.1", "produce t partition=0 value=b acks=1\nexpect hw t-0 == 1\n"))
        #expect(
            diagnostics.map(described) == [
                "Lessons/01-v.md:11:18: on Kafka 4.1: expectation failed: HW of t-0 is 0, expected 1"
            ])
        let scenario = try #require(verified?.scenarios.first)
        let comparison = try #require(scenario.versionComparison)
        #expect(comparison.left == .v36 && comparison.right == .v41)
        #expect(comparison.rows.map(\.line) == [9, 11])
        #expect(scenario.transcript.text.contains("[19s] t-0: Isr: 0\n"), "the transcript is the first release's")
    }

    @Test func releasesThatAgreeVerify() throws {
        let (verified, diagnostics) = verify(lesson("same versions=4.0,4.1", "expect isr t-0 == 0\n"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(verified?.scenarios.first?.versionComparison?.rows.count == 1, "4.1 adds Elr: 1 to the fence line")
    }

    @Test(arguments: [
        ("versions=4.0,5.0", "versions=: '5.0' is not a modelled Kafka release (one of 3.6, 3.7, 3.8, 3.9, 4.0, 4.1)"),
        ("versions=4.1", "versions= names two different Kafka releases (versions=4.0,4.1)"),
        ("versions=4.1,4.1", "versions= names two different Kafka releases (versions=4.0,4.1)"),
        (
            "verions=4.0,4.1",
            "unknown scenario option 'verions=4.0,4.1' (known: continues=<scenario>, versions=<kafka>,<kafka>)"
        ),
    ])
    func badOptionsAreLocatedErrors(_ option: String, _ message: String) {
        let (_, diagnostics) = verify(lesson("s \(option)", ""))
        #expect(diagnostics.first.map(described) == "Lessons/01-v.md:3:1: \(message)", "\(diagnostics)")
    }

    @Test func versionsCannotContinueAScenario() {
        let text = lesson("setup", "") + "\n```scenario next continues=setup versions=4.0,4.1\nadvance 1s\n```\n"
        let (_, diagnostics) = verify(text)
        #expect(
            diagnostics.map(\.message).contains {
                $0.hasPrefix("versions= runs a scenario from an empty cluster on each release")
            })
    }
}
