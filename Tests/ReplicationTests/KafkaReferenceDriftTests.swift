import Foundation
import ReplicaLabTestSupport
import Testing

/// The repository's copies of Kafka's reference material equal the originals in `../shared/kafka/`, the folder that
/// sits beside the repository on the project's own machines and in CI. Everywhere else — a user's clone — the folder
/// is absent and this suite is skipped: the tests read only the copies.
///
/// The only code in the repository that looks at `../shared`. `scripts/sync-kafka-reference.sh` refreshes the copies.
@Suite(
    .enabled(
        if: KafkaOriginals.folder != nil,
        "../shared/kafka is not beside the repository (it is only on the project's own machines); the tests use the copies listed in Tests/Fixtures/kafka/copies.txt"
    ))
struct KafkaReferenceDriftTests {
    static let listPath = "Tests/Fixtures/kafka/copies.txt"

    /// One line of `copies.txt`: an original's file name and the path of its copy in the repository.
    struct Copy: Sendable, CustomTestStringConvertible {
        var original: String
        var copy: String
        var testDescription: String { copy }
    }

    static func copies() throws -> [Copy] {
        try Repository.text(listPath).split(separator: "\n").compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, !first.hasPrefix("#") else { return nil }
            guard fields.count == 2 else {
                throw Repository.FileError(
                    path: listPath, problem: .damaged("'\(line)' is not '<original> <copy>'"))
            }
            return Copy(original: String(fields[0]), copy: String(fields[1]))
        }
    }

    @Test(arguments: try copies())
    func copyEqualsTheOriginal(_ copy: Copy) throws {
        let folder = try #require(KafkaOriginals.folder)
        let original = try Data(contentsOf: folder.appendingPathComponent(copy.original))
        let repositoryCopy = try Repository.data(copy.copy)
        #expect(
            repositoryCopy == original,
            "\(copy.copy) differs from ../shared/kafka/\(copy.original): run scripts/sync-kafka-reference.sh, review and commit"
        )
    }
}

/// `../shared/kafka/`, when it sits beside the repository.
enum KafkaOriginals {
    static let folder: URL? = {
        let folder = Repository.root.appendingPathComponent("../shared/kafka").standardizedFileURL
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? folder : nil
    }()
}
