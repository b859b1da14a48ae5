import Foundation
import ReplicaLabTestSupport
import Testing

/// `build` replaces only sites, one build at a time, in one atomic exchange, and leaves nothing behind; it keeps the
/// output folder's mode, group, setgid bit and link, and writes into mount points.
@Suite(.serialized) struct SiteWriterTests {
    static func course(title: String) -> [String: String] {
        [
            "01-first.md": BuildCacheTests.lesson(1, title: "\(title) one"),
            "02-second.md": BuildCacheTests.lesson(2, title: "\(title) two"),
        ]
    }

    /// Writes the course `title` into the workspace's lessons.
    static func write(_ workspace: Workspace, title: String) throws {
        for (name, text) in course(title: title) { try workspace.write("Lessons/\(name)", text) }
    }

    /// The site a fresh build of the workspace's current lessons makes, in `Fresh`.
    static func freshSite(_ workspace: Workspace) throws -> [String: Data] {
        try? FileManager.default.removeItem(at: workspace.url("Fresh"))
        #expect(try workspace.run(["build", "--no-cache", "--out", "Fresh"]).status == 0)
        return try workspace.contents(of: "Fresh")
    }

    @Test func aFolderThatIsNotASiteIsNeverReplaced() throws {
        let workspace = try Workspace(lessons: Self.course(title: "A"))
        try FileManager.default.createDirectory(at: workspace.url("docs"), withIntermediateDirectories: true)
        try workspace.write("docs/guide.md", "The project's documentation.\n")
        let refused = try workspace.run(["build", "--out", "docs"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains(
                "replicalab: error: refusing to replace docs: it is not empty and has no .replicalab-site file"),
            "\(refused.stderr)")
        #expect(workspace.names(in: "docs") == ["guide.md"])
        // An empty folder, and a site ReplicaLab wrote, are replaced; --force replaces anything.
        try FileManager.default.createDirectory(at: workspace.url("Empty"), withIntermediateDirectories: true)
        #expect(try workspace.run(["build", "--out", "Empty"]).status == 0)
        #expect(workspace.names(in: "Empty").contains(".replicalab-site"))
        #expect(try workspace.run(["build", "--out", "Empty"]).status == 0)
        #expect(try workspace.run(["build", "--out", "docs", "--force"]).status == 0)
        #expect(!workspace.names(in: "docs").contains("guide.md"))
        #expect(workspace.names(in: "docs").contains(".replicalab-site"))
    }

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func theSiteIsNeverMissingDuringABuild() throws {
        let workspace = try Workspace(lessons: Self.course(title: "Old"))
        #expect(try workspace.run(["build"]).status == 0)
        try Self.write(workspace, title: "New")
        // Each rename is held for half a second: a swap made of two renames leaves no site in between.
        let build = try RunningProcess(workspace, ["build"], strace: Strace.delayingRenames(seconds: 0.5))
        var missing = 0
        while build.process.isRunning {
            if !FileManager.default.fileExists(atPath: workspace.url("Site/index.html").path) { missing += 1 }
            usleep(1_000)
        }
        let result = build.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(missing == 0, "Site/index.html was missing \(missing) times")
        #expect(try workspace.contents(of: "Site") == Self.freshSite(workspace))
    }

    @Test func staleTemporariesAreRemovedAtTheStart() throws {
        let workspace = try Workspace(lessons: Self.course(title: "A"))
        for folder in [".Site.tmp-1234", ".Site.old-99", ".Site.tmp-abcdef0123", ".Other.tmp-1"] {
            try FileManager.default.createDirectory(
                at: workspace.url("\(folder)/nested"), withIntermediateDirectories: true)
            try workspace.write("\(folder)/nested/page.html", "half-written")
        }
        #expect(try workspace.run(["build"]).status == 0)
        #expect(workspace.names().filter { $0.hasPrefix(".Site.") } == [".Site.lock"])
        #expect(workspace.names().contains(".Other.tmp-1"), "another folder's temporaries are not ours")
    }

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func anInterruptedBuildLeavesNothingBehind() throws {
        let workspace = try Workspace(lessons: Self.course(title: "Old"))
        #expect(try workspace.run(["build"]).status == 0)
        let before = try workspace.contents(of: "Site")
        try Self.write(workspace, title: "New")
        // Held at each fchmod, which the writer calls on its temporary folder before and after writing the pages.
        let strace = ["-f", "-qq", "-o", "/dev/null", "-e", "trace=fchmod", "-e", "inject=fchmod:delay_enter=1500000"]
        let build = try RunningProcess(workspace, ["build", "--no-cache"], strace: strace)
        let temporary = { workspace.names().first { $0.hasPrefix(".Site.tmp-") } }
        #expect(build.waitUntil { temporary() != nil }, "\(build.stderr)")
        let child = try #require(build.tracedChild, "cannot find replicalab under strace")
        kill(child, SIGINT)
        build.finish()
        #expect(build.process.terminationReason == .uncaughtSignal, "\(build.stderr)")
        #expect(build.process.terminationStatus == SIGINT)
        #expect(temporary() == nil, "\(workspace.names())")
        #expect(try workspace.contents(of: "Site") == before)
    }

    @Test(.enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"))
    func twoBuildsOfOneFolderRunOneAfterTheOther() throws {
        let workspace = try Workspace(lessons: Self.course(title: "First"))
        #expect(try workspace.run(["build"]).status == 0)
        try Self.write(workspace, title: "Second")
        let slow = try RunningProcess(workspace, ["build"], strace: Strace.delayingRenames(seconds: 1.5))
        #expect(slow.waitUntil { workspace.names().contains { $0.hasPrefix(".Site.tmp-") } })
        // While the first build holds its site, the lessons change again and a second build starts (watch plus a
        // manual build): it must wait, then write its own complete site.
        try Self.write(workspace, title: "Third")
        let quick = try RunningProcess(workspace, ["build"])
        let second = quick.finish()
        let first = slow.finish()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("replicalab: waiting for another build writing Site to finish"))
        #expect(try workspace.contents(of: "Site") == Self.freshSite(workspace))
    }

    /// Two builds in different PID namespaces (containers, CI jobs sharing a volume) can have the same PID: a
    /// temporary named by PID was shared, and one build deleted or swapped in the other's half-written site.
    @Test(
        .enabled(if: Strace.path != nil, "strace is not installed (apt-get install -y strace)"),
        .enabled(if: Namespaces.canMakePIDNamespaces, "this system does not allow new PID namespaces (unshare -p)"))
    func buildsWithTheSamePIDInOtherNamespacesDoNotShareATemporary() throws {
        let workspace = try Workspace(lessons: Self.course(title: "First"))
        #expect(try workspace.run(["build"]).status == 0)
        try Self.write(workspace, title: "Second")
        let unshare = try #require(Namespaces.unshare)
        // Each in its own PID namespace under strace (the second without delays), so that both builds get the
        // same PID: strace starts the same helper processes before its tracee every time.
        let slow = try RunningProcess(
            workspace, ["build"], strace: Strace.delayingRenames(seconds: 1.5), wrapper: [unshare, "-p", "-f"])
        #expect(slow.waitUntil { workspace.names().contains { $0.hasPrefix(".Site.tmp-") } })
        let other = try RunningProcess(
            workspace, ["build"], strace: ["-f", "-qq", "-o", "/dev/null", "-e", "trace=none"],
            wrapper: [unshare, "-p", "-f"])
        let second = other.finish()
        let first = slow.finish()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try workspace.contents(of: "Site") == Self.freshSite(workspace))
    }

