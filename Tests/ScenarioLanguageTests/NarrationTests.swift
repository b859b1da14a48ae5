import Diagnostics
import ScenarioLanguage
import Testing

/// A scenario's `#` comment lines are the author's narration of the statement below them; the timeline gives each
/// step the narration of its command and of its checks.
struct NarrationTests {
    static func script(_ text: String) -> Script {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: "n.scenario", lineCount: lines))
        #expect(problems.isEmpty, "\(problems)")
        return script
    }

    @Test func commentLinesBelongToTheStatementBelowThem() {
        let script = Self.script(
            """
            # Three brokers,
            #   no racks.
            cluster brokers=3

            # (b) A topic.

            topic t partitions=1 replication-factor=3 # not narration: a comment after a command
            #
            expect leader t-0 == 0
            # Nothing comes after this one.
            """)
        #expect(script.statements.map(\.narration) == [["Three brokers,", "  no racks."], ["(b) A topic."], []])
    }

    @Test func theTimelineGivesEachStepTheNarrationOfItsCommandAndChecks() {
        let script = Self.script(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            # Before the crash.
            crash 0
            # Still the leader:
            expect leader t-0 == 0
            # the ISR is unchanged.
            expect isr t-0 == 0,1,2
            advance 10s
            """)
        let timeline = ScenarioRunner.run(script, seed: 1).timeline
        #expect(timeline.entries.map(\.number) == [1, 2, 3, 4])
        #expect(
            timeline.entries[2].narration == [["Before the crash."], ["Still the leader:"], ["the ISR is unchanged."]])
        #expect(timeline.entries[2].checks.count == 2)
        #expect(timeline.entries[3].narration.isEmpty)
    }

    /// A line that uses a captured value is parsed when it runs; its narration comes along.
    @Test func deferredLinesKeepTheirNarration() {
        let script = Self.script(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            let leader = leader t-0
            # Crash whoever leads.
            crash $leader
            """)
        let steps = ScenarioRunner.run(script, seed: 1).steps
        #expect(steps.last?.statement.text == "crash $leader")
        #expect(steps.last?.statement.narration == ["Crash whoever leads."])
    }
}
