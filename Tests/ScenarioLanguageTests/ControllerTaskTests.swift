import Replication
import Testing

@testable import ScenarioLanguage

/// The controller's deferred tasks: automatic preferred-leader election and the unclean election check, each one
/// interval after the write that made it needed (`QuorumController.maybeScheduleNextBalancePartitionLeaders`,
/// `maybeScheduleNextElectUncleanLeaders`), not on a grid from the cluster's start.
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

    /// Broker 0 is fenced at 9 s, which moves the leader away from it: the check runs 300 s later, at 309 s.
    @Test func leadershipReturnsToThePreferredReplicaOneIntervalAfterItMoved() {
        #expect(Self.leader(after: "advance 298s") == 1, "no check at 300 s from the start")
        #expect(Self.leader(after: "advance 300s") == 0)
        let (transcript, _) = EngineCommandTests.run(Self.failover + "advance 6m")
        #expect(
            transcript.text.contains(
                "[309s] controller: auto leader rebalance moves t-0 back to its preferred leader 0"))
    }

    /// A scheduled check is never cancelled or moved: an imbalance fixed by hand and a new one later are both
    /// handled by the check scheduled for the first (the write events in between find it `SCHEDULED`).
    @Test func aScheduledCheckRunsWhateverHappenedMeanwhile() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.failover + """
                advance 10s
                elect preferred t-0
                expect leader t-0 == 0
                advance 80s
                shutdown 0
                expect leader t-0 == 1
                restart 0
                advance 205s
                expect leader t-0 == 1
                advance 5s
                expect leader t-0 == 0
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.text)")
        #expect(
            transcript.text.contains(
                "[309s] controller: auto leader rebalance moves t-0 back to its preferred leader 0"))
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

    @Test func checkIntervalIsAStartupSetting() {
        let (transcript, problems) = EngineCommandTests.run(
            "cluster brokers=3 leader.imbalance.check.interval.seconds=30\n" + Self.failover.dropFirst(27)
                + "advance 1m")
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            transcript.text.contains("[39s] controller: auto leader rebalance moves t-0 back to its preferred leader 0")
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

    /// The partition lost its leader when broker 0 was fenced at 29 s: the unclean check runs at 329 s.
    @Test func enablingUncleanElectionWaitsForTheCheck() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.offline + """
                config t unclean.leader.election.enable=true
                expect leader t-0 == none
                advance 296s
                expect leader t-0 == none
                advance 2s
                expect leader t-0 == 2
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.text)")
        #expect(transcript.text.contains("[329s] t-0: Leader: 2 (epoch 2) (UNCLEAN election), Isr: 2"))
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
