import Foundation
import ReplicaLabTestSupport
import Testing

/// SIGKILL in the middle of writing leaves the old site and the old lesson byte for byte: both are written to a
/// temporary file or folder and renamed into place.
@Suite(.serialized) struct AtomicityTests {
    /// A lesson whose scenario has many steps, so its page (a broker table per step) is big.
    static func bigLesson(_ number: Int, title: String) -> String {
        var scenario = "cluster brokers=6 racks=2\ntopic t partitions=12 replication-factor=3\n"
        for index in 0..<30 { scenario += "produce t partition=\(index % 12) count=2 acks=1\ndescribe t\n" }
        return "# \(title) \(number)\n\nProse.\n\n```scenario s\(number)\n\(scenario)```\n"
    }

    @Test func killedBuildLeavesTheOldSite() throws {
        var lessons: [String: String] = [:]
        for number in 1...12 {
            lessons[String(format: "%02d-lesson.md", number)] = Self.bigLesson(number, title: "Old")
        }
        let workspace = try Workspace(lessons: lessons)
        #expect(try workspace.run(["build"]).status == 0)
        let before = try workspace.contents(of: "Site")
        for number in 1...12 {
            try Data(Self.bigLesson(number, title: "New").utf8).write(
                to: workspace.url(String(format: "Lessons/%02d-lesson.md", number)))
        }
        let killed = try workspace.kill(["build"]) { pid in
            // Mid-write: the temporary site exists and holds some pages.
            let temporary = workspace.url(".Site.tmp-\(pid)").path
            return ((try? FileManager.default.contentsOfDirectory(atPath: temporary))?.count ?? 0) > 2
        }
        #expect(killed, "the build finished before it could be killed mid-write")
        #expect(try workspace.contents(of: "Site") == before)
    }

    @Test func killedUpdateLeavesTheOldLesson() throws {
        // A big lesson (about 10 MB of prose) with a stale output block, so writing it takes a moment.
        let padding = String(repeating: String(repeating: "word ", count: 19) + "\n", count: 100_000)
        let lesson = """
            # Big

            \(padding)
            ```scenario s
            cluster brokers=3
            ```

            ```output
            $ cluster brokers=3
            stale
            ```

            """
        let workspace = try Workspace(lessons: ["01-big.md": lesson])
        let path = workspace.url("Lessons/01-big.md")
        let before = try Data(contentsOf: path)
        let killed = try workspace.kill(["check", "--update"]) { pid in
            FileManager.default.fileExists(atPath: workspace.url("Lessons/.01-big.md.tmp-\(pid)").path)
        }
        #expect(killed, "the update finished before it could be killed mid-write")
        #expect(try Data(contentsOf: path) == before)
        // Uninterrupted, the same update does rewrite the lesson: the kill really came before the rename.
        #expect(try workspace.run(["check", "--update"]).status == 0)
        #expect(try Data(contentsOf: path) != before)
    }
}

extension Workspace {
    /// Starts `replicalab`, polls `isMidWrite(pid)` and sends SIGKILL the moment it holds; true when it was killed.
    func kill(_ arguments: [String], when isMidWrite: (Int32) -> Bool) throws -> Bool {
        let executable = try #require(Executable.replicalab)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        var killed = false
        while process.isRunning {
            if isMidWrite(pid) {
                Foundation.kill(pid, SIGKILL)
                killed = true
                break
            }
            usleep(50)
        }
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }
}
