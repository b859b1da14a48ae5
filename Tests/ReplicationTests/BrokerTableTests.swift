import Replication
import Testing

struct BrokerTableTests {
    /// Tests/Fixtures/kafka/seed-table.md §3: the broker table of the slide (round-robin) and of Kafka (admin-utils), cell for cell.
    @Test(arguments: ["round-robin", "admin-utils"])
    func brokerTableEqualsSeedTable(_ placementName: String) throws {
        let seed = try SeedTable.load()
        let placement: PlacementStrategy =
            placementName == "round-robin" ? .roundRobin(startIndex: 0) : .adminUtils(startIndex: 0)
        let expected = placementName == "round-robin" ? seed.slideRows : seed.kafkaRows
        let table = BrokerTable(cluster: try RoundRobinPlacementTests.courseCluster(placement: placement), topic: "t")
        #expect(table.followerColumns == 2)
        #expect(table.headings == ["Brokers", "Leaders", "Followers", "Followers"])
        try #require(table.rows.count == expected.count)
        for (row, want) in zip(table.rows, expected) {
            #expect(row.broker.label == want.label)
            #expect(([row.leaders] + row.followers).map { $0.map(\.text) } == want.cells, "\(want.label)")
        }
    }

    @Test func rowsAreRackAlternated() throws {
        let cluster = try RoundRobinPlacementTests.courseCluster(placement: .adminUtils(startIndex: 0))
        #expect(
            BrokerTable(cluster: cluster).rows.map(\.broker.label) == [
                "R1-B0", "R2-B3", "R1-B1", "R2-B4", "R1-B2", "R2-B5",
            ])
    }

    /// Brokers 0, 1 and 2 and a topic `t` placed round-robin from broker 0.
    static func threeBrokers(
        partitions: Int, replicationFactor: Int, kafka: KafkaVersion = .newest
    ) throws -> Cluster {
        var cluster = Cluster(kafka: kafka)
        for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic(
            "t", partitions: partitions, replicationFactor: replicationFactor, placement: .roundRobin(startIndex: 0))
        return cluster
    }

    @Test func textLinesAreAligned() throws {
        let cluster = try Self.threeBrokers(partitions: 3, replicationFactor: 2)
        #expect(
            BrokerTable(cluster: cluster, topic: "t").textLines == [
                "Brokers  Leaders  Followers",
                "B0       P0       P2",
                "B1       P1       P0",
                "B2       P2       P1",
            ])
    }

    @Test func severalTopicsAreLabelledWithTopicNames() throws {
        var cluster = Cluster()
        for id in 0..<2 { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic("a", partitions: 1, replicationFactor: 1, placement: .roundRobin(startIndex: 0))
        try cluster.createTopic("b", partitions: 1, replicationFactor: 2, placement: .roundRobin(startIndex: 1))
        let table = BrokerTable(cluster: cluster)
        #expect(table.followerColumns == 1)
        #expect(table.rows.map { $0.leaders.map(\.text) } == [["a-0"], ["b-0"]])
        #expect(table.rows.map { $0.followers.map { $0.map(\.text) } } == [[["b-0"]], [[]]])
    }

    /// The slides' `!`: a follower that left the ISR is marked where it stands, and the table says what the mark means.
    @Test func anOutOfSyncReplicaIsMarked() throws {
        var cluster = try Self.threeBrokers(partitions: 1, replicationFactor: 3)
        try cluster.apply(.stall, to: 2)
        try cluster.produce(to: TopicPartition("t", 0), values: ["a"], acks: .leader)
        cluster.advance(by: .seconds(45))
        #expect(cluster.partition(TopicPartition("t", 0))?.isr == [0, 1])
        let table = BrokerTable(cluster: cluster, topic: "t")
        #expect(
            table.textLines == [
                "Brokers       Leaders  Followers  Followers",
                "B0            P0",
                "B1                     P0",
                "B2 (stalled)                      P0!",
                "! out of sync (not in the ISR)",
            ])
    }

    /// A partition without a leader keeps every replica in the table, as followers marked `∅`; those not in the
    /// last ISR are also out of sync.
    @Test func aLeaderlessPartitionKeepsItsReplicas() throws {
        // Kafka 4.0: ELR off, so the last ISR member stays in the ISR (on 4.1 the ISR empties).
        var cluster = try Self.threeBrokers(partitions: 1, replicationFactor: 3, kafka: .v40)
        for id in [2, 1, 0] {
            try cluster.apply(.crash, to: id)
            cluster.advance(by: .seconds(9))
        }
        #expect(cluster.partition(TopicPartition("t", 0))?.leader == nil)
        let table = BrokerTable(cluster: cluster, topic: "t")
        #expect(table.followerColumns == 3)
        #expect(
            table.rows.map { ([$0.leaders] + $0.followers).map { $0.map(\.text) } } == [
                [[], ["P0∅"], [], []], [[], [], ["P0!∅"], []], [[], [], [], ["P0!∅"]],
            ])
        #expect(table.legend == "! out of sync (not in the ISR)   ∅ no leader (the partition is offline)")
    }
}
