import Replication
import Testing

/// One case of the `striped_replica_placer_kraft` section (Kafka: `StripedReplicaPlacerTest`).
struct StripedVector: Decodable, Sendable, CustomTestStringConvertible {
    enum Generator: Sendable { case mock, java(Int64) }
    enum Expected: Sendable {
        /// Successive `RackList.place` calls on one rack list.
        case rackList(rackNames: [String?], placements: [[Int]])
        /// One `StripedReplicaPlacer.place` call.
        case assignment([[Int]])
        /// How often each ordered replica list occurs in one `place` call.
        case counts([String: Int])
    }

    let name: String
    let generator: Generator
    let brokers: [UsableBroker]
    let replicationFactor: Int
    let count: Int
    let expected: Expected
    var testDescription: String { name }

    static func all() throws -> [StripedVector] {
        try KafkaReference.vectors(at: "striped_replica_placer_kraft", "cases")
    }

    private struct Input: Decodable {
        struct Broker: Decodable {
            var id: Int
            var rack: String?
            var fenced: Bool
        }

        var random: String
        var brokers: [Broker]
        var replicationFactor: Int
        var calls: Int?
        var partitions: Int?

        enum CodingKeys: String, CodingKey {
            case random
            case brokers = "usable_brokers_in_iteration_order"
            case replicationFactor = "replication_factor"
            case calls = "num_calls"
            case partitions = "num_partitions"
        }
    }

    private struct Output: Decodable {
        var placements: [[Int]]?
        var rackNames: [String?]?
        var assignment: [[Int]]?
        var counts: [String: Int]?

        enum CodingKeys: String, CodingKey {
            case placements, assignment, counts
            case rackNames = "rack_names_sorted"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, input, expected
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let input = try container.decode(Input.self, forKey: .input)
        let output = try container.decode(Output.self, forKey: .expected)
        func damaged(_ key: CodingKeys, _ description: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: container.codingPath + [key], debugDescription: description))
        }
        if input.random.hasPrefix("MockRandom") {
            generator = .mock
        } else if let open = input.random.firstIndex(of: "("), let close = input.random.firstIndex(of: ")"),
            let seed = Int64(input.random[input.random.index(after: open)..<close])
        {
            generator = .java(seed)
        } else {
            throw damaged(.input, "unknown random generator '\(input.random)'")
        }
        brokers = input.brokers.map { UsableBroker(id: $0.id, rack: $0.rack, isFenced: $0.fenced) }
        replicationFactor = input.replicationFactor
        if let placements = output.placements, let calls = input.calls {
            expected = .rackList(rackNames: output.rackNames ?? [], placements: placements)
            count = calls
        } else if let assignment = output.assignment, let partitions = input.partitions {
            expected = .assignment(assignment)
            count = partitions
        } else if let counts = output.counts, let partitions = input.partitions {
            expected = .counts(counts)
            count = partitions
        } else {
            throw damaged(.expected, "expected neither placements, an assignment nor counts")
        }
    }
}
