import Testing

@testable import Replication

@Suite struct LeaderElectionTests {
    @Test func kraftVectorsArePresent() {
        #expect(ElectionCase.all.count >= 8)
    }

    /// Kafka: PartitionChangeBuilderTest.testElectLeader and the unclean-recovery case.
    @Test(arguments: ElectionCase.all)
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
