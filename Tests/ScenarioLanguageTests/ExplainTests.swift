import Diagnostics
import ScenarioLanguage
import Testing

/// `explain <topic>-<p>` says in words why a partition is in its state.
struct ExplainTests {
    private func explanation(after script: String) throws -> [String] {
        let (transcript, diagnostics) = EngineCommandTests.run(script + "\nexplain t-0")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(transcript.steps.last).output
    }

    private let setup = """
        cluster brokers=3
        topic t partitions=1 replication-factor=3 min.insync.replicas=2
        produce t count=3
        """

    @Test func healthyPartition() throws {
        let lines = try explanation(after: setup)
        #expect(lines.count == 4)
        #expect(lines[0].contains("B0 leads t-0 in leader epoch 0. It is the preferred leader"))
        #expect(lines[1] == "The ISR is 0,1,2 (3 of 3 replicas).")
        #expect(lines[2].contains("every record is committed"))
        #expect(lines[3].contains("acks=all now is accepted"))
    }

    @Test func stalledFollowerHoldsTheHighWatermarkUntilTheLagTimeout() throws {
        let before = try explanation(after: setup + "\nstall 2\nproduce t value=x async\nadvance 20s")
        #expect(before[1].contains("B2 is in the ISR but behind the leader (log end offset 3 of 4)"))
        #expect(before[1].contains("at least until 30.003s"))
        #expect(before[2].contains("It waits for B2"))
        let after = try explanation(after: setup + "\nstall 2\nproduce t value=x async\nadvance 50s")
        #expect(after[1].contains("B2 is out: it is stalled"))
    }

    @Test func underMinIsrExplainsTheFrozenHighWatermarkAndTheRejection() throws {
        let lines = try explanation(after: setup + "\ncrash 1\ncrash 2\nadvance 10s\nproduce t value=y acks=1")
        #expect(lines[1].contains("B1 is out: it is crashed"))
        #expect(lines[2].contains("frozen because the ISR (1) is smaller than min.insync.replicas (2)"))
        #expect(lines[3].contains("NOT_ENOUGH_REPLICAS"))
    }

    @Test func leaderlessPartition() throws {
        let lines = try explanation(after: setup + "\ncrash 0\ncrash 1\ncrash 2\nadvance 10s")
        #expect(lines[0].contains("has no leader"))
        #expect(lines.last == "A produce now fails whatever its acks: there is no leader to write to.")
    }

    @Test func unknownPartitionIsAnInputError() {
        let (transcript, _) = EngineCommandTests.run(setup + "\nexplain t-9")
        #expect(transcript.diagnostics.map(\.message) == ["unknown partition 't-9'"])
        #expect(transcript.diagnostics.exitCode == 2)
    }
}
