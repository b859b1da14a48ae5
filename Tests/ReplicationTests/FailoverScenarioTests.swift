import Testing

@testable import Replication

/// S1, S4 and S5 of docs/kafka-scenarios.md: fencing, min ISR with acks=all, acks=1 under min ISR.
@Suite struct FailoverScenarioTests {
    let tp = TestCluster.tp

    @Test func crashedBrokerIsFencedWithinSessionTimeout() throws {
        var cluster = TestCluster.make()
        cluster.advance(by: .milliseconds(3_300))
        try cluster.apply(.crash, to: 3)
        let crashedAt = cluster.now
        let fenced = TestCluster.advance(&cluster, upTo: 20_000) { $0.engine.runtimes[3]!.isFenced }
        let elapsed = try #require(fenced) - crashedAt
        #expect(elapsed > .milliseconds(7_000) && elapsed <= .milliseconds(9_000))
        #expect(TestCluster.partition(cluster).isr == [1, 2])
        #expect(TestCluster.partition(cluster).leaderEpoch == 0, "a pure ISR shrink does not bump the epoch")
    }

    @Test func s1RackAwarePlacementSurvivesRackLoss() throws {
        var cluster = Cluster(seed: 1)
        for (id, rack) in [(1, "a"), (2, "a"), (3, "b"), (4, "b"), (5, "c"), (6, "c")] {
            try cluster.addBroker(Broker(id: id, rack: rack))
        }
        try cluster.createTopic(
            "orders", partitions: 6, replicationFactor: 3, placement: .adminUtils(startIndex: 0),
            configs: ["min.insync.replicas": "2"])
        let before = cluster.topics["orders"]!.partitions
        for partition in before {
            #expect(Set(partition.replicas.map { cluster.brokers[$0]!.rack }).count == 3)
            #expect(partition.leader == partition.replicas[0])
            #expect(partition.isr == partition.replicas)
        }
        try cluster.apply(.crash, to: 1)
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .milliseconds(9_000))
        for (old, partition) in zip(before, cluster.topics["orders"]!.partitions) {
            let survivors = old.replicas.filter { $0 > 2 }
            #expect(partition.leader == survivors.first)
            #expect(partition.isr == survivors)
            #expect(partition.leaderEpoch == (old.leader! <= 2 ? 1 : 0))
        }
        for filter in [TopicDescription.Filter.underReplicatedPartitions, .atMinIsrPartitions] {
            #expect(TopicDescription(cluster: cluster, filter: filter).lines.count == 6)
        }
        #expect(TopicDescription(cluster: cluster, filter: .underMinIsrPartitions).lines.isEmpty)
        for index in 0..<6 {
            let request = try cluster.produceAndWait(
                to: TopicPartition("orders", index), values: ["x"], acks: .all)
            #expect(request.outcome == .success(baseOffset: 0, count: 1))
        }
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func s1ContrastUnluckyAssignmentRejectsAcksAll() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.crash, to: 1)
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).leader == 3)
        #expect(TestCluster.partition(cluster).isr == [3])
        #expect(TopicDescription(cluster: cluster, filter: .underMinIsrPartitions).lines.count == 1)
        let request = TestCluster.produce(&cluster, 1)
        #expect(request.outcome == .failure(.notEnoughReplicas))
    }

    @Test func s4AndS5MinIsrWithAcksAllAndAcksOne() throws {
        var cluster = TestCluster.make()
        #expect(TestCluster.produce(&cluster, 10).outcome == .success(baseOffset: 0, count: 10))
        cluster.advance(by: .milliseconds(1_000))
        // t1: one failure tolerated.
        try cluster.apply(.crash, to: 3)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [1, 2])
        #expect(TestCluster.produce(&cluster, 5, first: 10).outcome == .success(baseOffset: 10, count: 5))
        #expect(TestCluster.partition(cluster).highWatermark == 15)
        // t2: two failures → ISR {1}.
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).isr == [1])
        #expect(TopicDescription(cluster: cluster, filter: .underMinIsrPartitions).lines.count == 1)
        #expect(TopicDescription(cluster: cluster, filter: .underReplicatedPartitions).lines.count == 1)
        // t3: rejected before append.
        let rejected = TestCluster.produce(&cluster, 1, first: 15)
        #expect(rejected.outcome == .failure(.notEnoughReplicas))
        #expect(rejected.completedAt == rejected.sentAt)
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 15)
        // S5: acks=1 is acknowledged, appended, invisible.
        let acksOne = TestCluster.produce(&cluster, 1, acks: .leader, first: 15)
        #expect(acksOne.outcome == .success(baseOffset: 15, count: 1))
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 16)
        cluster.advance(by: .milliseconds(5_000))
        #expect(TestCluster.partition(cluster).highWatermark == 15)
        // t4: broker 2 returns → ISR {1,2} → HW 16.
        try cluster.apply(.restart, to: 2)
        cluster.advance(by: .milliseconds(3_000))
        #expect(TestCluster.partition(cluster).isr == [1, 2])
        #expect(TestCluster.partition(cluster).highWatermark == 16)
        #expect(cluster.engine.invariantBreaks.isEmpty)
        #expect(cluster.lostOffsets(of: TestCluster.tp).isEmpty)
    }

    @Test func shutdownMovesLeadershipAtOnce() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.shutdown, to: 1)
        #expect(TestCluster.partition(cluster).leader == 2)
        #expect(TestCluster.partition(cluster).isr == [2, 3])
        #expect(TestCluster.partition(cluster).leaderEpoch == 1)
        #expect(cluster.state(of: 1) == .shutDown)
        try cluster.apply(.restart, to: 1)
        cluster.advance(by: .milliseconds(3_000))
        #expect(TestCluster.partition(cluster).isr == [2, 3, 1])
        try cluster.elect(.preferred, partition: tp)
        #expect(TestCluster.partition(cluster).leader == 1)
        #expect(TestCluster.partition(cluster).leaderEpoch == 2)
    }
}
