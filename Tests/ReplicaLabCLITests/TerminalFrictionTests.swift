import Foundation
import ReplicaLabTestSupport
import Testing

/// A learner's first minutes at the terminal, through a pseudo-terminal: completion by argument kind, scenarios by
/// number, undo that says what it undid, `--from` showing its state, text fitted to the width, grouped help, a useful
/// word on `acks=2`, saving that asks and keeps the story, Ctrl-D that offers to save, paging, and `q` that quits.
@Suite(.serialized)
struct TerminalFrictionTests {
    static let lesson = """
        # Steps

        ```scenario first
        # Three brokers.
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        # Broker 0 leads.
        expect leader t-0 == 0
        describe t
        ```

        ```scenario second
        cluster brokers=2
        describe
        ```

        """

    static func workspace() throws -> Workspace {
        try Workspace(lessons: ["01-steps.md": lesson])
    }

    /// Clears the line being edited (Ctrl-U after Ctrl-E).
    static let clearLine = "\u{05}\u{15}"

    @Test func tabCompletesEachArgumentByItsKind() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["play"], in: workspace.root)
        try terminal.expect("replicalab> ")
        terminal.type("cluster brokers=3\r")
        try terminal.expect("3 brokers")
        terminal.type("topic orders partitions=3 replication-factor=3\r")
        try terminal.expect("Created topic orders.")
        // Brokers for crash, not topics.
        terminal.type("crash \t")
        let brokers = try terminal.expect("0  1  2")
        #expect(!brokers.contains("orders"))
        terminal.type(Self.clearLine + "explain orders-\t")
        try terminal.expect("orders-0  orders-1  orders-2")
        terminal.type(Self.clearLine + "advance \t")
        try terminal.expect("500ms  1s")
        try terminal.expect("30s")
        // A unique value completes in place: `advance 3` → `advance 30s `.
        terminal.type(Self.clearLine + "advance 3\t\r")
        try terminal.expect("Time: 30s")
        terminal.type("produce orders acks=\t")
        try terminal.expect("all  1    0")
        // A new name has nothing to offer but the command's usage.
        terminal.type(Self.clearLine + "topic \t")
        try terminal.expect("usage: topic <name> partitions=<p>")
        terminal.type(Self.clearLine + "quit\r")
        try terminal.expect("Save the")
        terminal.type("n\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func scenarioByNumber() throws {
        let workspace = try Self.workspace()
        let byName = try workspace.run(["run", "Lessons/01-steps.md", "--scenario", "second"])
        let byNumber = try workspace.run(["run", "Lessons/01-steps.md", "--scenario", "2"])
        #expect(byNumber.status == 0, "\(byNumber.stderr)")
        #expect(byNumber.stdout == byName.stdout)
        #expect(byNumber.stdout.hasPrefix("== scenario second"))
        let terminal = try PseudoTerminal(["run", "01#2", "--step"], in: workspace.root)
        try terminal.expect("== scenario second")
        try terminal.expect("step 1 of 2")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func undoSaysWhatItUndidAndLooksAreNotUndone() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["play"], in: workspace.root)
        terminal.type("cluster brokers=3\r")
        try terminal.expect("3 brokers")
        terminal.type("topic t partitions=1 replication-factor=3\r")
        try terminal.expect("Created topic t.")
        terminal.type("describe t\r")
        try terminal.expect("PartitionCount: 1")
        terminal.type("undo\r")
        try terminal.expect("Undid: topic t partitions=1 replication-factor=3")
        try terminal.expect("and the line after it, which looked at its state: describe t")
        try terminal.expect("(1 more change to undo)")
        terminal.type("undo\r")
        try terminal.expect("Undid: cluster brokers=3")
        terminal.type("undo\r")
        try terminal.expect("Nothing to undo.")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func playFromAStepPrintsTheStateItStartsFrom() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["play", "--from", "Lessons/01-steps.md#first/step-2"], in: workspace.root)
        try terminal.expect("Started from Lessons/01-steps.md#first/step-2 (Lessons/01-steps.md): 5 lines ran")
        // The narration of the step it starts after (the comment above that step's check), as `run --step` shows it.
        try terminal.expect("# Broker 0 leads.")
        try terminal.expect("Brokers")
        try terminal.expect("Topic: t")
        try terminal.expect("Partition: 0")
        try terminal.expect("replicalab> ")
        terminal.type("history\r")
        try terminal.expect("# Broker 0 leads.")
        try terminal.expect("expect leader t-0 == 0")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    /// Every line of a terminal's screen output (the terminal turns each `\n` into `\r\n`).
    static func lines(_ output: String) -> [String] {
        output.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    @Test func describeAndTablesFitEightyColumns() throws {
        let workspace = try Self.workspace()
        try Data(
            """
            cluster brokers=3
            topic orders partitions=3 replication-factor=3 min.insync.replicas=2
            describe orders
            produce orders partition=0 value=a count=3
            join g member=c1 topics=orders auto.offset.reset=earliest
            poll g member=c1
            commit g member=c1
            groups describe g

            """.utf8
        ).write(to: workspace.url("wide.scenario"))
        let terminal = try PseudoTerminal(["run", "wide.scenario"], in: workspace.root, columns: 80)
        #expect(terminal.waitForExit() == 0)
        let lines = Self.lines(terminal.unreadOutput)
        let tooWide = lines.filter { $0.count > 80 }
        #expect(tooWide.isEmpty, "lines wider than 80 columns: \(tooWide)")
        // describe breaks between Kafka's fields, never inside one: every field is whole on some line.
        for partition in 0..<3 {
            #expect(lines.contains { $0.contains("Partition: \(partition)") && $0.contains("Replicas: ") })
        }
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Isr: ") })
        #expect(!lines.contains { $0.hasSuffix(",") })
        // The consumer group table is shown in column groups that fit, each with the partition column.
        let header = try #require(lines.first { $0.hasPrefix("GROUP") })
        #expect(header.contains("PARTITION") && !header.contains("CONSUMER-ID"))
        let second = try #require(lines.first { $0.contains("CONSUMER-ID") })
        #expect(second.hasPrefix("PARTITION"))

        // Piped, the same run prints Kafka's lines exactly as they are.
        let piped = try workspace.run(["run", "wide.scenario"], environment: ["COLUMNS": "80"])
        #expect(piped.stdout.split(separator: "\n").contains { $0.count > 80 })
        #expect(piped.stdout.contains("GROUP           TOPIC           PARTITION"))
    }

    @Test func helpIsGroupedAndFitsTheWidth() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["play"], in: workspace.root, columns: 80)
        try terminal.expect("replicalab> ")
        terminal.type("help\r")
        let help = try terminal.expect("Up and Down walk the history.")
        let lines = Self.lines(help).drop { !$0.hasPrefix("Scenario commands") }
        #expect(lines.count <= 17, "help has \(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines.contains { $0.hasPrefix("  Break and mend brokers") && $0.contains("crash") })
        terminal.type("help produce\r")
        let produce = Self.lines(try terminal.expect("example: produce")).drop { !$0.hasPrefix("usage: produce") }
        #expect(produce.count > 3)
        #expect(produce.allSatisfy { $0.count <= 80 })
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func acksTwoGetsTheValidValuesAndWhatToDoInstead() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["play"], in: workspace.root)
        terminal.type("cluster brokers=3\r")
        terminal.type("topic t partitions=1 replication-factor=3\r")
        try terminal.expect("Created topic t.")
        terminal.type("produce t acks=2\r")
        let answer = try terminal.expect("nothing changed")
        #expect(answer.contains("error: acks must be one of 0, 1, all, -1, not '2'"))
        #expect(answer.contains("min.insync.replicas=2"))
        #expect(!answer.contains("did you mean"))
        terminal.type("\u{04}")
        try terminal.expect("Save the")
        terminal.type("n\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func saveAsksBeforeReplacingAndKeepsExpectLinesAndComments() throws {
        let workspace = try Self.workspace()
        let file = workspace.url("mine.scenario")
        try Data("old\n".utf8).write(to: file)
        let terminal = try PseudoTerminal(["play", "--from", "01#first/step-2"], in: workspace.root)
        try terminal.expect("replicalab> ")
        terminal.type("# my note\r")
        terminal.type("describe t\r")
        try terminal.expect("PartitionCount: 1")
        terminal.type("save mine.scenario\r")
        try terminal.expect("mine.scenario exists. Replace it? [y/N] ")
        terminal.type("n\r")
        try terminal.expect("Not saved.")
        #expect(try String(contentsOf: file, encoding: .utf8) == "old\n")
        terminal.type("save mine.scenario\r")
        try terminal.expect("Replace it? [y/N] ")
        terminal.type("y\r")
        try terminal.expect("Saved 7 lines to mine.scenario")
        try terminal.expect("replicalab> ")
        // Saved: Ctrl-D leaves at once.
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(
            saved
                == "# Three brokers.\ncluster brokers=3\ntopic t partitions=1 replication-factor=3\n# Broker 0 leads.\nexpect leader t-0 == 0\n# my note\ndescribe t\n"
        )
        let replay = try workspace.run(["run", "mine.scenario"])
        #expect(replay.status == 0)
        #expect(replay.stdout.contains("✓ expect leader t-0 == 0"))
    }

    /// `play --from` a lesson on an older Kafka plays on that Kafka, as the lesson was verified: on 4.0 the ISR of a
    /// partition whose last replica went down keeps that replica (4.1, with eligible leader replicas, empties it).
    @Test func playFromALessonPlaysOnTheLessonsKafka() throws {
        let lesson = """
            ---
            kafka: 4.0
            ---
            # Old

            ```scenario last
            \(Samples.lastReplicaDownScript)
            ```

            """
        let workspace = try Workspace(lessons: ["01-old.md": lesson])
        let terminal = try PseudoTerminal(["play", "--from", "01#last"], in: workspace.root)
        try terminal.expect("replicalab> ")
        terminal.type("expect isr t-0 == 0\r")
        try terminal.expect("✓ expect isr t-0 == 0")
        // Saved, the session names its Kafka on the cluster line, so it replays as it played.
        terminal.type("save old.scenario\r")
        try terminal.expect("Saved 9 lines to old.scenario")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        let saved = try String(contentsOf: workspace.url("old.scenario"), encoding: .utf8)
        #expect(saved.hasPrefix("cluster brokers=3 kafka=4.0\ntopic t partitions=1"))
        let replay = try workspace.run(["run", "old.scenario"])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("✓ expect isr t-0 == 0"))
    }

    @Test func ctrlDOffersToSaveUnsavedWork() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["play"], in: workspace.root)
        terminal.type("cluster brokers=3\r")
        try terminal.expect("3 brokers")
        terminal.type("\u{04}")
        try terminal.expect("Save the 1 line of this session before leaving? [y] save  [n] leave without saving")
        // Ctrl-C stays in the session.
        terminal.type("\u{03}")
        try terminal.expect("replicalab> ")
        terminal.type("\u{04}")
        try terminal.expect("Save the 1 line")
        terminal.type("y\r")
        try terminal.expect("File to save to [session.scenario]: ")
        terminal.type("\r")
        try terminal.expect("Saved 1 line to session.scenario")
        #expect(terminal.waitForExit() == 0)
        #expect(try String(contentsOf: workspace.url("session.scenario"), encoding: .utf8) == "cluster brokers=3\n")

        let leaving = try PseudoTerminal(["play"], in: workspace.root)
        leaving.type("cluster brokers=4\r")
        try leaving.expect("4 brokers")
        leaving.type("\u{04}")
        try leaving.expect("Save the 1 line")
        leaving.type("n\r")
        #expect(leaving.waitForExit() == 0)
        #expect(try String(contentsOf: workspace.url("session.scenario"), encoding: .utf8) == "cluster brokers=3\n")

        // Nothing typed, nothing to ask.
        let empty = try PseudoTerminal(["play"], in: workspace.root)
        try empty.expect("replicalab> ")
        empty.type("\u{04}")
        #expect(empty.waitForExit() == 0)
        #expect(!empty.unreadOutput.contains("Save the"))
    }

    @Test func longOutputPagesAtATerminalOnly() throws {
        let workspace = try Self.workspace()
        let pager = ["PAGER": "sed 's/^/paged: /'"]
        let paged = try PseudoTerminal(["run", "01"], in: workspace.root, environment: pager, rows: 10)
        try paged.expect("paged: == scenario first")
        try paged.expect("paged: == scenario second")
        #expect(paged.waitForExit() == 0)

        // Output that fits the screen is not paged.
        let short = try PseudoTerminal(["run", "01#2"], in: workspace.root, environment: pager, rows: 40)
        #expect(short.waitForExit() == 0)
        #expect(short.unreadOutput.contains("== scenario second"))
        #expect(!short.unreadOutput.contains("paged:"))

        let off = try PseudoTerminal(["run", "01", "--no-pager"], in: workspace.root, environment: pager, rows: 10)
        #expect(off.waitForExit() == 0)
        #expect(off.unreadOutput.contains("== scenario second"))
        #expect(!off.unreadOutput.contains("paged:"))

        let piped = try workspace.run(["run", "01"], environment: ["PAGER": "sed 's/^/paged: /'", "LINES": "10"])
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("== scenario first"))
        #expect(!piped.stdout.contains("paged:"))
    }

    /// The pager runs in the terminal's foreground process group, so it can read keys from `/dev/tty` (a pager
    /// started in a group of its own is stopped by SIGTTIN, and `run` hangs).
    @Test(.enabled(if: PseudoTerminal.setsid != nil, "needs setsid for a controlling terminal"))
    func thePagerReadsKeysFromTheTerminal() throws {
        let workspace = try Self.workspace()
        let pager = ["PAGER": "cat; read answer < /dev/tty; echo \"pager read: $answer\""]
        let terminal = try PseudoTerminal(
            ["run", "01"], in: workspace.root, environment: pager, rows: 10, controllingTerminal: true)
        try terminal.expect("== scenario second")
        terminal.type("q\r")
        try terminal.expect("pager read: q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func qInRunStepQuitsEveryScenario() throws {
        let workspace = try Self.workspace()
        let terminal = try PseudoTerminal(["run", "Lessons/01-steps.md", "--step"], in: workspace.root)
        try terminal.expect("step 1 of 3")
        terminal.type("\r")
        try terminal.expect("step 2 of 3")
        terminal.type("\r")
        try terminal.expect("step 3 of 3")
        try terminal.expect("[Enter] next scenario  [b] back  [t] tables  [q] quit > ")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.unreadOutput.contains("scenario second"))

        // Enter at the end of a scenario goes on to the next; the last one's end says done.
        let onward = try PseudoTerminal(["run", "Lessons/01-steps.md", "--step"], in: workspace.root)
        onward.type("\r\r")
        try onward.expect("step 3 of 3")
        onward.type("\r")
        try onward.expect("== scenario second")
        try onward.expect("step 1 of 2")
        onward.type("\r")
        try onward.expect("[Enter] done  [b] back")
        onward.type("\r")
        #expect(onward.waitForExit() == 0)
    }
}
