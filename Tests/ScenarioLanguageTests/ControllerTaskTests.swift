import Replication
import Testing

@testable import ScenarioLanguage

/// The controller's periodic tasks: automatic preferred-leader election and the periodic unclean election check.
@Suite struct ControllerTaskTests {
    static let failover = """
        broker 0
        broker 1
        broker 2
        topic t partitions=1 replication-factor=3 placement=round-robin
        crash 0
        advance 10s
        restart 0

        """

    static func leader(after text: String) -> BrokerID? {
        let (transcript, problems) = EngineCommandTests.run(failover + text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        return transcript.steps.last?.cluster?.partition(TopicPartition("t", 0))?.leader
    }

    @Test func leadershipReturnsToThePreferredReplicaAtTheNextCheck() {
        #expect(Self.leader(after: "advance 4m") == 1)
        #expect(Self.leader(after: "advance 6m") == 0)
        let (transcript, _) = EngineCommandTests.run(Self.failover + "advance 6m")
        #expect(
            transcript.text.contains(
                "[300s] controller: auto leader rebalance moves t-0 back to its preferred leader 0"))
    }

    @Test func disabledRebalanceKeepsTheLeader() {
        let (transcript, problems) = EngineCommandTests.run(
            "cluster brokers=3 auto.leader.rebalance.enable=false\n" + Self.failover.dropFirst(27) + "advance 6m")
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.steps.last?.cluster?.partition(TopicPartition("t", 0))?.leader == 1)
    }

    @Test func preferredReplicaOutsideTheIsrIsNotElected() {
        #expect(Self.leader(after: "stall 0\nadvance 1s\ncrash 0\nadvance 6m") == 1)
    }

    @Test func checkIntervalIsReadWhenTheControllerStarts() {
        let (transcript, problems) = EngineCommandTests.run(
            "cluster brokers=3 leader.imbalance.check.interval.seconds=30\n" + Self.failover.dropFirst(27)
                + "advance 1m")
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            transcript.text.contains("[30s] controller: auto leader rebalance moves t-0 back to its preferred leader 0")
        )
    }

    static let allDown = """
        broker 0
        broker 1
        broker 2
        topic t partitions=1 replication-factor=3 placement=round-robin
        crash 2
        advance 10s
        crash 1
        advance 10s
        crash 0
        advance 10s

        """
    static let offline = allDown + "restart 2\nadvance 2s\n"

    @Test func enablingUncleanElectionWaitsForThePeriodicCheck() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.offline + """
                config t unclean.leader.election.enable=true
                expect leader t-0 == none
                advance 4m
                expect leader t-0 == none
                advance 1m
                expect leader t-0 == 2
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.text)")
        #expect(transcript.text.contains("[300s] t-0: Leader: 2 (epoch 2) (UNCLEAN election), Isr: 2"))
    }

    @Test func unfencingWithTheConfigAlreadySetElectsAtOnce() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.allDown + """
                config t unclean.leader.election.enable=true
                restart 2
                advance 2s
                expect leader t-0 == 2
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.text)")
    }
}
