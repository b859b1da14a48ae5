import Testing

@testable import Replication

/// The KRaft controller's answers to CreateTopics and CreatePartitions, whatever placement lays the replicas out.
///
/// Translated from Kafka's `ReplicationControlManagerTest` and `StripedReplicaPlacerTest`
/// (metadata/src/test/java/org/apache/kafka/controller, …/metadata/placement).
@Suite struct ControllerAnswerTests {
    static let placements: [PlacementStrategy] = [
        .adminUtils(startIndex: 0), .roundRobin(startIndex: 0), .striped(seed: 0),
    ]

    static func cluster(brokers: Int = 3) throws -> Cluster {
        var cluster = Cluster(seed: 1)
        for id in 0..<brokers { try cluster.addBroker(Broker(id: id)) }
        return cluster
    }

    /// Kafka: `ReplicationControlManagerTest.testInvalidCreateTopicsWithValidateOnlyFlag` — replication factor 4 on 3
    /// brokers: "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached
    /// because only 3 broker(s) are registered."
    @Test(arguments: placements)
    func tooFewBrokers(_ placement: PlacementStrategy) throws {
        var cluster = try Self.cluster()
        #expect(
            throws: KafkaError(
                "INVALID_REPLICATION_FACTOR",
                "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
            )
        ) {
            try cluster.createTopic("foo", partitions: 1, replicationFactor: 4, placement: placement)
        }
        #expect(cluster.topics["foo"] == nil)
    }

    /// Kafka: `ReplicationControlManagerTest.testCreateTopics` — with every broker fenced: "Unable to replicate the
    /// partition 3 time(s): All brokers are currently fenced." (`StripedReplicaPlacer.throwInvalidReplicationFactorIfZero`).
    @Test(arguments: placements)
    func allBrokersFenced(_ placement: PlacementStrategy) throws {
        var cluster = try Self.cluster()
        for id in 0..<3 { try cluster.apply(.crash, to: id) }
        cluster.advance(by: .seconds(10))
        #expect(
            throws: KafkaError(
                "INVALID_REPLICATION_FACTOR",
                "Unable to replicate the partition 3 time(s): All brokers are currently fenced.")
        ) {
            try cluster.createTopic("foo", partitions: 1, replicationFactor: 3, placement: placement)
        }
    }

    /// Kafka: `ReplicationControlManagerTest.testCreateTopics`, third request — once the brokers are unfenced the
    /// topic is created with every replica in the ISR and the first one leading, at epochs 0.
    @Test(arguments: placements)
    func createdOnceUnfenced(_ placement: PlacementStrategy) throws {
        var cluster = try Self.cluster()
        try cluster.createTopic("foo", partitions: 1, replicationFactor: 3, placement: placement)
        let state = try #require(cluster.partition(TopicPartition("foo", 0)))
        #expect(state.isr == state.replicas)
        #expect(state.leader == state.replicas.first)
        #expect(state.leaderEpoch == 0)
        #expect(state.partitionEpoch == 0)
        #expect(throws: KafkaError("TOPIC_ALREADY_EXISTS", "Topic 'foo' already exists.")) {
            try cluster.createTopic("foo", partitions: 1, replicationFactor: 3, placement: placement)
        }
    }

    /// Kafka: `ReplicationControlManagerTest.testCreateTopicsISRInvariants` — a fenced replica is placed but is not in
    /// the first ISR, and the leader is the first active replica.
    @Test func fencedReplicaIsLeftOutOfTheFirstIsr() throws {
        var cluster = try Self.cluster()
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .seconds(10))
        try cluster.createTopic("foo", partitions: 1, replicationFactor: 3, placement: .roundRobin(startIndex: 1))
        let state = try #require(cluster.partition(TopicPartition("foo", 0)))
        #expect(state.replicas == [1, 2, 0])
        #expect(state.isr == [1, 0])
        #expect(state.leader == 1)
    }

    /// Kafka: `ReplicationControlManagerTest.testCreatePartitionsFailsWhenAllBrokersAreFencedOrInControlledShutdown` —
    /// new partitions whose replicas are all inactive: "Unable to replicate the partition 2 time(s): All brokers are
    /// currently fenced or in controlled shutdown."
    @Test func createPartitionsWithEveryReplicaInactive() throws {
        var cluster = try Self.cluster(brokers: 3)
        try cluster.createTopic("foo", partitions: 1, replicationFactor: 2, placement: .roundRobin(startIndex: 0))
        try cluster.apply(.crash, to: 1)
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .seconds(10))
        #expect(
            throws: KafkaError(
                "INVALID_REPLICATION_FACTOR",
                "Unable to replicate the partition 2 time(s): All brokers are currently fenced or in controlled shutdown."
            )
        ) {
            // Round robin from partition 1 places [1, 2]: both fenced.
            try cluster.addPartitions(topic: "foo", totalCount: 2)
        }
    }

    /// Kafka: `ReplicationControlManagerTest.testCreatePartitions` — "Topic already has 2 partition(s)." and
    /// "The topic bar currently has 4 partition(s); 3 would not be an increase."
    @Test func createPartitionsThatDoNotIncrease() throws {
        var cluster = try Self.cluster()
        try cluster.createTopic("quux", partitions: 2, replicationFactor: 2, placement: .striped(seed: 0))
        try cluster.createTopic("bar", partitions: 4, replicationFactor: 2, placement: .striped(seed: 0))
        #expect(throws: KafkaError("INVALID_PARTITIONS", "Topic already has 2 partition(s).")) {
            try cluster.addPartitions(topic: "quux", totalCount: 2)
        }
        #expect(
            throws: KafkaError(
                "INVALID_PARTITIONS", "The topic bar currently has 4 partition(s); 3 would not be an increase.")
        ) {
            try cluster.addPartitions(topic: "bar", totalCount: 3)
        }
    }

    /// Kafka: `ReplicationControlManagerTest.testCreateTopics` and `createTopic` — a replication factor or partition
    /// count of 0 is refused before any placement.
    @Test(arguments: placements)
    func nonPositiveCounts(_ placement: PlacementStrategy) throws {
        var cluster = try Self.cluster()
        #expect(
            throws: KafkaError(
                "INVALID_REPLICATION_FACTOR",
                "Replication factor must be larger than 0, or -1 to use the default value.")
        ) {
            try cluster.createTopic("foo", partitions: 1, replicationFactor: 0, placement: placement)
        }
        #expect(
            throws: KafkaError("INVALID_PARTITIONS", "Number of partitions was set to an invalid non-positive value.")
        ) {
            try cluster.createTopic("foo", partitions: 0, replicationFactor: 1, placement: placement)
        }
    }

    /// Kafka: `TopicCommandTest.testParseAssignment` — "5:4,3:2,1:0" is partitions [5,4], [3,2], [1,0].
    @Test func parseAssignment() throws {
        #expect(try Cluster.parseReplicaAssignment("5:4,3:2,1:0") == [[5, 4], [3, 2], [1, 0]])
    }

    /// Kafka: `TopicCommandTest.testParseAssignmentDuplicateEntries` (AdminCommandFailedException) and
    /// `testParseAssignmentPartitionsOfDifferentSize` (AdminOperationException), with `TopicCommand`'s messages.
    @Test func parseAssignmentErrors() {
        #expect(
            throws: KafkaError(
                "AdminCommandFailedException", "Partition replica lists may not contain duplicate entries: 5")
        ) { try Cluster.parseReplicaAssignment("5:5") }
        #expect(
            throws: KafkaError("AdminOperationException", "Partition 1 has different replication factor: [2, 1]")
        ) { try Cluster.parseReplicaAssignment("5:4:3,2:1") }
        #expect(throws: KafkaError("NumberFormatException", "For input string: \"x\"")) {
            try Cluster.parseReplicaAssignment("0:x")
        }
    }

    /// Kafka: `ReplicationControlManagerTest.testValidateBadManualPartitionAssignments` — the controller's messages
    /// for an unregistered broker, a broker given twice, and a partition of another size.
    @Test func validateBadManualPartitionAssignments() throws {
        var cluster = try Self.cluster()
        func create(_ assignment: [[BrokerID]]) throws(KafkaError) {
            try cluster.createTopic(
                "foo", partitions: assignment.count, replicationFactor: assignment.first?.count ?? 0,
                placement: .adminUtils(startIndex: 0), replicaAssignment: assignment)
        }
        #expect(
            throws: KafkaError(
                "INVALID_REPLICA_ASSIGNMENT",
                "The manual partition assignment includes broker 3, but no such broker is registered.")
        ) { try create([[1, 2, 3]]) }
        #expect(
            throws: KafkaError(
                "INVALID_REPLICA_ASSIGNMENT", "The manual partition assignment includes the broker 2 more than once.")
        ) { try create([[1, 2, 2]]) }
        #expect(
            throws: KafkaError(
                "INVALID_REPLICA_ASSIGNMENT",
                "The manual partition assignment includes a partition with 2 replica(s), but this is not consistent with previous partitions, which have 3 replica(s)."
            )
        ) { try create([[0, 1, 2], [1, 2]]) }
        #expect(cluster.topics["foo"] == nil)
        try create([[0, 1, 2], [1, 2, 0]])
        #expect(cluster.partition(TopicPartition("foo", 1))?.replicas == [1, 2, 0])
        #expect(cluster.partition(TopicPartition("foo", 1))?.leader == 1)
    }

    /// Kafka: `ReplicationControlManagerTest.testCreatePartitionsFailsWithManualAssignmentWithAllFenced` (and
    /// `createTopic`'s same check) — a partition whose listed brokers are all fenced: "All brokers specified in the
    /// manual partition assignment for partition 1 are fenced or in controlled shutdown."
    @Test func manualAssignmentWithAllFenced() throws {
        var cluster = try Self.cluster()
        try cluster.apply(.crash, to: 1)
        try cluster.apply(.crash, to: 2)
        cluster.advance(by: .seconds(10))
        #expect(
            throws: KafkaError(
                "INVALID_REPLICA_ASSIGNMENT",
                "All brokers specified in the manual partition assignment for partition 1 are fenced or in controlled shutdown."
            )
        ) {
            try cluster.createTopic(
                "foo", partitions: 2, replicationFactor: 2, placement: .adminUtils(startIndex: 0),
                replicaAssignment: [[0, 1], [1, 2]])
        }
        try cluster.createTopic(
            "foo", partitions: 2, replicationFactor: 2, placement: .adminUtils(startIndex: 0),
            replicaAssignment: [[1, 0], [0, 2]])
        #expect(cluster.partition(TopicPartition("foo", 0))?.isr == [0])
        #expect(cluster.partition(TopicPartition("foo", 0))?.leader == 0)
    }
}
