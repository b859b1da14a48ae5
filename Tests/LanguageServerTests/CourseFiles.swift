import Foundation
import ReplicaLabTestSupport

/// The repository's lessons and bad-input corpus, read by the tests.
enum CourseFiles {
    /// The `*.md` files of a repository folder, by name.
    static func markdown(in folder: String) throws -> [String: String] {
        let url = Repository.url(folder)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".md") {
            files[name] = String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
        }
        return files
    }

    /// The course's lessons as files of the harness's lessons folder.
    static func course() throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try markdown(in: "Lessons").map { ("\(ServerHarness.folder)/\($0.key)", $0.value) })
    }
}
