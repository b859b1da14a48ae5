import Foundation

/// The shared Kafka reference files (`../shared/kafka/` beside the repository), located from this source file.
enum SharedKafkaFiles {
    /// The repository root: three levels up from `Tests/ReplicationTests/<file>.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = repositoryRoot.appendingPathComponent("../shared/kafka").standardizedFileURL

    static func data(_ name: String) -> Data? {
        try? Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) -> String? {
        data(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `vectors.json` parsed once: the input → output cases from Kafka's own tests. Empty when the file is missing,
    /// so the tests that need a section fail on it instead of crashing the test run.
    static var vectors: [String: Any] {
        guard let data = data("vectors.json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }
}
