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
}
