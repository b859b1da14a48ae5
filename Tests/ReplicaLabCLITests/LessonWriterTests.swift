import Foundation
import ReplicaLabTestSupport
import Testing

@testable import ReplicaLabCLI

/// `check --update` and `--review` never lose an author's edit, never recreate a lesson that went away, never write
/// through a planted link, and keep a lesson's link, mode and owner.
@Suite(.serialized) struct LessonWriterTests {
    /// The good lesson with a stale output block, so `--update` has something to write.
    static let staleLesson = Samples.goodLesson.replacingOccurrences(of: "Created topic t.", with: "stale")

    /// An edit an author saves while `replicalab` runs.
    static let edited = staleLesson + "\nA paragraph the author saved during the run.\n"

    @Test func reviewKeepsAnEditSavedWhileTheAuthorDecides() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Self.staleLesson])
        let review = try RunningProcess(workspace, ["check", "--review"])
        #expect(review.waitUntil { review.stdout.contains("[a]ccept") }, "\(review.stderr)")
        // The author edits the lesson in another window, then accepts the change shown before the edit.
        try workspace.write("Lessons/01-intro.md", Self.edited)
        review.type("a\n")
        let result = review.finish()
        #expect(try workspace.read("Lessons/01-intro.md") == Self.edited)
        #expect(
            result.stderr.contains(
                "Lessons/01-intro.md:1:1: note: not updated: it changed since it was read (saved again during the run?); run 'replicalab check --update' again"
            ), "\(result.stderr)")
    }

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func updateKeepsAnEditSavedJustBeforeTheRename() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Self.staleLesson])
        let update = try RunningProcess(
            workspace, ["check", "--update"], strace: Strace.delayingRenames(seconds: 1.5))
        // The new lesson is written and waits at the rename: the author saves now.
        #expect(update.waitUntil { workspace.names(in: "Lessons").contains { $0.hasPrefix(".01-intro.md.tmp-") } })
        try workspace.write("Lessons/01-intro.md", Self.edited)
        let result = update.finish()
        #expect(try workspace.read("Lessons/01-intro.md") == Self.edited, "\(result.stderr)")
        #expect(result.stderr.contains("note: not updated: it changed since it was read"), "\(result.stderr)")
        #expect(!workspace.names(in: "Lessons").contains { $0.hasPrefix(".01-intro.md.tmp-") })
    }

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func updateNeverRecreatesALessonDeletedDuringTheRun() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Self.staleLesson, "02-second.md": Self.staleLesson])
        let update = try RunningProcess(
            workspace, ["check", "--update"], strace: Strace.delayingRenames(seconds: 1.5))
        #expect(update.waitUntil { workspace.names(in: "Lessons").contains { $0.hasPrefix(".01-intro.md.tmp-") } })
        try FileManager.default.moveItem(at: workspace.url("Lessons/01-intro.md"), to: workspace.url("renamed.md"))
        let result = update.finish()
        #expect(!FileManager.default.fileExists(atPath: workspace.url("Lessons/01-intro.md").path), "\(result.stderr)")
        #expect(try workspace.read("renamed.md") == Self.staleLesson)
        #expect(
            result.stderr.contains("01-intro.md:1:1: note: not updated: it was deleted or renamed since it was read"))
        #expect(try workspace.read("Lessons/02-second.md") != Self.staleLesson, "the other lesson is still updated")
    }

    /// A fresh folder holding `victim`, a file an attacker would like overwritten.
    static func folderWithAVictim() throws -> (folder: URL, victim: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replicalab-writer-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let victim = folder.appendingPathComponent("victim")
        try Data("precious\n".utf8).write(to: victim)
        return (folder, victim)
    }

    /// The old writer used `.<name>.tmp-<pid>` and `Data.write`, which follows a symbolic link: anyone who could
    /// guess the name could make an update overwrite any file the user can write.
    @Test func aLinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
        let (folder, victim) = try Self.folderWithAVictim()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("01-a.md")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent(".01-a.md.tmp-\(getpid())"), withDestinationURL: victim)
        #expect(try FileWriter.replace(target.path, with: Array("new\n".utf8), links: .resolve) == .written)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
    }

    @Test func aLinkIsRefusedWhereNoneBelongs() throws {
        let (folder, victim) = try Self.folderWithAVictim()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entry = folder.appendingPathComponent("entry.json")
        try FileManager.default.createSymbolicLink(at: entry, withDestinationURL: victim)
        #expect(throws: CLIError.self) { try FileWriter.replace(entry.path, with: [1, 2], links: .refuse) }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    }

    @Test func anUpdateThroughALinkedLessonKeepsTheLinkModeAndOwner() throws {
        let workspace = try Workspace(lessons: [:])
        try FileManager.default.createDirectory(at: workspace.url("Lessons/drafts"), withIntermediateDirectories: true)
        let real = workspace.url("Lessons/drafts/01-intro.md")
        try workspace.write("Lessons/drafts/01-intro.md", Self.staleLesson)
        #expect(chmod(real.path, 0o640) == 0)
        let isRoot = geteuid() == 0
        if isRoot { #expect(chown(real.path, 1, 1) == 0) }
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url("Lessons/01-intro.md").path, withDestinationPath: "drafts/01-intro.md")
        let result = try workspace.run(["check", "--update"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: workspace.url("Lessons/01-intro.md").path)
                == "drafts/01-intro.md")
        #expect(try workspace.read("Lessons/drafts/01-intro.md") == Samples.goodLesson)
        var status = stat()
        #expect(stat(real.path, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o640)
        if isRoot { #expect(status.st_uid == 1 && status.st_gid == 1) }
    }
}
