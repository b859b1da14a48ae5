import Replication
import Testing

/// One case of the `replica_assignment_adminutils` section (Kafka: `AdminRackAwareTest`, `AdminUtilsTest`).
struct AdminUtilsVector: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var variant: String
    var brokers: [Broker]
    var partitions: Int?
    var replicationFactor: Int?
    var fixedStartIndex: Int
    var startPartitionId: Int
    var expectedAlternatedList: [Int]?
    /// Partition id → replicas.
    var expectedAssignment: [Int: [Int]]?

    var testDescription: String { "\(variant): \(name)" }

    static func all() throws -> [AdminUtilsVector] {
        try KafkaReference.vectors(at: "replica_assignment_adminutils", "cases")
    }

    private struct Input: Decodable {
        var brokerRacks: [String: String]?
        var brokerList: [Int]?
        var partitions: Int?
        var replicationFactor: Int?
        var fixedStartIndex: Int?
        var startPartitionId: Int?

        enum CodingKeys: String, CodingKey {
            case brokerRacks = "broker_racks"
            case brokerList = "broker_list_in_given_order"
            case partitions = "num_partitions"
            case replicationFactor = "replication_factor"
            case fixedStartIndex, startPartitionId
        }
    }

    private struct Expected: Decodable {
        var assignment: [String: [Int]]?
        var alternatedList: [Int]?

        enum CodingKeys: String, CodingKey {
            case assignment
            case alternatedList = "rack_alternated_broker_list"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, variant, input, expected
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        variant = try container.decode(String.self, forKey: .variant)
        let input = try container.decode(Input.self, forKey: .input)
        let expected = try container.decode(Expected.self, forKey: .expected)
        if let racks = input.brokerRacks {
            brokers = try integerKeys(racks, codingPath: container.codingPath + [CodingKeys.input])
                .map { Broker(id: $0.key, rack: $0.value) }.sorted { $0.id < $1.id }
        } else {
            brokers = (input.brokerList ?? []).map { Broker(id: $0) }
        }
        partitions = input.partitions
        replicationFactor = input.replicationFactor
        fixedStartIndex = input.fixedStartIndex ?? 0
        startPartitionId = input.startPartitionId ?? 0
        expectedAlternatedList = expected.alternatedList
        expectedAssignment = try expected.assignment.map {
            try integerKeys($0, codingPath: container.codingPath + [CodingKeys.expected])
        }
    }
}
