import Foundation
import ReplicaLabTestSupport
import Testing

/// `play` and `run --step` driven through a pseudo-terminal, key by key.
@Suite(.serialized)
struct InteractiveTests {
    static let lesson = """
        # Steps

        ```scenario three
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        expect leader t-0 == 0
        describe t
        ```

        """

    @Test func stepAdvancesOnEnterAndGoesBackOnB() throws {
        let workspace = try Workspace(lessons: ["01-steps.md": Self.lesson])
        let terminal = try PseudoTerminal(["run", "Lessons/01-steps.md", "--step"], in: workspace.root)
        try terminal.expect("step 1 of 3")
        try terminal.expect("3 brokers: 0,1,2")
        terminal.type("\r")
        try terminal.expect("step 2 of 3")
        let second = try terminal.expect("Created topic t.")
        #expect(!second.contains("step 3 of 3"))
        try terminal.expect("✓ expect leader t-0 == 0")
        terminal.type("b")
        try terminal.expect("step 1 of 3")
        terminal.type("\r")
        try terminal.expect("step 2 of 3")
        terminal.type("t")
        try terminal.expect("Brokers")
        try terminal.expect("Partition: 0")
        terminal.type("\r")
        try terminal.expect("step 3 of 3")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
    }

    /// A question is asked before the step its answer is read from (`after=<scenario>/step-<n>`, or the end of the
    /// scenario above), and its computed answer and reason are shown after that step.
    @Test func stepAsksEachQuestionBeforeItsStepAndRevealsTheAnswerAfter() throws {
        let lesson = """
            # Questions

            ```question after=three/step-2
            Who leads `t-0` once the topic exists?
            answer: leader t-0
            why: the first replica of {{three/step-2: replicas t-0}} leads
            ```

            ```scenario three
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            describe t
            ```

            ```question
            And at the end?
            answer: isr t-0
            ```

            """
        let workspace = try Workspace(lessons: ["01-asks.md": lesson])
        let terminal = try PseudoTerminal(["run", "Lessons/01-asks.md", "--step"], in: workspace.root)
        try terminal.expect("step 1 of 3")
        terminal.type("\r")
        let asked = try terminal.expect("? Predict: Who leads t-0 once the topic exists?")
        #expect(!asked.contains("step 2 of 3"), "the question comes before the step")
        try terminal.expect("[Enter] run the step and reveal")
        terminal.type("\r")
        try terminal.expect("Created topic t.")
        try terminal.expect("Answer: 0")
        try terminal.expect("Why: the first replica of 0,1,2 leads")
        terminal.type("\r")
        try terminal.expect("? Predict: And at the end?")
        terminal.type("\r")
        try terminal.expect("step 3 of 3")
        try terminal.expect("Answer: 0,1,2")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
    }

    /// A scenario's comments are the narration of the step below them: `run --step` shows them at the top of the
    /// step, before the command.
    @Test func stepShowsTheNarrationOfEachStep() throws {
        let lesson = """
            # Narration

            ```scenario told
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            produce t partition=0 count=3 async
            # (a) The leader appended: LEO 3, HW 0.
            expect leo t-0 == 3
            # (b) Both followers fetch the records.
            advance 2ms
            ```

            """
        let workspace = try Workspace(lessons: ["01-told.md": lesson])
        let terminal = try PseudoTerminal(["run", "Lessons/01-told.md", "--step"], in: workspace.root)
        for step in 2...3 {
            terminal.type("\r")
            try terminal.expect("step \(step) of 4")
        }
        let third = try terminal.expect("✓ expect leo t-0 == 3")
        #expect(third.contains("# (a) The leader appended: LEO 3, HW 0.\r\n$ produce t partition=0 count=3 async"))
        #expect(!third.contains("(b)"))
        terminal.type("\r")
        try terminal.expect("step 4 of 4")
        try terminal.expect("# (b) Both followers fetch the records.\r\n$ advance 2ms")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
    }

    /// `run --step`'s tables (`t`) mark replicas as the slides do and say what the marks mean.
    @Test func stepTablesMarkOutOfSyncAndLeaderlessReplicas() throws {
        let lesson = """
            # Marks

            ```scenario marks
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            stall 2
            produce t partition=0 value=a acks=1
            advance 45s
            crash 1
            crash 0
            advance 9s
            ```

            """
        let workspace = try Workspace(lessons: ["01-marks.md": lesson])
        let terminal = try PseudoTerminal(["run", "Lessons/01-marks.md", "--step"], in: workspace.root)
        for step in 2...5 {
            terminal.type("\r")
            try terminal.expect("step \(step) of 8")
        }
        terminal.type("t")
        let table = try terminal.expect("! out of sync (not in the ISR)")
        #expect(table.contains("| B2 (stalled) |") && table.contains("P0!"), "\(table)")
        for step in 6...8 {
            terminal.type("\r")
            try terminal.expect("step \(step) of 8")
        }
        terminal.type("t")
        let offline = try terminal.expect("∅ no leader (the partition is offline)")
        // Every replica of the leaderless partition is still in the table.
        #expect(offline.components(separatedBy: "P0").count - 1 == 3, "\(offline)")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func playSuggestsUndoesAndSavesAScriptThatReplaysIdentically() throws {
        let workspace = try Workspace(lessons: [:])
        let terminal = try PseudoTerminal(["play"], in: workspace.root)
        try terminal.expect("replicalab> ")
        terminal.type("cluster brokers=6 racks=2\r")
        try terminal.expect("R1 = 0,1,2; R2 = 3,4,5")
        terminal.type("topik t partitions=3 replication-factor=3\r")
        try terminal.expect("did you mean 'topic'?")
        try terminal.expect("nothing changed")
        // Tab completes the command word.
        terminal.type("top\t")
        terminal.type("t partitions=10 replication-factor=3\r")
        try terminal.expect("Created topic t.")
        terminal.type("add-partitions t count=12\r")
        try terminal.expect("Topic t now has 12 partitions.")
        terminal.type("undo\r")
        try terminal.expect("Undid: add-partitions t count=12")
        terminal.type("describe t\r")
        try terminal.expect("PartitionCount: 10")
        terminal.type("save session.scenario\r")
        try terminal.expect("Saved 3 lines")
        // Wait for the prompt: a Ctrl-D typed while the line editor is between lines can be dropped when it
        // re-enters raw mode (seen under AddressSanitizer, where everything is slower).
        try terminal.expect("replicalab> ")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)

        let saved = try String(contentsOf: workspace.url("session.scenario"), encoding: .utf8)
        #expect(saved == "cluster brokers=6 racks=2\ntopic t partitions=10 replication-factor=3\ndescribe t\n")
        let replay = try workspace.run(["run", "session.scenario"])
        #expect(replay.status == 0)
        #expect(replay.stdout.contains("PartitionCount: 10"))
    }
}
