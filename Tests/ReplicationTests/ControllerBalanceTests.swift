import Testing

@testable import Replication

/// The controller's deferred preferred-leader election.
@Suite struct ControllerBalanceTests {
    /// Kafka: QuorumControllerTest.testBalancePartitionLeaders — three brokers, topic foo with three partitions of
    /// three replicas, check interval 1 s: fencing broker 3 leaves partitions imbalanced
    /// (`arePartitionLeadersImbalanced`); once it is back, unfenced and in the ISR, the leaders are balanced again
    /// within ten intervals. Here the check also runs exactly one interval after the fence that caused the imbalance.
    @Test func balancePartitionLeaders() throws {
        var cluster = Cluster(seed: 1)
        for id in [1, 2, 3] { try cluster.addBroker(Broker(id: id)) }
        try cluster.setStartupConfig("leader.imbalance.check.interval.seconds", "1")
        try cluster.setStartupConfig("broker.session.timeout.ms", "2000")
        try cluster.setStartupConfig("broker.heartbeat.interval.ms", "500")
        try cluster.createTopic("foo", partitions: 3, replicationFactor: 3, placement: .roundRobin(startIndex: 0))
        #expect(!cluster.arePartitionLeadersImbalanced)
        #expect(cluster.engine.balanceCheckAt == nil, "nothing to balance: no check scheduled")
        try cluster.apply(.crash, to: 3)
        let fenced = try #require(
            TestCluster.advance(&cluster, upTo: 3_000, step: 1) { $0.engine.runtimes[3]?.isFenced == true })
        #expect(cluster.arePartitionLeadersImbalanced)
        #expect(cluster.engine.balanceCheckAt == fenced + .seconds(1))
        try cluster.apply(.restart, to: 3)
        cluster.advance(by: .seconds(10))
        #expect(!cluster.arePartitionLeadersImbalanced)
        for index in 0..<3 {
            let state = try #require(cluster.partition(TopicPartition("foo", index)))
            #expect(state.leader == state.preferredLeader && state.isr.count == 3)
        }
        #expect(cluster.engine.eventLog.contains { $0.contains("auto leader rebalance moves foo-") })
    }
}
