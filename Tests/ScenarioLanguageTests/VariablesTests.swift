import Diagnostics
import ReplicaLabTestSupport
import ScenarioLanguage
import Testing

/// `let <name> = <query>` and `$name`.
struct VariablesTests {
    private func run(_ text: String) -> (Transcript, [Diagnostic]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: "v.scenario", lineCount: lines))
        return (ScenarioRunner.run(script), problems)
    }

    private let setup = "cluster brokers=3\ntopic t partitions=1 replication-factor=3\nproduce t count=3\n"

    @Test func capturedValuesFeedExpectationsAndCommands() {
        let (transcript, problems) = run(
            setup
                + "let before = hw t-0\nlet leader = leader t-0\ncrash $leader\nadvance 10s\nexpect hw t-0 == $before\n"
        )
        #expect(problems.isEmpty)
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        #expect(transcript.text.contains("$ let before = hw t-0\nbefore = 3\n"))
        // The transcript keeps the line as written.
        #expect(transcript.text.contains("$ crash $leader\n["))
        #expect(transcript.text.contains("] broker 0 crashes\n"))
        #expect(transcript.expectationCount == 1)
    }

    @Test func aFalseClaimWithACapturedValueFailsAtTheLine() {
        let (transcript, _) = run(setup + "let before = hw t-0\nproduce t count=2\nexpect hw t-0 == $before\n")
        #expect(transcript.failedExpectationCount == 1)
        #expect(transcript.diagnostics.map(\.message) == ["expectation failed: HW of t-0 is 5, expected 3"])
        #expect(transcript.diagnostics.first?.location.line == 6)
    }

    @Test func unknownNamesAndBadLetsAreInputErrors() {
        let (transcript, _) = run(setup + "expect hw t-0 == $nope\n")
        #expect(
            transcript.diagnostics.map(\.message) == [
                "'$nope' has no value: capture it first with 'let nope = <query>'"
            ])
        #expect(transcript.diagnostics.first?.location == FileLocation(file: "v.scenario", line: 4, column: 18))
        #expect(transcript.diagnostics.exitCode == 2)
        let (_, problems) = run(setup + "let x = foo t-0\nlet 9 = hw t-0\nlet y hw t-0\n")
        #expect(problems.count == 3)
    }
}
