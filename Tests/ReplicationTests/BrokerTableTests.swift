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
            #expect([row.leaders] + row.followers == want.cells, "\(want.label)")
        }
    }

    @Test func rowsAreRackAlternated() throws {
        let cluster = try RoundRobinPlacementTests.courseCluster(placement: .adminUtils(startIndex: 0))
        #expect(
            BrokerTable(cluster: cluster).rows.map(\.broker.label) == [
                "R1-B0", "R2-B3", "R1-B1", "R2-B4", "R1-B2", "R2-B5",
            ])
    }

    @Test func textLinesAreAligned() throws {
        var cluster = Cluster()
        for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic("t", partitions: 3, replicationFactor: 2, placement: .roundRobin(startIndex: 0))
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
        #expect(table.rows.map(\.leaders) == [["a-0"], ["b-0"]])
        #expect(table.rows.map(\.followers) == [[["b-0"]], [[]]])
    }
}
