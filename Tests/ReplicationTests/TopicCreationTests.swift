import Testing

@testable import Replication

/// Topic creation while brokers are fenced (Kafka: `ReplicationControlManager.createTopic`).
@Suite struct TopicCreationTests {
    static func clusterWithFencedBroker0() throws -> Cluster {
        var cluster = Cluster(seed: 1)
        for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
        try cluster.apply(.crash, to: 0)
        cluster.advance(by: .milliseconds(10_000))
        #expect(cluster.engine.runtimes[0]?.isFenced == true)
        return cluster
    }

    @Test func initialIsrIsTheActiveReplicasAndTheLeaderItsFirst() throws {
        var cluster = try Self.clusterWithFencedBroker0()
        try cluster.createTopic(
            "t", partitions: 3, replicationFactor: 3, placement: .roundRobin(startIndex: 0),
            configs: ["min.insync.replicas": "2"])
        for index in 0..<3 {
            let state = try #require(cluster.partition(TopicPartition("t", index)))
            #expect(state.replicas.count == 3)
            #expect(state.isr == state.replicas.filter { $0 != 0 })
            #expect(state.leader == state.isr.first)
        }
        let request = try cluster.produceAndWait(to: TopicPartition("t", 0), values: ["a"], acks: .all)
        #expect(request.outcome == .success(baseOffset: 0, count: 1))
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func stripedPlacementNeverLeadsWithAFencedBroker() throws {
        var cluster = try Self.clusterWithFencedBroker0()
        try cluster.createTopic("t", partitions: 6, replicationFactor: 2, placement: .striped(seed: 0))
        for index in 0..<6 {
            let state = try #require(cluster.partition(TopicPartition("t", index)))
            #expect(state.replicas.first != 0)
            #expect(state.leader != 0)
        }
    }

    @Test func everyReplicaFencedIsInvalidReplicationFactor() throws {
        var cluster = try Self.clusterWithFencedBroker0()
        #expect(
            throws: KafkaError.invalidReplicationFactor(
                "Unable to replicate the partition 1 time(s): All brokers are currently fenced or in controlled shutdown."
            )
        ) {
            try cluster.createTopic("t", partitions: 3, replicationFactor: 1, placement: .roundRobin(startIndex: 0))
        }
        #expect(cluster.topics["t"] == nil)
    }
}
