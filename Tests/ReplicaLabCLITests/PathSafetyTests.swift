import Foundation
import ReplicaLabTestSupport
import Testing

/// `build` writes only under `--out`, and never replaces the lessons or the working folder.
struct PathSafetyTests {
    @Test(arguments: [".", "Lessons", "Lessons/", "./Lessons/..", "..", "Lessons/../.."])
    func refusesAnOutputFolderThatIsOrContainsTheLessonsOrTheWorkingFolder(_ out: String) throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let before = try workspace.contents(of: ".")
        let result = try workspace.run(["build", "--out", out])
        #expect(result.status == 2, "\(out): \(result.stderr)")
        #expect(result.stderr.contains("refusing to write the site to \(out)"))
        #expect(try workspace.contents(of: ".") == before, "nothing may change")
    }

    @Test func refusesASymbolicLinkToTheLessons() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        try FileManager.default.createSymbolicLink(atPath: workspace.url("Out").path, withDestinationPath: "Lessons")
        let result = try workspace.run(["build", "--out", "Out"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to write the site to Out"))
        #expect(try workspace.contents(of: "Lessons").keys.sorted() == ["01-intro.md"])
    }

    @Test func writesOnlyUnderOut() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        try FileManager.default.createDirectory(at: workspace.url("nested"), withIntermediateDirectories: true)
        let before = try workspace.contents(of: ".")
        #expect(try workspace.run(["build", "--out", "nested/Site"]).status == 0)
        let after = try workspace.contents(of: ".")
        let changed = Set(after.keys).symmetricDifference(before.keys).union(
            before.keys.filter { after[$0] != before[$0] })
        #expect(!changed.isEmpty)
        // Besides the site, only the (empty) lock file that lets one build at a time write it.
        #expect(
            changed.allSatisfy { $0.hasPrefix("nested/Site/") || $0 == "nested/.Site.lock" }, "\(changed.sorted())")
        #expect(after["nested/.Site.lock"]?.isEmpty == true)
    }

    @Test func reportsALessonLinkedFromOutsideTheLessonsFolder() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        try Data("# Secret\n".utf8).write(to: workspace.url("secret.md"))
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url("Lessons/02-secret.md").path, withDestinationPath: "../secret.md")
        let result = try workspace.run(["build"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Lessons/02-secret.md is a symbolic link to "))
        #expect(result.stderr.contains("outside Lessons: refusing to read it"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url("Site").path))
    }

    @Test func aLessonLinkedFromInsideTheLessonsFolderIsRead() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        try FileManager.default.createDirectory(at: workspace.url("Lessons/drafts"), withIntermediateDirectories: true)
        try Data(Samples.goodLesson.utf8).write(to: workspace.url("Lessons/drafts/02-second.md"))
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url("Lessons/02-second.md").path, withDestinationPath: "drafts/02-second.md")
        let result = try workspace.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("2 lessons"))
    }
}
