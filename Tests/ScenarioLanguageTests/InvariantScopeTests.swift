import Replication
import Testing

@testable import ScenarioLanguage

/// Invariants look only at running replicas; unclean-election divergence is data loss, per leader epoch.
@Suite struct InvariantScopeTests {
    static let setup = """
        broker 1
        broker 2
        broker 3
        topic t partitions=1 replication-factor=3 placement=round-robin min.insync.replicas=2

        """

    static func findings(_ text: String) -> [Finding] {
        let (transcript, problems) = EngineCommandTests.run(setup + text)
        #expect(problems.isEmpty, "\(problems)")
        return transcript.steps.last?.cluster?.findings ?? []
    }

    @Test func crashedFollowerWithUnflushedDataIsNotABreak() {
        let findings = Self.findings(
            """
            produce t count=5
            advance 1s
            crash 3 lose-unflushed
            advance 1s
            """)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func crashedLeaderWithUnflushedDataIsNotABreak() {
        let findings = Self.findings(
            """
            produce t count=5
            advance 1s
            crash 1 lose-unflushed
            advance 20s
            """)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func divergenceAfterAnUncleanElectionIsDataLoss() {
        let findings = Self.findings(
            """
            crash 3
            advance 10s
            produce t count=5
            crash 2
            advance 10s
            crash 1
            advance 10s
            restart 3
            advance 2s
            config t min.insync.replicas=1
            config t unclean.leader.election.enable=true
            advance 5m
            produce t count=6 acks=1
            restart 1
            advance 12s
            """)
        #expect(findings.contains { $0.message.contains("brokers 1 and 3 disagree") }, "\(findings)")
        #expect(findings.allSatisfy { $0.kind == .dataLoss }, "\(findings)")
    }

    @Test func uncleanFlagIsPerLeaderEpoch() {
        var state = PartitionState(id: TopicPartition("t", 0), replicas: [1, 2, 3])
        state.uncleanElectionEpoch = 1
        state.leaderEpoch = 1
        #expect(state.hadUncleanElection)
        state.leaderEpoch = 2
        #expect(!state.hadUncleanElection)
    }
}
