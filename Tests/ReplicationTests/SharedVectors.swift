import Foundation

/// Reads ../shared/kafka/vectors.json (next to the repository) at run time, so tests and Kafka cannot drift apart.
enum SharedVectors {
    /// The whole file as a JSON object (empty when the file is missing; the tests then fail on `isPresent`).
    static var root: [String: Any] { SharedKafkaFiles.vectors }

    /// Whether the file was found.
    static var isPresent: Bool { !root.isEmpty }

    static func section(_ path: String...) -> Any? {
        var current: Any? = root
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    static func ints(_ value: Any?) -> [Int] { (value as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue } ?? [] }
}

/// One `leader_epoch_cache_endOffsetFor` case.
struct EpochCacheCase: Sendable, CustomStringConvertible {
    var name: String
    var assignments: [[Int]]
    var entries: [[Int]]
    var queries: [(epoch: Int, logEndOffset: Int, expected: [Int])]

    var description: String { name }

    static var all: [EpochCacheCase] {
        let cases = SharedVectors.section("leader_epoch_cache_endOffsetFor", "cases") as? [[String: Any]] ?? []
        return cases.map { item in
            let provenance = item["provenance"] as? [String: Any]
            return EpochCacheCase(
                name: provenance?["test_method"] as? String ?? "case",
                assignments: (item["assign_sequence_epoch_startOffset"] as? [Any] ?? []).map(SharedVectors.ints),
                entries: (item["resulting_entries"] as? [Any] ?? []).map(SharedVectors.ints),
                queries: (item["endOffsetFor_queries"] as? [[String: Any]] ?? []).map { query in
                    (
                        (query["requested_epoch"] as? NSNumber)?.intValue ?? -1,
                        (query["log_end_offset"] as? NSNumber)?.intValue ?? -1,
                        SharedVectors.ints(query["expected_epoch_and_end_offset"])
                    )
                })
        }
    }
}

/// One KRaft `leader_election` case.
struct ElectionCase: Sendable, CustomStringConvertible {
    var name: String
    var replicas: [Int]
    var isr: [Int]
    var currentLeader: Int?
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

    static var all: [ElectionCase] {
        let cases = SharedVectors.section("leader_election", "kraft_controller") as? [[String: Any]] ?? []
        return cases.enumerated().map { index, item in
            let input = item["input"] as? [String: Any] ?? [:]
            let expected = item["expected"] as? [String: Any] ?? [:]
            let record = expected["PartitionChangeRecord"] as? [String: Any]
            let leader = (record?["leader"] ?? expected["leader"]) as? NSNumber
            let current = ((input["current_leader"] ?? input["leader"]) as? NSNumber)?.intValue
            return ElectionCase(
                name: item["name"] as? String ?? "case \(index)",
                replicas: SharedVectors.ints(input["replicas"]),
                isr: SharedVectors.ints(input["target_isr"] ?? input["isr"]),
                currentLeader: current == -1 ? nil : current,
                acceptable: input["acceptable_leader"] as? String ?? "all brokers",
                election: input["election"] as? String ?? "ONLINE",
                expectedLeader: leader.map(\.intValue).flatMap { $0 == -1 ? nil : $0 },
                expectedUnclean: expected["unclean"] as? Bool,
                expectedIsr: record.map { SharedVectors.ints($0["isr"]) })
        }
    }
}
