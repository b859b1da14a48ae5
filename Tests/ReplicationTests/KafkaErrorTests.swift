import Replication
import Testing

/// The Kafka errors the cluster raises when creating topics, with Kafka's names and messages.
struct KafkaErrorTests {
    static func cluster() throws -> Cluster {
        var cluster = Cluster()
        for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
        return cluster
    }

    static let longName = String(repeating: "a", count: 250)

    @Test(arguments: [
        ("", "Topic name is illegal, it can't be empty"),
        (".", "Topic name cannot be \".\" or \"..\""),
        ("..", "Topic name cannot be \".\" or \"..\""),
        (longName, "Topic name is illegal, it can't be longer than 249 characters, topic name: \(longName)"),
        (
            "a b",
            "Topic name \"a b\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'"
        ),
        (
            "é", "Topic name \"é\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'"
        ),
        (
            "<script>",
            "Topic name \"<script>\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'"
        ),
    ])
    func illegalTopicNames(_ name: String, message: String) throws {
        var cluster = try Self.cluster()
        #expect(throws: KafkaError("INVALID_TOPIC_EXCEPTION", message)) {
            try cluster.createTopic(name, partitions: 1, replicationFactor: 1, placement: .adminUtils(startIndex: 0))
        }
        #expect(cluster.topics.isEmpty)
    }

    @Test(arguments: ["orders", "a.b_c-D9", String(repeating: "x", count: 249)])
    func legalTopicNames(_ name: String) throws {
        var cluster = try Self.cluster()
        try cluster.createTopic(name, partitions: 1, replicationFactor: 1, placement: .adminUtils(startIndex: 0))
        #expect(cluster.topics[name] != nil)
    }

    @Test func creatingATopicTwiceFails() throws {
        var cluster = try Self.cluster()
        try cluster.createTopic("t", partitions: 1, replicationFactor: 1, placement: .adminUtils(startIndex: 0))
        #expect(throws: KafkaError("TOPIC_ALREADY_EXISTS", "Topic 't' already exists.")) {
            try cluster.createTopic("t", partitions: 2, replicationFactor: 1, placement: .adminUtils(startIndex: 0))
        }
    }

    @Test func unknownTopicConfigIsInvalidConfig() throws {
        var cluster = try Self.cluster()
        #expect(throws: KafkaError("INVALID_CONFIG", "Unknown topic config name: no.such.config")) {
            try cluster.createTopic(
                "t", partitions: 1, replicationFactor: 1, placement: .adminUtils(startIndex: 0),
                configs: ["no.such.config": "1"])
        }
    }

    @Test func newPartitionsLeadWithThePreferredLeaderAndFullISR() throws {
        var cluster = try Self.cluster()
        try cluster.createTopic("t", partitions: 3, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
        for partition in try #require(cluster.topics["t"]).partitions {
            #expect(partition.leader == partition.replicas.first)
            #expect(partition.isr == partition.replicas)
        }
    }

    @Test func descriptionIsNameColonMessage() {
        #expect(KafkaError("INVALID_CONFIG", "bad").description == "INVALID_CONFIG: bad")
    }
}
