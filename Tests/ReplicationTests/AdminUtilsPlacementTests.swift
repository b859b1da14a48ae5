import Replication
import Testing

struct AdminUtilsPlacementTests {
    @Test func vectorsFileHasEveryKindOfCase() throws {
        let vectors = try AdminUtilsVector.all()
        try #require(!vectors.isEmpty, "no replica_assignment_adminutils cases in \(KafkaReference.vectorsPath)")
        let variants = Set(vectors.map(\.variant))
        #expect(variants.isSuperset(of: ["rack_aware", "rack_unaware", "rack_alternated_list_only"]))
        for vector in vectors {
            #expect(!vector.brokers.isEmpty, "\(vector.name): no brokers")
            #expect(vector.expectedAlternatedList != nil || vector.expectedAssignment != nil, "\(vector.name)")
        }
    }

    @Test(arguments: try AdminUtilsVector.all())
    func kafkaVector(_ vector: AdminUtilsVector) throws {
        if let list = vector.expectedAlternatedList {
            #expect(AdminUtilsPlacement.rackAlternatedBrokerList(vector.brokers) == list)
        }
        guard let expected = vector.expectedAssignment else {
            #expect(vector.variant == "rack_alternated_list_only")
            return
        }
        let partitions = try #require(vector.partitions)
        let replicationFactor = try #require(vector.replicationFactor)
        let assignment = try AdminUtilsPlacement.assignReplicasToBrokers(
            vector.brokers, partitions: partitions, replicationFactor: replicationFactor,
            fixedStartIndex: vector.fixedStartIndex, startPartitionId: vector.startPartitionId)
        #expect(assignment.count == expected.count)
        for (offset, replicas) in assignment.enumerated() {
            let partition = vector.startPartitionId + offset
            #expect(replicas == expected[partition], "partition \(partition)")
        }
    }

    static let threeBrokers = [Broker(id: 0), Broker(id: 1), Broker(id: 2)]

    @Test func replicationFactorAboveBrokerCountIsKafkasError() {
        #expect(
            throws: KafkaError("INVALID_REPLICATION_FACTOR", "Replication factor: 4 larger than available brokers: 3.")
        ) {
            try AdminUtilsPlacement.assignReplicasToBrokers(
                Self.threeBrokers, partitions: 1, replicationFactor: 4, fixedStartIndex: 0, startPartitionId: 0)
        }
    }

    @Test func nonPositiveCountsAreKafkasErrors() {
        #expect(throws: KafkaError("INVALID_PARTITIONS", "Number of partitions must be larger than 0.")) {
            try AdminUtilsPlacement.assignReplicasToBrokers(
                Self.threeBrokers, partitions: 0, replicationFactor: 1, fixedStartIndex: 0, startPartitionId: 0)
        }
        #expect(throws: KafkaError("INVALID_REPLICATION_FACTOR", "Replication factor must be larger than 0.")) {
            try AdminUtilsPlacement.assignReplicasToBrokers(
                Self.threeBrokers, partitions: 1, replicationFactor: 0, fixedStartIndex: 0, startPartitionId: 0)
        }
    }

    @Test func someBrokersWithRacksIsAnAdminOperationException() {
        let brokers = [Broker(id: 0, rack: "a"), Broker(id: 1), Broker(id: 2, rack: "b")]
        #expect(
            throws: KafkaError(
                "AdminOperationException", "Not all brokers have rack information for replica rack aware assignment.")
        ) {
            try AdminUtilsPlacement.assignReplicasToBrokers(
                brokers, partitions: 3, replicationFactor: 2, fixedStartIndex: 0, startPartitionId: 0)
        }
    }

    @Test func rackAlternatedListSortsRacksAsJavaStrings() {
        // "R10" < "R2" as strings; brokers by id inside a rack.
        let brokers = [
            Broker(id: 5, rack: "R2"), Broker(id: 1, rack: "R10"), Broker(id: 4, rack: "R2"),
            Broker(id: 0, rack: "R10"),
        ]
        #expect(AdminUtilsPlacement.rackAlternatedBrokerList(brokers) == [0, 4, 1, 5])
    }

    static func courseCluster() throws -> Cluster {
        var cluster = Cluster()
        for id in 0..<6 { try cluster.addBroker(Broker(id: id, rack: id < 3 ? "R1" : "R2")) }
        return cluster
    }

    /// docs/kafka-algorithms.md §1a / Tests/Fixtures/kafka/seed-table.md §4: creating 6 partitions then adding 4 gives the same P6–P9 as creating 10.
    @Test func createSixThenAddFourEqualsCreateTen() throws {
        var stepwise = try Self.courseCluster()
        try stepwise.createTopic("t", partitions: 6, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
        try stepwise.addPartitions(topic: "t", totalCount: 10)
        var atOnce = try Self.courseCluster()
        try atOnce.createTopic("t", partitions: 10, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
        let added = try #require(stepwise.topics["t"]).partitions.map(\.replicas)
        let created = try #require(atOnce.topics["t"]).partitions.map(\.replicas)
        #expect(added == created)
        #expect(added[6...] == [[0, 4, 2], [3, 2, 5], [1, 5, 0], [4, 0, 3]])
        #expect(stepwise.partition(TopicPartition("t", 9))?.leader == 4)
    }

    @Test func addingPartitionsRejectsNonIncreasesAndUnknownTopics() throws {
        var cluster = try Self.courseCluster()
        try cluster.createTopic("t", partitions: 3, replicationFactor: 2, placement: .adminUtils(startIndex: 0))
        #expect(throws: KafkaError("INVALID_PARTITIONS", "Topic already has 3 partition(s).")) {
            try cluster.addPartitions(topic: "t", totalCount: 3)
        }
        #expect(throws: KafkaError("UNKNOWN_TOPIC_OR_PARTITION", "Topic 'nope' does not exist.")) {
            try cluster.addPartitions(topic: "nope", totalCount: 3)
        }
    }
}
