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

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func killedBuildLeavesTheOldSite() throws {
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
        // Held at the exchange for 2 s (without the cache, whose entries are renamed into place too): the new site
        // is complete in its temporary folder, not yet in place. Polling for a moment mid-write instead raced the
        // few milliseconds the pages take to write.
        let build = try RunningProcess(
            workspace, ["build", "--no-cache"], strace: Strace.delayingRenames(seconds: 2))
        let temporaryPage = {
            workspace.names().first { $0.hasPrefix(".Site.tmp-") }.flatMap { name in
                try? String(contentsOf: workspace.url("\(name)/12-lesson.html"), encoding: .utf8)
            }
        }
        #expect(build.waitUntil { temporaryPage()?.contains("New 12") == true })
        let child = try #require(build.tracedChild, "cannot find replicalab under strace")
        kill(child, SIGKILL)
        build.finish()
        #expect(try workspace.contents(of: "Site") == before)
        // Uninterrupted, the same build does replace the site (the kill really came before the exchange), and
        // removes the temporary folder the killed one left.
        #expect(try workspace.run(["build"]).status == 0)
        #expect(try workspace.contents(of: "Site") != before)
        #expect(!workspace.names().contains { $0.hasPrefix(".Site.tmp-") })
    }

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func killedUpdateLeavesTheOldLesson() throws {
        let workspace = try Workspace(lessons: ["01-big.md": LessonWriterTests.staleLesson])
        let path = workspace.url("Lessons/01-big.md")
        let before = try Data(contentsOf: path)
        // Held at the rename for 2 s: the new lesson is complete in its temporary file, not yet in place.
        let update = try RunningProcess(workspace, ["check", "--update"], strace: Strace.delayingRenames(seconds: 2))
        #expect(update.waitUntil { workspace.names(in: "Lessons").contains { $0.hasPrefix(".01-big.md.tmp-") } })
        let child = try #require(update.tracedChild, "cannot find replicalab under strace")
        kill(child, SIGKILL)
        update.finish()
        #expect(try Data(contentsOf: path) == before)
        // Uninterrupted, the same update does rewrite the lesson: the kill really came before the rename.
        #expect(try workspace.run(["check", "--update"]).status == 0)
        #expect(try Data(contentsOf: path) != before)
    }
}
