import Testing

@testable import Replication

/// Eligible leader replicas (KIP-966) on Kafka 4.1, translated from Kafka's `PartitionChangeBuilderTest`
/// (metadata/src/test/java/org/apache/kafka/controller, trunk of 2024-10) and run through the engine's controller.
///
/// Kafka's tests build a `PartitionRegistration` by hand and call the builder; these set the same partition state on
/// a cluster (four brokers, replicas 1,2,3,4, min ISR 3 as in the Kafka tests) and make the same change through the
/// controller's path (`changePartition`, the leader's ISR change, a registration).
@Suite struct EligibleLeaderReplicasTests {
    static func cluster(isr: [BrokerID], elr: [BrokerID] = [], lastKnownElr: [BrokerID] = [], leader: BrokerID?)
        -> Cluster
    {
        var cluster = TestCluster.make(brokers: [1, 2, 3, 4], minIsr: 3, kafka: .v41)
        let tp = TestCluster.tp
        cluster.topics["t"]!.partitions[tp.partition].isr = isr
        cluster.topics["t"]!.partitions[tp.partition].elr = elr
        cluster.topics["t"]!.partitions[tp.partition].lastKnownElr = lastKnownElr
        cluster.topics["t"]!.partitions[tp.partition].leader = leader
        return cluster
    }

