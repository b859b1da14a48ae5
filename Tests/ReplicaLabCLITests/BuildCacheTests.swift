import Course
import CourseSite
import Foundation
import ReplicaLabTestSupport
import Testing

@testable import ReplicaLabCLI

/// The build cache never yields a stale or damaged page, and parallel verification gives the sequential result.
struct BuildCacheTests {
    static func lesson(_ number: Int, title: String, extra: String = "") -> String {
        """
        # \(title)

        Prose of lesson \(number).\(extra) See [the first lesson](01-first.md).

        ```scenario s
        cluster brokers=3
        topic t partitions=3 replication-factor=3
        expect leader t-0 == 0
        ```

        ```output
        $ cluster brokers=3
        3 brokers: 0,1,2
        $ topic t partitions=3 replication-factor=3
        Created topic t.
        ```

        """
    }

    static func course() -> [String: String] {
        [
            "01-first.md": lesson(1, title: "First"), "02-second.md": lesson(2, title: "Second"),
            "03-third.md": lesson(3, title: "Third"),
        ]
    }

    @Test func cachedBuildsEqualFullBuildsAndFollowEdits() throws {
        let workspace = try Workspace(lessons: Self.course())
        #expect(try workspace.run(["build"]).status == 0)
        let first = try workspace.contents(of: "Site")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: workspace.cacheFolder().path)).isEmpty)
        #expect(try workspace.run(["build"]).status == 0)
        #expect(try workspace.contents(of: "Site") == first)

        // A new title for lesson 3 must reach the contents (`toc.js`), the index and its neighbour's pager, not only
        // its own page.
        try Data(Self.lesson(3, title: "Third, renamed", extra: " Edited.").utf8)
            .write(to: workspace.url("Lessons/03-third.md"))
        #expect(try workspace.run(["build"]).status == 0)
        let cached = try workspace.contents(of: "Site")
        #expect(try workspace.run(["build", "--no-cache", "--out", "Full"]).status == 0)
        #expect(cached == (try workspace.contents(of: "Full")))
        for file in ["toc.js", "index.html", "02-second.html"] {
            #expect(String(decoding: cached[file] ?? Data(), as: UTF8.self).contains("Third, renamed"), "\(file)")
        }
    }

    @Test func brokenLinkToAnEditedLessonIsReportedDespiteTheCache() throws {
        let workspace = try Workspace(lessons: Self.course())
        #expect(try workspace.run(["build"]).status == 0)
        try FileManager.default.moveItem(
            at: workspace.url("Lessons/01-first.md"), to: workspace.url("Lessons/01-renamed.md"))
        let result = try workspace.run(["build"])
        #expect(result.status == 2, "a broken link is an input error, as without the cache")
        #expect(result.stderr.contains("link to a lesson that does not exist: '01-first.md'"))
    }

    @Test func damagedEntriesAreIgnored() throws {
        let workspace = try Workspace(lessons: Self.course())
        #expect(try workspace.run(["build"]).status == 0)
        let expected = try workspace.contents(of: "Site")
        let folder = try workspace.cacheFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let articles = names.filter { $0.hasSuffix(".html") }
        let metadata = names.filter { $0.hasSuffix(".json") && $0 != "manifest.json" }
        #expect(articles.count == 3 && metadata.count == 3)
        // A truncated article, a flipped byte in another, garbage metadata for the third.
        var first = try Data(contentsOf: folder.appendingPathComponent(articles[0]))
        first.removeLast(10)
        try first.write(to: folder.appendingPathComponent(articles[0]))
        var second = try Data(contentsOf: folder.appendingPathComponent(articles[1]))
        second[second.count - 20] ^= 0x01
        try second.write(to: folder.appendingPathComponent(articles[1]))
        try Data("not an entry".utf8).write(to: folder.appendingPathComponent(metadata[2]))
        // Without the old site nothing can be reused: every page needs its article.
        try FileManager.default.removeItem(at: workspace.url("Site"))
        #expect(try workspace.run(["build"]).status == 0)
        #expect(try workspace.contents(of: "Site") == expected)
    }

    @Test func aPageEditedByHandIsWrittenAgain() throws {
        let workspace = try Workspace(lessons: Self.course())
        #expect(try workspace.run(["build"]).status == 0)
        let expected = try workspace.contents(of: "Site")
        try Data("tampered".utf8).write(to: workspace.url("Site/02-second.html"))
        #expect(try workspace.run(["build"]).status == 0)
        #expect(try workspace.contents(of: "Site") == expected)
    }

    @Test func anotherVersionKeyMissesEveryEntry() throws {
        let folder = try TemporaryFolder(prefix: "replicalab-cache")
        let out = folder.url("Site").path
        let file = LessonFile(path: "Lessons/01-first.md", bytes: Array(Self.lesson(1, title: "First").utf8))
        let (verified, problems) = CourseVerifier.verify(file)
        let lesson = try #require(verified)
        #expect(problems.isEmpty)
        let old = BuildCache(output: out, salt: "engine 1")
        old.store(old.key(for: file), SiteRenderer.renderLesson(lesson), lesson.outline)
        var stored = SiteRenderer.renderLesson(lesson)
        #expect(old.article(old.key(for: file)) == stored.article)
        stored.article = []
        #expect(old.load(old.key(for: file))?.rendering == stored)

        let new = BuildCache(output: out, salt: "engine 2")
        #expect(new.key(for: file) != old.key(for: file))
        #expect(new.load(new.key(for: file)) == nil)
        #expect(new.article(new.key(for: file)) == nil)
        // Another lesson text or path is another key too.
        let edited = LessonFile(path: file.path, bytes: file.bytes + Array(" ".utf8))
        #expect(old.key(for: edited) != old.key(for: file))
        #expect(old.key(for: LessonFile(path: "Lessons/01-other.md", bytes: file.bytes)) != old.key(for: file))
    }

    @Test func parallelVerificationEqualsSequential() {
        let files = (1...9).map { number in
            LessonFile(
                path: "Lessons/0\(number)-l\(number).md",
                bytes: Array(
                    Self.lesson(number, title: "L\(number)", extra: number == 5 ? " [x](07-l7.md#nope)" : "").utf8))
        }
        let sequential = CourseVerifier.verify(files)
        #expect(!sequential.diagnostics.isEmpty, "one link is broken on purpose")
        // A report has no pictures: the parallel verification leaves out the states the scenarios went through.
        var expected = sequential
        expected.lessons = sequential.lessons.map(\.droppingStates)
        for jobs in [1, 2, 4] {
            #expect(ParallelVerifier.verify(files, jobs: jobs) == expected)
        }
    }
}

/// `watch` rebuilds after a save.
struct WatchTests {
    @Test func watchRebuildsAfterALessonChanges() throws {
        let workspace = try Workspace(lessons: BuildCacheTests.course())
        let executable = try #require(Executable.replicalab)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["watch", "--interval", "0.05", "--max-builds", "2"]
        process.currentDirectoryURL = workspace.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let page = workspace.url("Site/02-second.html")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: page.path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(FileManager.default.fileExists(atPath: page.path), "the first build wrote the site")
        try Data(BuildCacheTests.lesson(2, title: "Second, saved again").utf8)
            .write(to: workspace.url("Lessons/02-second.md"))
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning, "the second build ends the watch (--max-builds 2)")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Second, saved again"))
    }
}
