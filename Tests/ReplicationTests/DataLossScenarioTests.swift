import Testing

@testable import Replication

/// S6, S7 and S8 of docs/kafka-scenarios.md (ELR off): truncation, offline partitions, unclean election, unflushed data.
@Suite struct DataLossScenarioTests {
    let tp = TestCluster.tp

    @Test func s6AcksOneWriteIsLostUnderCleanElection() throws {
        var cluster = TestCluster.make()
        TestCluster.produce(&cluster, 10)
        cluster.advance(by: .milliseconds(1_000))
        let m = TestCluster.produce(&cluster, 1, prefix: "m", acks: .leader)
        #expect(m.outcome == .success(baseOffset: 10, count: 1))
        try cluster.apply(.crash, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).leader == 2)
        #expect(TestCluster.partition(cluster).leaderEpoch == 1)
        #expect(TestCluster.partition(cluster).isr == [2, 3])
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 10)
        #expect(cluster.lostOffsets(of: TestCluster.tp) == [10])
        let mPrime = TestCluster.produce(&cluster, 1, prefix: "n")
        #expect(mPrime.outcome == .success(baseOffset: 10, count: 1))
        try cluster.apply(.restart, to: 1)
        cluster.advance(by: .milliseconds(3_000))
        let log1 = TestCluster.log(cluster, on: 1)
        #expect(log1.logEndOffset == 11)
        #expect(log1.record(at: 10)?.value == "n0")
        #expect(TestCluster.partition(cluster).logs.values.allSatisfy { !$0.records.contains { $0.value == "m0" } })
        #expect(TestCluster.partition(cluster).isr.contains(1))
        #expect(TestCluster.partition(cluster).leader == 2, "broker 1 stays a follower")
        #expect(cluster.engine.invariantBreaks.isEmpty, "losing an acks=1 write is not an invariant break")
    }

    @Test func s6ContrastAcksAllLosesNothing() throws {
        var cluster = TestCluster.make()
        TestCluster.produce(&cluster, 10)
        let m = TestCluster.produce(&cluster, 1, prefix: "m")
        #expect(m.outcome == .success(baseOffset: 10, count: 1))
        try cluster.apply(.crash, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.log(cluster, on: 2).record(at: 10)?.value == "m0")
        #expect(cluster.lostOffsets(of: TestCluster.tp).isEmpty)
    }

    /// S7 on Kafka 4.0 (ELR off: the controller keeps the last ISR member).
    @Test func s7LastIsrMemberLostThenUncleanElection() throws {
        var cluster = TestCluster.make(minIsr: 1, kafka: .v40)
        try cluster.apply(.crash, to: 3)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [1, 2])
        #expect(TestCluster.produce(&cluster, 5, prefix: "a").outcome == .success(baseOffset: 0, count: 5))
        cluster.advance(by: .milliseconds(1_000))
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [1])
        #expect(TestCluster.produce(&cluster, 5, prefix: "b").outcome == .success(baseOffset: 5, count: 5))
        #expect(TestCluster.partition(cluster).highWatermark == 10)
        // t3: broker 1 dies for good → no leader.
        try cluster.apply(.crash, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).leader == nil)
        #expect(TestCluster.partition(cluster).isr == [1])
        let offline = TestCluster.produce(&cluster, 1, prefix: "c")
        #expect(offline.outcome == .failure(.leaderNotAvailable))
        // t4: broker 3 (empty log) is not eligible under clean election.
        try cluster.apply(.restart, to: 3)
        cluster.advance(by: .milliseconds(2_000))
        #expect(TestCluster.partition(cluster).leader == nil)
        #expect(cluster.engine.findings.isEmpty)
        try cluster.setTopicConfig("t", "unclean.leader.election.enable", "true")
        // Enabling the config elects nobody: the controller's periodic check (every 5 min, KAFKA-12670) does.
        #expect(TestCluster.partition(cluster).leader == nil)
        cluster.advance(by: .milliseconds(300_000) - cluster.now.sinceStart)
        #expect(TestCluster.partition(cluster).leader == 3)
        #expect(TestCluster.partition(cluster).isr == [3])
        #expect(cluster.lostOffsets(of: TestCluster.tp) == Array(0..<10))
        #expect(cluster.engine.findings.contains { $0.kind == .dataLoss })
        #expect(cluster.engine.invariantBreaks.isEmpty)
        // Broker 2 returns and truncates a0..a4.
        try cluster.apply(.restart, to: 2)
        cluster.advance(by: .milliseconds(2_000))
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 0)
        #expect(TestCluster.produce(&cluster, 1, prefix: "z").outcome == .success(baseOffset: 0, count: 1))
    }

    @Test func s7ContrastMinIsrTwoRejectsAndKeepsData() throws {
        var cluster = TestCluster.make(minIsr: 2)
        try cluster.apply(.crash, to: 3)
        cluster.advance(by: .milliseconds(10_000))
        TestCluster.produce(&cluster, 5, prefix: "a")
        cluster.advance(by: .milliseconds(1_000))
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.produce(&cluster, 5, prefix: "b").outcome == .failure(.notEnoughReplicas))
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 5)
    }

    /// S8 on Kafka 4.0 (ELR off); `s8OnKafka41TheEligibleReplicaLeads` is the same story with ELR.
    @Test func s8UncleanShutdownOfLastReplicaLosesCommittedRecords() throws {
        var cluster = TestCluster.make(brokers: [0, 1, 2], minIsr: 2, startIndex: 2, kafka: .v40)
        #expect(TestCluster.partition(cluster).replicas == [2, 0, 1])
        try cluster.apply(.isolate, to: 0)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [2, 1])
        TestCluster.produce(&cluster, 90)
        try cluster.apply(.flush, to: 2)
        TestCluster.produce(&cluster, 10, first: 90)
        cluster.advance(by: .milliseconds(1_000))
        #expect(TestCluster.partition(cluster).highWatermark == 100)
        try cluster.apply(.isolate, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [2])
        #expect(TestCluster.produce(&cluster, 1).outcome == .failure(.notEnoughReplicas))
        try cluster.apply(.crashLosingUnflushed, to: 2)
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 90)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).leader == nil)
        try cluster.apply(.restart, to: 2)
        try cluster.apply(.heal, to: 0)
        try cluster.apply(.heal, to: 1)
        cluster.advance(by: .milliseconds(5_000))
        #expect(TestCluster.partition(cluster).leader == 2)
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 90)
        #expect(TestCluster.log(cluster, on: 0).logEndOffset == 90)
        #expect(cluster.lostOffsets(of: TestCluster.tp) == Array(90..<100))
        #expect(cluster.engine.invariantBreaks.contains { $0.kind == .committedRecordLost })
    }
}
