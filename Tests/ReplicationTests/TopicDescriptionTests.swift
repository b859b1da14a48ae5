import Replication
import Testing

struct TopicDescriptionTests {
    static func cluster() throws -> Cluster {
        var cluster = Cluster(seed: 7)
        for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic(
            "orders", partitions: 2, replicationFactor: 3, placement: .adminUtils(startIndex: 0),
            configs: ["retention.ms": "1000", "min.insync.replicas": "2"])
        try cluster.createTopic("audit", partitions: 1, replicationFactor: 1, placement: .roundRobin(startIndex: 2))
        return cluster
    }

    @Test func linesMatchKafkaTopicsDescribe() throws {
        let cluster = try Self.cluster()
        let id = try #require(cluster.topics["orders"]).id
        #expect(
            TopicDescription(cluster: cluster, topics: ["orders"]).lines == [
                "Topic: orders\tTopicId: \(id)\tPartitionCount: 2\tReplicationFactor: 3\t"
                    + "Configs: min.insync.replicas=2,retention.ms=1000",
                "\tTopic: orders\tPartition: 0\tLeader: 0\tReplicas: 0,1,2\tIsr: 0,1,2\tElr: \tLastKnownElr: ",
                "\tTopic: orders\tPartition: 1\tLeader: 1\tReplicas: 1,2,0\tIsr: 1,2,0\tElr: \tLastKnownElr: ",
            ])
    }

    @Test func allTopicsAreSortedByNameWithEmptyConfigs() throws {
        let lines = TopicDescription(cluster: try Self.cluster()).lines
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("Topic: audit\t"))
        #expect(lines[0].hasSuffix("\tConfigs: "))
        #expect(lines[1] == "\tTopic: audit\tPartition: 0\tLeader: 2\tReplicas: 2\tIsr: 2\tElr: \tLastKnownElr: ")
        #expect(lines[2].hasPrefix("Topic: orders\t"))
    }

    @Test func filtersDropTheTopicLine() throws {
        let cluster = try Self.cluster()
        #expect(TopicDescription(cluster: cluster, filter: .underReplicatedPartitions).lines.isEmpty)
        #expect(TopicDescription(cluster: cluster, filter: .unavailablePartitions).lines.isEmpty)
        // orders has min.insync.replicas=2 and ISR 3: not at min ISR; audit has the default 1 and ISR 1.
        #expect(
            TopicDescription(cluster: cluster, filter: .atMinIsrPartitions).lines == [
                "\tTopic: audit\tPartition: 0\tLeader: 2\tReplicas: 2\tIsr: 2\tElr: \tLastKnownElr: "
            ])
    }

    @Test func unknownTopicsAreSkipped() throws {
        #expect(TopicDescription(cluster: try Self.cluster(), topics: ["nope"]).lines.isEmpty)
    }
}
