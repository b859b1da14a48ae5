import Foundation
import ReplicaLabTestSupport
import Testing

/// Same lessons and seed give the same transcripts and the same site in every process.
///
/// Swift seeds its hash function per process, so an output that depends on dictionary or set order is stable within
/// one process and differs between two; only separate processes can catch it. `check --determinism` verifies the
/// lessons again in a second process and reports every scenario whose steps differ; two `build --no-cache` runs are
/// two processes rendering the site from scratch.
struct DeterminismTests {
    /// A lesson with every kind of output: broker tables, `describe` with its filters, replica tables, producers,
    /// consumer groups (`groups describe` and its views), `explain`, faults, elections and a prose reference.
    static let everyOutputLesson = "Tests/Fixtures/determinism/01-every-kind-of-output.md"

    /// The course in `Lessons/`, copied into a workspace.
    static func course() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.url("Lessons").path)
        var lessons: [String: String] = [:]
        for name in names where name.hasSuffix(".md") {
            lessons[name] = try Repository.text("Lessons/\(name)")
        }
        return lessons
    }

    static func everyOutput() throws -> [String: String] {
        ["01-every-kind-of-output.md": try Repository.text(everyOutputLesson)]
    }

    @Test func theCourseVerifiesTheSameInASecondProcess() throws {
        let lessons = try Self.course()
        try #require(!lessons.isEmpty, "no lessons in Lessons/")
        try Self.expectSameInTwoProcesses(Workspace(lessons: lessons))
    }

    @Test func everyKindOfOutputIsTheSameInASecondProcess() throws {
        try Self.expectSameInTwoProcesses(Workspace(lessons: Self.everyOutput()))
    }

    /// `check --determinism` finds no difference, and two fresh builds write the same bytes.
    static func expectSameInTwoProcesses(
        _ workspace: Workspace, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let check = try workspace.run(["check", "--determinism", "Lessons"])
        #expect(check.status == 0, "\(check.stderr)", sourceLocation: sourceLocation)
        #expect(!check.stderr.contains("not deterministic"), "\(check.stderr)", sourceLocation: sourceLocation)
        #expect(check.stderr.hasSuffix(": all verified\n"), "\(check.stderr)", sourceLocation: sourceLocation)

        var sites: [[String: Data]] = []
        for out in ["First", "Second"] {
            let build = try workspace.run(["build", "--no-cache", "--lessons", "Lessons", "--out", out])
            #expect(build.status == 0, "\(build.stderr)", sourceLocation: sourceLocation)
            sites.append(try workspace.contents(of: out))
        }
        #expect(!sites[0].isEmpty, sourceLocation: sourceLocation)
        #expect(sites[0].keys.sorted() == sites[1].keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in sites[0].sorted(by: { $0.key < $1.key }) {
            #expect(sites[1][path] == bytes, "\(path) differs between two builds", sourceLocation: sourceLocation)
        }
    }
}
