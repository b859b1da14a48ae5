import Foundation
import Testing

/// End-to-end tests of the built `replicalab` executable, run in temporary folders.
struct ReplicaLabTests {
    static let goodLesson = """
        # Intro

        Some prose.

        ```scenario slide
        cluster brokers=6 racks=2
        topic t partitions=10 replication-factor=3 placement=admin-utils
        expect replicas t-6 == 0,4,2
        expect leader t-0 == 0
        ```

        ```output
        $ cluster brokers=6 racks=2
        6 brokers: R1 = 0,1,2; R2 = 3,4,5
        $ topic t partitions=10 replication-factor=3 placement=admin-utils
        Created topic t.
        ```

        """

    static let issueScript = """
        cluster brokers=6 racks=2
        topic t partitions=10 replication-factor=3 placement=admin-utils
        expect replicas t-6 == 0,4,2

        """

    @Test func checkPassesOnAGoodLesson() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Self.goodLesson])
        let result = try folder.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "1 lesson, 1 scenario, 2 expectations: all verified\n")
    }

    @Test func checkFailsWithTheLocationOfAWrongExpectation() throws {
        let lesson = Self.goodLesson.split(separator: "0,4,2").joined(separator: "0,3,1")
        let folder = try Workspace(lessons: ["01-intro.md": lesson])
        let result = try folder.run(["check"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Lessons/01-intro.md:8:24: error: expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1\n"))
        #expect(result.stderr.hasSuffix("1 lesson, 1 scenario, 2 expectations: 1 error in 1 scenario\n"))
    }

    @Test func checkFailsWithADiffOnAWrongOutputBlock() throws {
        let lesson = Self.goodLesson.split(separator: "Created topic t.").joined(separator: "Created topic x.")
        let folder = try Workspace(lessons: ["01-intro.md": lesson])
        let result = try folder.run(["check", "Lessons/01-intro.md"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Lessons/01-intro.md:16:1: error: output of scenario 'slide' differs"))
        #expect(result.stderr.contains("-Created topic x."))
        #expect(result.stderr.contains("+Created topic t."))
    }

    @Test func checkGivesASuggestionForAMisspeltCommand() throws {
        let lesson = Self.goodLesson.split(separator: "topic t partitions").joined(separator: "topik t partitions")
        let folder = try Workspace(lessons: ["01-intro.md": lesson])
        let result = try folder.run(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Lessons/01-intro.md:7:1: error: unknown command 'topik'\n"))
        #expect(result.stderr.contains("Lessons/01-intro.md:7:1: note: did you mean 'topic'?\n"))
    }

    @Test func checkOfAMissingPathIsAnInputError() throws {
        let folder = try Workspace(lessons: [:])
        let result = try folder.run(["check", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope"))
    }

    @Test func runFromStandardInputPasses() throws {
        let folder = try Workspace(lessons: [:])
        let result = try folder.run(["run", "-"], input: Self.issueScript)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("$ cluster brokers=6 racks=2\n6 brokers: R1 = 0,1,2; R2 = 3,4,5\n"))
        #expect(result.stdout.contains("Created topic t.\n"))
    }

    @Test func runFromStandardInputFailsOnAWrongClaim() throws {
        let folder = try Workspace(lessons: [:])
        let script = Self.issueScript.split(separator: "0,4,2").joined(separator: "0,3,1")
        let result = try folder.run(["run", "-"], input: script)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("<stdin>:3:24: error: expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1"))
    }

    @Test func runALessonPrintsItsTranscript() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Self.goodLesson])
        let result = try folder.run(["run", "Lessons/01-intro.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("$ topic t partitions=10 replication-factor=3 placement=admin-utils\n"))
        #expect(result.stdout.contains("Created topic t.\n"))
    }

    /// `run` prints a scenario's comments where they stand, above the statement they belong to.
    @Test func runPrintsTheNarrationAboveItsStatement() throws {
        let folder = try Workspace(lessons: [:])
        let script = """
            cluster brokers=3
            # The slides' placement.
            topic t partitions=1 replication-factor=3 placement=round-robin
            # Broker 0 leads.
            expect leader t-0 == 0

            """
        let result = try folder.run(["run", "-"], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                $ cluster brokers=3
                3 brokers: 0,1,2
                # The slides' placement.
                $ topic t partitions=1 replication-factor=3 placement=round-robin
                Created topic t.
                # Broker 0 leads.
                ✓ expect leader t-0 == 0

                """)
    }

    @Test func buildWritesTheSite() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Self.goodLesson])
        let result = try folder.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: folder.url("Site/index.html"), encoding: .utf8)
        #expect(index.contains("Intro"))
        #expect(FileManager.default.fileExists(atPath: folder.url("Site/01-intro.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.url("Site/style.css").path))
    }

    @Test func buildTwiceIsByteIdentical() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Self.goodLesson])
        #expect(try folder.run(["build", "--lessons", "Lessons", "--out", "Out"]).status == 0)
        let first = try folder.contents(of: "Out")
        #expect(try folder.run(["build", "--lessons", "Lessons", "--out", "Out"]).status == 0)
        let second = try folder.contents(of: "Out")
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func buildRefusesToWriteWhenVerificationFails() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Self.goodLesson])
        #expect(try folder.run(["build"]).status == 0)
        try Data("keep me".utf8).write(to: folder.url("Site/marker.txt"))
        let before = try folder.contents(of: "Site")
        let wrong = Self.goodLesson.split(separator: "0,4,2").joined(separator: "0,3,1")
        try Data(wrong.utf8).write(to: folder.url("Lessons/01-intro.md"))
        let result = try folder.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing written to Site"))
        #expect(try folder.contents(of: "Site") == before)
    }

    @Test func updateRefusesInCIUnlessForced() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Self.goodLesson])
        let refused = try workspace.run(["check", "--update"], environment: ["CI": "true"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--update refuses to run in CI (CI=true)"))
        let forced = try workspace.run(["check", "--update", "--force"], environment: ["CI": "true"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try Workspace(lessons: [:]).run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("replicalab "))
        #expect(result.stdout.split(separator: " ").count == 2)
    }

    @Test(arguments: [["chek"], ["check", "--bogus"], ["run"], ["build", "--out"], ["run", "a", "b"]])
    func usageErrorsExitWith2(_ arguments: [String]) throws {
        let result = try Workspace(lessons: [:]).run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test(arguments: ["check", "build", "run"])
    func everyCommandHasHelpWithExamples(_ command: String) throws {
        let result = try Workspace(lessons: [:]).run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("replicalab \(command)"))
        #expect(result.stdout.contains("Example"))
    }
}

/// A temporary folder with a `Lessons/` subfolder, in which the executable runs; removed when released.
final class Workspace {
    let root: URL
    /// The build cache the runs use (`REPLICALAB_CACHE_DIR`), outside `root` as the real one is.
    let cacheRoot: URL

    deinit {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: cacheRoot)
    }

    /// The cache folder of a site folder of this workspace.
    func cacheFolder(for site: String = "Site") throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cacheRoot.path)
        let name = try #require(names.first { $0.hasPrefix(site + "-") }, "no cache folder for \(site) in \(names)")
        return cacheRoot.appendingPathComponent(name)
    }

    init(lessons: [String: String]) throws {
        let id = UUID().uuidString
        root = FileManager.default.temporaryDirectory.appendingPathComponent("replicalab-tests-\(id)")
        cacheRoot = FileManager.default.temporaryDirectory.appendingPathComponent("replicalab-cache-\(id)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        for (name, text) in lessons {
            try Data(text.utf8).write(to: root.appendingPathComponent("Lessons/\(name)"))
        }
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Every file under `relative`, by relative path.
    func contents(of relative: String) throws -> [String: Data] {
        let base = url(relative)
        var result: [String: Data] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: base.path)
        for name in names {
            var isDirectory: ObjCBool = false
            let path = base.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `replicalab` with `arguments` in this folder; input and output go through files so nothing can block.
    func run(_ arguments: [String], input: String = "", environment extra: [String: String] = [:]) throws -> Result {
        let executable = try #require(Executable.replicalab, "cannot find the built replicalab executable")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["REPLICALAB_CACHE_DIR"] = cacheRoot.path
        // Tests decide for themselves whether they run "in CI" (check --update refuses there).
        environment["CI"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let token = UUID().uuidString
        let inURL = root.appendingPathComponent(".stdin-\(token)")
        let outURL = root.appendingPathComponent(".stdout-\(token)")
        let errURL = root.appendingPathComponent(".stderr-\(token)")
        try Data(input.utf8).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        defer {
            for url in [inURL, outURL, errURL] { try? FileManager.default.removeItem(at: url) }
        }
        let stdin = try FileHandle(forReadingFrom: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        for handle in [stdin, out, err] { try handle.close() }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Finds the `replicalab` executable the package built alongside these tests.
enum Executable {
    static let replicalab: URL? = locate()

    private static func locate() -> URL? {
        var folders: [URL] = []
        // The test runner lives in the build products folder (`.build/<triple>/debug/…xctest`).
        if let runner = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            for _ in 0..<3 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // Fall back to the package's own `.build/debug`, searching upward from this file.
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            folders.append(folder.appendingPathComponent(".build/debug"))
            folder = folder.deletingLastPathComponent()
        }
        return folders.map { $0.appendingPathComponent("replicalab") }.first {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }
}
