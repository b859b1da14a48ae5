import Testing

@testable import Replication

@Suite struct LeaderElectionTests {
    @Test func kraftVectorsArePresent() throws {
        #expect(try ElectionCase.all().count >= 8)
    }

    /// Kafka: PartitionChangeBuilderTest.testElectLeader and the unclean-recovery case.
    @Test(arguments: try ElectionCase.all())
    func kraftVector(_ vector: ElectionCase) throws {
        let kind = try #require(LeaderElection.Kind(rawValue: vector.election))
        let result = LeaderElection.elect(
            kind, replicas: vector.replicas, targetIsr: vector.isr, currentLeader: vector.currentLeader,
            isAcceptable: vector.isAcceptable)
        #expect(result.leader == vector.expectedLeader)
        if let unclean = vector.expectedUnclean { #expect(result.isUnclean == unclean) }
        if let isr = vector.expectedIsr {
            #expect(result.isUnclean)
            #expect(result.leader.map { [$0] } == isr)
        }
    }

    @Test func noEligibleLeaderGivesNone() {
        let result = LeaderElection.elect(
            .online, replicas: [1, 2, 3], targetIsr: [1], currentLeader: 1, isAcceptable: { $0 != 1 })
        #expect(result.leader == nil)
    }
}

/// The `leader_election.zk_controller` vectors (Kafka 3.9 `PartitionLeaderElectionAlgorithmsTest`).
@Suite struct ZkLeaderElectionTests {
    @Test func vectorsArePresent() throws { #expect(try ZkElectionCase.all().count >= 9) }

    @Test(arguments: try ZkElectionCase.all())
    func zkVector(_ vector: ZkElectionCase) {
        let live = Set(vector.live)
        let leader: Int?
        switch vector.strategy {
        case "offline":
            leader = ZkLeaderElection.offline(
                assignment: vector.assignment, isr: vector.isr, liveReplicas: live,
                uncleanLeaderElectionEnabled: vector.unclean)
        case "reassign":
            leader = ZkLeaderElection.reassign(assignment: vector.assignment, isr: vector.isr, liveReplicas: live)
        case "preferred":
            leader = ZkLeaderElection.preferred(assignment: vector.assignment, isr: vector.isr, liveReplicas: live)
        default:
            leader = ZkLeaderElection.controlledShutdown(
                assignment: vector.assignment, isr: vector.isr, liveReplicas: live,
                shuttingDown: Set(vector.shuttingDown))
        }
        #expect(leader == vector.expected)
    }
}
