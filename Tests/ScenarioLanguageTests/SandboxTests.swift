import ScenarioLanguage
import Testing

/// The value behind `play`: undo points, the script `save` writes, unsaved work.
struct SandboxTests {
    static func entered(_ lines: [String], prelude: [String] = []) -> Sandbox {
        var sandbox = Sandbox(seed: 1, prelude: prelude)
        for line in lines { _ = sandbox.enter(line) }
        return sandbox
    }

    @Test func undoTakesBackTheLastChangeAndTheLooksAfterIt() throws {
        var sandbox = Self.entered([
            "cluster brokers=3", "topic t partitions=1 replication-factor=3", "describe t",
            "expect leader t-0 == 0", "# the leader is broker 0",
        ])
        #expect(sandbox.undoDepth == 2)
        let first = sandbox.undo()
        let undone = try #require(first)
        #expect(undone.line == "topic t partitions=1 replication-factor=3")
        #expect(undone.following == ["describe t", "expect leader t-0 == 0", "# the leader is broker 0"])
        #expect(sandbox.cluster?.topics.isEmpty == true)
        #expect(sandbox.lines == ["cluster brokers=3"])
        #expect(sandbox.undo()?.line == "cluster brokers=3")
        #expect(sandbox.cluster == nil)
        #expect(sandbox.undo() == nil)
    }

    @Test func readOnlyCommandsAreNoUndoPoints() {
        var sandbox = Self.entered([
            "cluster brokers=3", "topic t partitions=1 replication-factor=3", "brokers", "replicas t-0",
            "explain t-0",
        ])
        #expect(sandbox.undoDepth == 2)
        #expect(sandbox.undo()?.line == "topic t partitions=1 replication-factor=3")
        // A session of looks only has nothing to undo.
        var looks = Self.entered(["describe", "brokers"], prelude: ["cluster brokers=3"])
        #expect(looks.undo() == nil)
        #expect(looks.lines == ["describe", "brokers"])
    }

    /// A session on an older Kafka saves a script that names it on its first `cluster` line (before a comment);
    /// on the newest, or when the line names one already, the lines are kept as they are.
    @Test func theScriptOfASessionOnAnOlderKafkaNamesIt() {
        let prelude = ["# Three brokers.", "cluster brokers=3  # all in one rack", "cluster brokers=1"]
        #expect(
            Sandbox(seed: 1, kafka: .v40, prelude: prelude).script
                == "# Three brokers.\ncluster brokers=3 kafka=4.0  # all in one rack\ncluster brokers=1\n")
        #expect(Sandbox(seed: 1, prelude: prelude).script == prelude.map { $0 + "\n" }.joined())
        let named = ["cluster brokers=3 kafka=3.6"]
        #expect(Sandbox(seed: 1, kafka: .v40, prelude: named).script == "cluster brokers=3 kafka=3.6\n")
    }

    @Test func theScriptKeepsThePreludeCommentsAndExpectations() {
        let prelude = ["# start", "cluster brokers=3", "expect invariants ok"]
        var sandbox = Self.entered(["  # my note  ", "broker 3", "expect invariants ok"], prelude: prelude)
        #expect(
            sandbox.script
                == "# start\ncluster brokers=3\nexpect invariants ok\n# my note\nbroker 3\nexpect invariants ok\n")
        // A line with a mistake changes nothing and is not kept.
        _ = sandbox.enter("brokr 4")
        #expect(sandbox.lines == ["# my note", "broker 3", "expect invariants ok"])
    }

    @Test func unsavedWorkIsWhatWasTypedSinceTheLastSave() {
        var sandbox = Self.entered([], prelude: ["cluster brokers=3"])
        #expect(!sandbox.hasUnsavedWork)
        _ = sandbox.enter("broker 3")
        #expect(sandbox.hasUnsavedWork)
        sandbox.markSaved()
        #expect(!sandbox.hasUnsavedWork)
        _ = sandbox.enter("describe")
        #expect(sandbox.hasUnsavedWork)
        _ = sandbox.undo()
        // Nothing typed is left to lose.
        #expect(!sandbox.hasUnsavedWork)
    }
}