    static func fence(_ brokers: [BrokerID], in cluster: inout Cluster) {
        for broker in brokers { cluster.engine.runtimes[broker]?.isFenced = true }
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_IsrShrinkBelowMinISR — ISR 1,2,3,4 → 1,2 with
    /// min ISR 3 gives ELR 3,4 and an empty last known ELR.
    @Test func isrShrinkBelowMinIsr() {
        var cluster = Self.cluster(isr: [1, 2, 3, 4], leader: 1)
        cluster.changePartition(TestCluster.tp, isr: [1, 2], election: .preferred)
        let state = TestCluster.partition(cluster)
        #expect(state.isr == [1, 2])
        #expect(state.elr == [3, 4])
        #expect(state.lastKnownElr == [])
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_IsrExpandAboveMinISR — ISR 1,2 + ELR 3 → ISR
    /// 1,2,3 (at min ISR) clears the ELR and the last known ELR.
    @Test func isrExpandAboveMinIsr() {
        var cluster = Self.cluster(isr: [1, 2], elr: [3], lastKnownElr: [4], leader: 1)
        cluster.changePartition(TestCluster.tp, isr: [1, 2, 3], election: .preferred)
        let state = TestCluster.partition(cluster)
        #expect(state.isr == [1, 2, 3])
        #expect(state.elr == [])
        #expect(state.lastKnownElr == [])
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_IsrAddNewMemberNotInELR — ISR 1 → 1,4 (still
    /// below min ISR 3) leaves ELR 3 as it was.
    @Test func isrAddNewMemberNotInElr() {
        var cluster = Self.cluster(isr: [1], elr: [3], leader: 1)
        cluster.changePartition(TestCluster.tp, isr: [1, 4], election: .preferred)
        let state = TestCluster.partition(cluster)
        #expect(state.isr == [1, 4])
        #expect(state.elr == [3])
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_RemoveUncleanShutdownReplicasFromElr — an
    /// unclean shutdown of 3 takes it out of ELR 2,3. (The Kafka test runs with the last known leader mode off and
    /// so also expects LastKnownElr 3; 4.1 keeps that mode on, where the last known ELR holds the last leader only.)
    @Test func removeUncleanShutdownReplicasFromElr() {
        var cluster = Self.cluster(isr: [1], elr: [2, 3], leader: 1)
        cluster.changePartition(TestCluster.tp, isr: [1], election: .preferred, uncleanShutdown: 3)
        #expect(TestCluster.partition(cluster).elr == [2])
        #expect(TestCluster.partition(cluster).isr == [1])
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_ElrCanBeElected (last known leader on) — with
    /// replica 1 offline and the ISR emptied, ELR member 3 is elected, becomes the ISR, and 1 moves to the ELR.
    @Test func elrCanBeElected() {
        var cluster = Self.cluster(isr: [1], elr: [3], leader: 1)
        Self.fence([1], in: &cluster)
        cluster.changePartition(TestCluster.tp, isr: [], election: .preferred)
        let state = TestCluster.partition(cluster)
        #expect(state.leader == 3)
        #expect(state.isr == [3])
        #expect(state.elr == [1])
        #expect(state.lastKnownElr == [])
        #expect(!state.hadUncleanElection)
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_IsrCanShrinkToZero (last known leader on) —
    /// every replica offline: the ISR becomes empty, all four are ELR, the last leader 1 is the last known ELR; a
    /// later unclean shutdown of 2 leaves the last known ELR alone.
    @Test func isrCanShrinkToZero() {
        var cluster = Self.cluster(isr: [1, 2, 3, 4], leader: 1)
        Self.fence([1, 2, 3, 4], in: &cluster)
        cluster.changePartition(TestCluster.tp, isr: [], election: .preferred)
        var state = TestCluster.partition(cluster)
        #expect(state.leader == nil)
        #expect(state.isr == [])
        #expect(state.elr == [1, 2, 3, 4])
        #expect(state.lastKnownElr == [1])
        cluster.changePartition(TestCluster.tp, isr: [], election: .preferred, uncleanShutdown: 2)
        state = TestCluster.partition(cluster)
        #expect(state.lastKnownElr == [1])
        #expect(state.elr == [1, 3, 4])
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_ElectLastKnownLeader — no ISR, no ELR, last
    /// known ELR 1 and every replica acceptable: 1 is elected, the ISR is 1 and the last known ELR is cleared.
    @Test func electLastKnownLeader() {
        var cluster = Self.cluster(isr: [], lastKnownElr: [1], leader: nil)
        cluster.changePartition(TestCluster.tp, isr: [], election: .preferred)
        let state = TestCluster.partition(cluster)
        #expect(state.leader == 1)
        #expect(state.isr == [1])
        #expect(state.elr == [])
        #expect(state.lastKnownElr == [])
        // Kafka counts it as an unclean election (`ElectionResult(lastKnownElr[0], true)`).
        #expect(state.hadUncleanElection)
    }

    /// Kafka: PartitionChangeBuilderTest.testEligibleLeaderReplicas_ElectLastKnownLeaderShouldFail — with ELR 3 (not
    /// acceptable) the last known leader is not considered, and nothing changes.
    @Test func electLastKnownLeaderShouldFail() {
        var cluster = Self.cluster(isr: [], elr: [3], lastKnownElr: [1], leader: nil)
        Self.fence([3], in: &cluster)
        let before = TestCluster.partition(cluster)
        cluster.changePartition(TestCluster.tp, isr: [], election: .preferred)
        #expect(TestCluster.partition(cluster) == before)
    }

    /// With ELR off (Kafka 4.0) the same change keeps the last ISR member and no ELR
    /// (`PartitionChangeBuilder.build`: an empty target ISR is written only with ELR on).
    @Test func kafka40KeepsTheLastIsrMember() {
        var cluster = TestCluster.make(brokers: [1, 2, 3, 4], minIsr: 3, kafka: .v40)
        Self.fence([1, 2, 3, 4], in: &cluster)
        cluster.changePartition(TestCluster.tp, isr: [], election: .online)
        let state = TestCluster.partition(cluster)
        #expect(state.isr == [1, 2, 3, 4])
        #expect(state.elr == [])
        #expect(state.leader == nil)
    }

    /// S8 of docs/kafka-scenarios.md on Kafka 4.1: the replica that left the ISR below min ISR is eligible, the
    /// leader that crashed and lost its unflushed records is not (unclean shutdown), so the eligible replica leads
    /// and nothing committed is lost — the outcome KIP-966 was written for.
    @Test func s8OnKafka41TheEligibleReplicaLeads() throws {
        var cluster = TestCluster.make(brokers: [0, 1, 2], minIsr: 2, startIndex: 2, kafka: .v41)
        try cluster.apply(.isolate, to: 0)
        cluster.advance(by: .milliseconds(10_000))
        TestCluster.produce(&cluster, 90)
        try cluster.apply(.flush, to: 2)
        TestCluster.produce(&cluster, 10, first: 90)
        cluster.advance(by: .milliseconds(1_000))
        #expect(TestCluster.partition(cluster).highWatermark == 100)
        try cluster.apply(.isolate, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [2])
        #expect(TestCluster.partition(cluster).elr == [1])
        try cluster.apply(.crashLosingUnflushed, to: 2)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [])
        #expect(TestCluster.partition(cluster).elr == [1, 2])
        #expect(TestCluster.partition(cluster).lastKnownElr == [2])
        try cluster.apply(.restart, to: 2)
        #expect(TestCluster.partition(cluster).elr == [1])
        try cluster.apply(.heal, to: 0)
        try cluster.apply(.heal, to: 1)
        cluster.advance(by: .milliseconds(5_000))
        #expect(TestCluster.partition(cluster).leader == 1)
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 100)
        #expect(cluster.lostOffsets(of: TestCluster.tp) == [])
        #expect(!cluster.engine.invariantBreaks.contains { $0.kind == .committedRecordLost })
    }

    /// A broker back from a controlled shutdown stays eligible; from a crash it does not (KAFKA-18635: the
    /// registration's previous broker epoch tells them apart).
    @Test func cleanShutdownKeepsEligibilityCrashDoesNot() throws {
        var clean = TestCluster.make(brokers: [1, 2, 3], minIsr: 2, kafka: .v41)
        var crashed = clean
        for broker in [3, 2] { try clean.apply(.shutdown, to: broker) }
        #expect(TestCluster.partition(clean).elr == [2])
        try clean.apply(.restart, to: 2)
        #expect(TestCluster.partition(clean).elr == [2])
        for broker in [3, 2] {
            try crashed.apply(.crash, to: broker)
            crashed.advance(by: .seconds(10))
        }
        #expect(TestCluster.partition(crashed).elr == [2])
        try crashed.apply(.restart, to: 2)
        #expect(TestCluster.partition(crashed).elr == [])
    }
}
