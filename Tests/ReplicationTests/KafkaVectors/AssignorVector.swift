import Replication
import Testing

/// One `consumer_assignors` vector: a group's members and subscriptions, and the assignment Kafka's classic
/// assignor gives them (Kafka: `RangeAssignorTest`, `RoundRobinAssignorTest`, `StickyAssignorTest`).
struct AssignorVector: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var partitionsPerTopic: [String: Int]
    /// The members, by member id.
    var members: [GroupMember]
    var expected: [String: [TopicPartition]]
    var orderIsAsserted: Bool
    /// Partition → the member that must give it up first (cooperative rebalancing), where the vector says.
    var expectedTransferringOwnership: [TopicPartition: String]?

    var testDescription: String { name }

    /// The vectors of one assignor: `range`, `roundrobin` or `sticky_informational`.
    static func all(_ assignor: String) throws -> [AssignorVector] {
        try KafkaReference.vectors(at: "consumer_assignors", assignor)
    }

    private struct Input: Decodable {
        struct Member: Decodable {
            var groupInstanceID: String?
            var subscribedTopics: [String]?
            var owned: [String]?

            enum CodingKeys: String, CodingKey {
                case groupInstanceID = "group_instance_id"
                case subscribedTopics = "subscribed_topics"
                case owned
            }
        }

        var partitionsPerTopic: [String: Int]
        var members: [String: Member]?
        var secondGenerationMembers: [String: Member]?

        enum CodingKeys: String, CodingKey {
            case partitionsPerTopic = "partitions_per_topic"
            case members
            case secondGenerationMembers = "generation2_members"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, input
        case expected = "expected_assignment"
        case orderIsAsserted = "expected_order_within_member_is_asserted"
        case transferring = "expected_partitions_transferring_ownership"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func partition(_ text: String, at key: CodingKeys) throws -> TopicPartition {
            guard let partition = TopicPartition(parsing: text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: container.codingPath + [key],
                        debugDescription: "'\(text)' is not a topic-partition"))
            }
            return partition
        }
        name = try container.decode(String.self, forKey: .name)
        let input = try container.decode(Input.self, forKey: .input)
        partitionsPerTopic = input.partitionsPerTopic
        guard let specs = input.members ?? input.secondGenerationMembers else {
            throw DecodingError.keyNotFound(
                Input.CodingKeys.members,
                .init(codingPath: container.codingPath + [CodingKeys.input], debugDescription: "no members"))
        }
        let allTopics = partitionsPerTopic.keys.sorted()
        members = try specs.sorted { $0.key < $1.key }.map { id, spec in
            GroupMember(
                memberID: id, groupInstanceID: spec.groupInstanceID,
                subscribedTopics: spec.subscribedTopics ?? allTopics,
                ownedPartitions: try (spec.owned ?? []).map { try partition($0, at: .input) })
        }
        expected = try container.decode([String: [String]].self, forKey: .expected).mapValues {
            try $0.map { try partition($0, at: .expected) }
        }
        orderIsAsserted = try container.decodeIfPresent(Bool.self, forKey: .orderIsAsserted) ?? false
        expectedTransferringOwnership = try container.decodeIfPresent([String: String].self, forKey: .transferring)
            .map { transfers in
                Dictionary(
                    uniqueKeysWithValues: try transfers.map { (try partition($0.key, at: .transferring), $0.value) })
            }
    }
}