    @Test(.enabled(if: Namespaces.canMount, "this system does not allow mounting a tmpfs (unshare -m)"))
    func aMountPointIsReplacedEntryByEntry() throws {
        let workspace = try Workspace(lessons: Self.course(title: "A"))
        try FileManager.default.createDirectory(at: workspace.url("Site"), withIntermediateDirectories: true)
        let executable = try #require(Executable.replicalab).path
        let script = """
            set -e
            mount -t tmpfs none Site
            '\(executable)' build
            echo stale > Site/stale.html
            '\(executable)' build
            ls -A Site
            """
        let mounted = try RunningProcess(
            workspace, [], wrapper: [try #require(Namespaces.unshare), "-m", "/bin/sh", "-c", script])
        let result = mounted.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let listing = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            listing == [
                ".replicalab-lock", ".replicalab-site", "01-first.html", "02-second.html", "engine.js",
                "get-the-tool.html", "index.html", "play.html", "replicalab.js", "sandbox.css", "sandbox.js",
                "scenarios.js", "search-index.js", "style.css", "toc.js",
            ], "\(listing)")
    }

    @Test func theOutputFolderKeepsItsModeGroupAndSetgidBit() throws {
        let workspace = try Workspace(lessons: Self.course(title: "A"))
        let site = workspace.url("Site").path
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        let group: gid_t = geteuid() == 0 ? 1 : getegid()
        #expect(chown(site, geteuid(), group) == 0)
        #expect(chmod(site, 0o2775) == 0)
        for _ in 0..<2 {
            #expect(try workspace.run(["build"]).status == 0)
            var status = stat()
            #expect(stat(site, &status) == 0)
            #expect(status.st_mode & 0o7777 == 0o2775)
            #expect(status.st_gid == group)
            var page = stat()
            #expect(stat(site + "/index.html", &page) == 0)
            #expect(page.st_gid == group, "files inherit the group of a setgid folder")
        }
    }

    @Test func aLinkedOutputFolderStaysALink() throws {
        let workspace = try Workspace(lessons: Self.course(title: "A"))
        try FileManager.default.createDirectory(at: workspace.url("www/site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.url("Site").path, withDestinationPath: "www/site")
        #expect(try workspace.run(["build"]).status == 0)
        #expect(try workspace.run(["build"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.url("Site").path) == "www/site")
        #expect(workspace.names(in: "www/site").contains("index.html"))
        #expect(workspace.names(in: "www").filter { $0.hasPrefix(".site.tmp-") }.isEmpty)
    }
}

/// `watch` outlives a lessons folder that disappears for a moment and sees edits made through links.
@Suite(.serialized) struct WatchRobustnessTests {
    @Test func watchWaitsForTheLessonsFolderToComeBack() throws {
        let workspace = try Workspace(lessons: SiteWriterTests.course(title: "A"))
        let watch = try RunningProcess(workspace, ["watch", "--interval", "0.05", "--max-builds", "2"])
        #expect(watch.waitUntil { watch.stderr.contains("waiting for changes") }, "\(watch.stderr)")
        // `git checkout` of another branch: the folder is gone for a moment, then back with other contents.
        try FileManager.default.moveItem(at: workspace.url("Lessons"), to: workspace.url("Lessons.away"))
        #expect(watch.waitUntil { watch.stderr.contains("cannot read Lessons now") }, "\(watch.stderr)")
        for (name, text) in SiteWriterTests.course(title: "B") { try workspace.write("Lessons.away/\(name)", text) }
        try FileManager.default.moveItem(at: workspace.url("Lessons.away"), to: workspace.url("Lessons"))
        let result = watch.finish(seconds: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.read("Site/index.html").contains("B one"))
    }

    @Test func watchSeesAnEditThroughALinkedLesson() throws {
        let workspace = try Workspace(lessons: [:])
        try FileManager.default.createDirectory(at: workspace.url("Lessons/drafts"), withIntermediateDirectories: true)
        try workspace.write("Lessons/drafts/01-first.md", BuildCacheTests.lesson(1, title: "Before"))
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url("Lessons/01-first.md").path, withDestinationPath: "drafts/01-first.md")
        let watch = try RunningProcess(workspace, ["watch", "--interval", "0.05", "--max-builds", "2"])
        #expect(watch.waitUntil { watch.stderr.contains("waiting for changes") }, "\(watch.stderr)")
        try workspace.write("Lessons/drafts/01-first.md", BuildCacheTests.lesson(1, title: "After"))
        let result = watch.finish(seconds: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.read("Site/index.html").contains("After"))
    }
}
