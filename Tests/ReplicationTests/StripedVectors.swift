import Foundation
import Replication
import Testing

/// One case of the `striped_replica_placer_kraft` section of ../shared/kafka/vectors.json.
struct StripedVector: Sendable, CustomTestStringConvertible {
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

    /// Every case of the section, or an empty list when the file is missing (a test then fails on the count).
    static func all() -> [StripedVector] {
        guard let section = SharedKafkaFiles.vectors["striped_replica_placer_kraft"] as? [String: Any],
            let cases = section["cases"] as? [[String: Any]]
        else { return [] }
        return cases.compactMap(parse)
    }

    static func parse(_ json: [String: Any]) -> StripedVector? {
        guard let name = json["name"] as? String, let input = json["input"] as? [String: Any],
            let expected = json["expected"] as? [String: Any], let randomName = input["random"] as? String,
            let brokerList = input["usable_brokers_in_iteration_order"] as? [[String: Any]],
            let factor = input["replication_factor"] as? Int
        else { return nil }
        let generator: Generator
        if randomName.hasPrefix("MockRandom") {
            generator = .mock
        } else if let open = randomName.firstIndex(of: "("), let close = randomName.firstIndex(of: ")"),
            let seed = Int64(randomName[randomName.index(after: open)..<close])
        {
            generator = .java(seed)
        } else {
            return nil
        }
        let brokers = brokerList.compactMap { entry -> UsableBroker? in
            guard let id = entry["id"] as? Int, let fenced = entry["fenced"] as? Bool else { return nil }
            return UsableBroker(id: id, rack: entry["rack"] as? String, isFenced: fenced)
        }
        let result: Expected
        let count: Int
        if let placements = expected["placements"] as? [[Int]], let calls = input["num_calls"] as? Int {
            let names = (expected["rack_names_sorted"] as? [Any] ?? []).map { $0 as? String }
            result = .rackList(rackNames: names, placements: placements)
            count = calls
        } else if let assignment = expected["assignment"] as? [[Int]], let partitions = input["num_partitions"] as? Int
        {
            result = .assignment(assignment)
            count = partitions
        } else if let counts = expected["counts"] as? [String: Int], let partitions = input["num_partitions"] as? Int {
            result = .counts(counts)
            count = partitions
        } else {
            return nil
        }
        return StripedVector(
            name: name, generator: generator, brokers: brokers, replicationFactor: factor, count: count,
            expected: result)
    }
}
