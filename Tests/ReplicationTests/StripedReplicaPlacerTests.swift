import Testing

@testable import Replication

struct StripedReplicaPlacerTests {
    @Test func everyVectorIsRead() throws {
        // The section holds 8 cases at the time of writing; none may be silently skipped.
        #expect(try StripedVector.all().count >= 8)
    }

    @Test(arguments: try StripedVector.all())
    func matchesKafka(_ vector: StripedVector) throws {
        switch vector.generator {
        case .mock:
            var random = MockRandom()
            try check(vector, random: &random)
        case .java(let seed):
            var random = JavaRandom(seed: seed)
            try check(vector, random: &random)
        }
    }

    private func check<R: JavaRandomSource>(_ vector: StripedVector, random: inout R) throws {
        switch vector.expected {
        case .rackList(let rackNames, let placements):
            var rackList = StripedRackList(brokers: vector.brokers, random: &random)
            #expect(rackList.rackNames == rackNames)
            var actual: [[BrokerID]] = []
            for _ in 0..<vector.count {
                actual.append(try rackList.place(replicationFactor: vector.replicationFactor, random: &random))
            }
            #expect(actual == placements)
        case .assignment(let assignment):
            let actual = try StripedReplicaPlacer.place(
                partitions: vector.count, replicationFactor: vector.replicationFactor, brokers: vector.brokers,
                random: &random)
            #expect(actual == assignment)
        case .counts(let counts):
            let actual = try StripedReplicaPlacer.place(
                partitions: vector.count, replicationFactor: vector.replicationFactor, brokers: vector.brokers,
                random: &random)
            var tally: [String: Int] = [:]
            for replicas in actual { tally["\(replicas)", default: 0] += 1 }
            #expect(tally == counts)
        }
    }

    /// The course cluster (6 brokers, R1 = 0…2, R2 = 3…5), 10 partitions, RF 3: Tests/Fixtures/kafka/seed-table.md §4.
    static let courseBrokers = (0..<6).map { UsableBroker(id: $0, rack: $0 < 3 ? "R1" : "R2") }

    @Test func courseClusterWithMockRandom() throws {
        var random = MockRandom()
        let placed = try StripedReplicaPlacer.place(
            partitions: 10, replicationFactor: 3, brokers: Self.courseBrokers, random: &random)
        #expect(
            placed == [
                [1, 4, 2], [5, 2, 3], [0, 3, 1], [4, 1, 5], [2, 5, 0], [3, 0, 4], [1, 4, 2], [3, 2, 5], [0, 5, 1],
                [4, 1, 3],
            ])
    }

    @Test func courseClusterWithJavaRandomZero() throws {
        var random = JavaRandom(seed: 0)
        let placed = try StripedReplicaPlacer.place(
            partitions: 10, replicationFactor: 3, brokers: Self.courseBrokers, random: &random)
        #expect(
            placed == [
                [1, 3, 2], [4, 2, 5], [0, 5, 1], [3, 1, 4], [2, 4, 0], [5, 0, 3], [0, 4, 2], [3, 2, 5], [1, 5, 0],
                [4, 0, 3],
            ])
        // PlacementStrategy.striped(seed: 0) on its own is the same fresh `new Random(0)`.
        let brokers = (0..<6).map { Broker(id: $0, rack: $0 < 3 ? "R1" : "R2") }
        let viaStrategy = try PlacementStrategy.striped(seed: 0).assign(
            brokers: brokers, partitions: 10, replicationFactor: 3, firstPartition: 0)
        #expect(viaStrategy == placed)
    }

    @Test(arguments: [
        (3, 0, false, "Invalid replication factor 0: the replication factor must be positive."),
        (3, 4, false, "The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."),
        (3, 2, true, "All brokers are currently fenced."),
    ])
    func errorsAreKafkas(brokerCount: Int, replicationFactor: Int, allFenced: Bool, message: String) {
        let brokers = (0..<brokerCount).map { UsableBroker(id: $0, isFenced: allFenced) }
        var random = JavaRandom(seed: 0)
        #expect(throws: KafkaError("INVALID_REPLICATION_FACTOR", message)) {
            try StripedReplicaPlacer.place(
                partitions: 1, replicationFactor: replicationFactor, brokers: brokers, random: &random)
        }
    }

    /// Properties from docs/kafka-algorithms.md §1b, over several seeds and fenced patterns.
    @Test(arguments: [Int64(0), 1, 42, 7_777, -3])
    func leadersUnfencedNoDuplicatesRacksSpread(seed: Int64) throws {
        let racks = ["a", "b", "c"]
        let brokers = (0..<9).map { UsableBroker(id: $0, rack: racks[$0 % 3], isFenced: $0 == 4 || $0 == 8) }
        let rackOf = Dictionary(uniqueKeysWithValues: brokers.map { ($0.id, $0.rack) })
        var random = JavaRandom(seed: seed)
        let placed = try StripedReplicaPlacer.place(
            partitions: 40, replicationFactor: 3, brokers: brokers, random: &random)
        for replicas in placed {
            #expect(replicas.count == 3)
            #expect(Set(replicas).count == 3)
            #expect(![4, 8].contains(replicas[0]))
            #expect(Set(replicas.map { rackOf[$0]! }).count == 3)
        }
    }

    // Kafka unit tests that vectors.json does not carry; expectations copied from StripedReplicaPlacerTest.java.

    /// Kafka: `StripedReplicaPlacerTest.testBrokerList`.
    @Test func brokerListWalksOncePerEpoch() {
        var empty = StripedBrokerList()
        #expect(empty.next(epoch: 1) == nil)
        var brokers = StripedBrokerList(brokers: [0, 1, 2, 3])
        #expect((0..<6).map { _ in brokers.next(epoch: 0) } == [0, 1, 2, 3, nil, nil])
        #expect((0..<5).map { _ in brokers.next(epoch: 1) } == [1, 2, 3, 0, nil])
    }

    /// Kafka: `StripedReplicaPlacerTest.testRackListWithMultipleRacks`.
    @Test func rackListWithMultipleRacks() throws {
        var random = MockRandom()
        let brokers = [
            UsableBroker(id: 11, rack: "1"), UsableBroker(id: 10, rack: "1"), UsableBroker(id: 30, rack: "3"),
            UsableBroker(id: 31, rack: "3"), UsableBroker(id: 21, rack: "2"),
            UsableBroker(id: 20, rack: "2", isFenced: true),
        ]
        var rackList = StripedRackList(brokers: brokers, random: &random)
        #expect(rackList.numTotalBrokers == 6)
        #expect(rackList.numUnfencedBrokers == 5)
        #expect(rackList.rackNames == ["1", "2", "3"])
        #expect(try rackList.place(replicationFactor: 4, random: &random) == [11, 21, 31, 10])
        #expect(try rackList.place(replicationFactor: 4, random: &random) == [21, 30, 10, 20])
        #expect(try rackList.place(replicationFactor: 4, random: &random) == [31, 11, 21, 30])
    }

    /// Kafka: `StripedReplicaPlacerTest.testMultiPartitionTopicPlacementOnSingleUnfencedBroker`.
    @Test func singleUnfencedBrokerNeverReshuffles() throws {
        var random = MockRandom()
        let brokers = [UsableBroker(id: 0), UsableBroker(id: 1, isFenced: true)]
        let placed = try StripedReplicaPlacer.place(
            partitions: 3, replicationFactor: 1, brokers: brokers, random: &random)
        #expect(placed == [[0], [0], [0]])
    }
}
