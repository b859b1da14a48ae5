import Replication
import Testing

/// One `leader_election.kraft_controller` vector (Kafka: `PartitionChangeBuilderTest`).
struct ElectionCase: Decodable, Sendable, CustomStringConvertible {
    var name: String
    var replicas: [Int]
    var isr: [Int]
    var currentLeader: Int?
    /// `broker != 3`, `broker == 1`, or `all brokers`.
    var acceptable: String
    var election: String
    var expectedLeader: Int?
    var expectedUnclean: Bool?
    var expectedIsr: [Int]?

    var description: String { name }

    func isAcceptable(_ broker: Int) -> Bool {
        let parts = acceptable.split(separator: " ")
        guard parts.count == 3, let number = Int(parts[2]) else { return true }
        return parts[1] == "!=" ? broker != number : broker == number
    }

    static func all() throws -> [ElectionCase] {
        try KafkaReference.vectors(at: "leader_election", "kraft_controller")
    }

    private struct Input: Decodable {
        var replicas: [Int]
        var targetIsr: [Int]?
        var isr: [Int]?
        var currentLeader: Int?
        var leader: Int?
        var acceptable: String?
        var election: String?

        enum CodingKeys: String, CodingKey {
            case replicas, isr, leader, election
            case targetIsr = "target_isr"
            case currentLeader = "current_leader"
            case acceptable = "acceptable_leader"
        }
    }

    private struct Expected: Decodable {
        struct ChangeRecord: Decodable {
            var leader: Int
            var isr: [Int]
        }

        var leader: Int?
        var unclean: Bool?
        var record: ChangeRecord?

        enum CodingKeys: String, CodingKey {
            case leader, unclean
            case record = "PartitionChangeRecord"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, input, expected
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let input = try container.decode(Input.self, forKey: .input)
        let expected = try container.decode(Expected.self, forKey: .expected)
        /// Kafka's NO_LEADER.
        func leader(_ id: Int?) -> Int? { id == -1 ? nil : id }
        name = try container.decode(String.self, forKey: .name)
        replicas = input.replicas
        isr = input.targetIsr ?? input.isr ?? []
        currentLeader = leader(input.currentLeader ?? input.leader)
        acceptable = input.acceptable ?? "all brokers"
        election = input.election ?? "ONLINE"
        expectedLeader = leader(expected.record?.leader ?? expected.leader)
        expectedUnclean = expected.unclean
        expectedIsr = expected.record?.isr
    }
}

/// One `leader_election.zk_controller` vector (Kafka 3.9: `PartitionLeaderElectionAlgorithmsTest`).
struct ZkElectionCase: Decodable, Sendable, CustomStringConvertible {
    var strategy: String
    var assignment: [Int]
    var isr: [Int]
    var live: [Int]
    var unclean: Bool
    var shuttingDown: [Int]
    var expected: Int?

    var description: String { "\(strategy) \(assignment) isr \(isr) live \(live)" }

    static func all() throws -> [ZkElectionCase] {
        try KafkaReference.vectors(at: "leader_election", "zk_controller")
    }

    private struct Input: Decodable {
        var assignment: [Int]
        var isr: [Int]
        var live: [Int]
        var unclean: Bool?
        var shuttingDown: [Int]?

        enum CodingKeys: String, CodingKey {
            case assignment, isr
            case live = "live_replicas"
            case unclean = "unclean_leader_election_enable"
            case shuttingDown = "shutting_down_brokers"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case strategy, input
        case expected = "expected_leader"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let input = try container.decode(Input.self, forKey: .input)
        strategy = try container.decode(String.self, forKey: .strategy)
        assignment = input.assignment
        isr = input.isr
        live = input.live
        unclean = input.unclean ?? false
        shuttingDown = input.shuttingDown ?? []
        expected = try container.decodeIfPresent(Int.self, forKey: .expected)
    }
}
