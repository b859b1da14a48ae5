import Foundation
import Testing

/// The shared Kafka test vectors (`../shared/kafka/vectors.json` from the repository root), read at run time so the
/// tests and Kafka cannot drift apart.
enum KafkaVectors {
    static var root: [String: Any] { SharedKafkaFiles.vectors }

    static func section(_ name: String) -> Any { root[name] as Any }
}

/// One test case named by its vector, so failures say which vector failed.
struct Vector: CustomTestStringConvertible, Sendable {
    let name: String
    let json: String

    var testDescription: String { name }

    init(name: String, object: Any) {
        self.name = name
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        json = String(decoding: data, as: UTF8.self)
    }

    var object: [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    }
}
