import ReplicaLabTestSupport

/// Kafka's reference data, copied into the repository: `vectors.json` (input → output cases from Kafka's own tests,
/// each with its provenance) and `seed-table.md` (the course's placement, by hand and by Kafka's code).
/// `scripts/sync-kafka-reference.sh` refreshes the copies; `KafkaReferenceDriftTests` compares them with the originals.
///
/// Every read throws a `Repository.FileError` naming the file when it is missing or damaged, so only the tests that
/// need it fail. Parameterised tests take their cases as `@Test(arguments: try …)`: a throwing arguments expression
/// fails that test with the error, and the rest of the run goes on.
enum KafkaReference {
    static let vectorsPath = "Tests/Fixtures/kafka/vectors.json"
    static let seedTablePath = "Tests/Fixtures/kafka/seed-table.md"

    /// The section of `vectors.json` at `keyPath` (`"replication", "partition_isr_hw"`), decoded as `T`.
    static func vectors<T: Decodable>(_ type: T.Type = T.self, at keyPath: String...) throws -> T {
        try Repository.decode(type, from: vectorsPath, at: keyPath)
    }
}

/// Where a vector comes from in Kafka: the test file and method its numbers were copied from.
struct Provenance: Decodable, Sendable {
    var file: String?
    var testMethod: String?

    enum CodingKeys: String, CodingKey {
        case file
        case testMethod = "test_method"
    }
}

/// A JSON object key that is a number (`"10": …`), read as an `Int`, or a decoding error saying which key is not.
func integerKeys<Value>(_ dictionary: [String: Value], codingPath: [any CodingKey]) throws -> [Int: Value] {
    var result: [Int: Value] = [:]
    for (key, value) in dictionary {
        guard let number = Int(key) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "key '\(key)' is not a whole number"))
        }
        result[number] = value
    }
    return result
}
