import Replication
import Testing

struct RoundRobinPlacementTests {
    static func courseCluster(placement: PlacementStrategy) throws -> Cluster {
        var cluster = Cluster()
        for id in 0..<6 { try cluster.addBroker(Broker(id: id, rack: id < 3 ? "R1" : "R2")) }
        try cluster.createTopic("t", partitions: 10, replicationFactor: 3, placement: placement)
        return cluster
    }

    @Test func seedTableIsReadable() throws {
        let table = try SeedTable.load()
        #expect(table.slidePartitions.count == 10)
        #expect(table.kafkaPartitions.count == 10)
        #expect(table.slideRows.count == 6)
        #expect(table.kafkaRows.count == 6)
    }

    /// Tests/Fixtures/kafka/seed-table.md §2, "slide" column: the slide's simplification, cell for cell.
    @Test func roundRobinReproducesTheSlide() throws {
        let table = try SeedTable.load()
        let cluster = try Self.courseCluster(placement: .roundRobin(startIndex: 0))
        let replicas = try #require(cluster.topics["t"]).partitions.map(\.replicas)
        try #require(table.slidePartitions.count == 10)
        for partition in 0..<10 {
            #expect(replicas[partition] == table.slidePartitions[partition], "P\(partition)")
        }
    }

    /// Tests/Fixtures/kafka/seed-table.md §2, "Kafka" column: AdminUtils with fixedStartIndex 0.
    @Test func adminUtilsReproducesKafkasColumn() throws {
        let table = try SeedTable.load()
        let cluster = try Self.courseCluster(placement: .adminUtils(startIndex: 0))
        let replicas = try #require(cluster.topics["t"]).partitions.map(\.replicas)
        try #require(table.kafkaPartitions.count == 10)
        for partition in 0..<10 {
            #expect(replicas[partition] == table.kafkaPartitions[partition], "P\(partition)")
        }
        // The two differ exactly in the follower cells of P6–P9.
        let slide = try Self.courseCluster(placement: .roundRobin(startIndex: 0)).topics["t"]!.partitions
        let differing = (0..<10).filter { slide[$0].replicas != replicas[$0] }
        #expect(differing == [6, 7, 8, 9])
        #expect((0..<10).allSatisfy { slide[$0].leader == cluster.topics["t"]!.partitions[$0].leader })
    }

    @Test func partitionPRepeatsPartitionPModN() throws {
        let assignment = try RoundRobinPlacement.assign(
            (0..<4).map { Broker(id: $0) }, partitions: 9, replicationFactor: 2, startIndex: 1, firstPartition: 0)
        #expect(assignment == [[1, 2], [2, 3], [3, 0], [0, 1], [1, 2], [2, 3], [3, 0], [0, 1], [1, 2]])
    }

    @Test func roundRobinChecksTheReplicationFactor() {
        #expect(
            throws: KafkaError("INVALID_REPLICATION_FACTOR", "Replication factor: 3 larger than available brokers: 2.")
        ) {
            try RoundRobinPlacement.assign(
                [Broker(id: 0), Broker(id: 1)], partitions: 1, replicationFactor: 3, startIndex: 0, firstPartition: 0)
        }
    }

    @Test func strategyNames() {
        #expect(PlacementStrategy.adminUtils(startIndex: 0).name == "admin-utils")
        #expect(PlacementStrategy.roundRobin(startIndex: 2).name == "round-robin")
    }
}
