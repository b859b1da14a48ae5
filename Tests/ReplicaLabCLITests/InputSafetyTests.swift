import Foundation
import ReplicaLabTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What `run`, `check` and `build` read: only regular files, whole, within budget; and a file that cannot be read is
/// a located problem that says why, which every report format carries.
struct InputSafetyTests {
    @Test func runRefusesAFIFO() throws {
        let workspace = try Workspace(lessons: [:])
        #expect(mkfifo(workspace.url("pipe.scenario").path, 0o600) == 0)
        let result = try workspace.run(["run", "pipe.scenario"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "replicalab: error: pipe.scenario is a FIFO (named pipe), not a regular file: refusing to read it\n")
    }

    @Test func runRefusesADevice() throws {
        let workspace = try Workspace(lessons: [:])
        let result = try workspace.run(["run", "/dev/null"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/dev/null is a character device, not a regular file"))
    }

    /// `/proc` files say they are empty; they are read to their end.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/version"), "no /proc on this system"))
    func runReadsAProcFileToItsEnd() throws {
        let workspace = try Workspace(lessons: [:])
        let result = try workspace.run(["run", "/proc/version"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("/proc/version:1:1: error: unknown command "), "\(result.stderr)")
    }

    /// A 1 KB lesson whose steps each draw a thousand brokers would make a page of hundreds of megabytes: the
    /// rendering stops as the page passes its budget, and nothing is written.
    @Test func aPageThatPassesItsBudgetStopsTheRenderingAndWritesNothing() throws {
        let crashes = (1...80).map { "crash \($0)" }.joined(separator: "\n")
        let lesson = """
            # Big

            ```scenario s
            cluster brokers=1000 racks=3
            topic t partitions=1 replication-factor=1
            \(crashes)
            ```

            """
        let workspace = try Workspace(lessons: ["01-big.md": lesson])
        let result = try workspace.run(["build", "--no-cache"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "\nLessons/01-big.md:1:1: error: this lesson's page passed the budget of 16777216 bytes for one page (the rendering stopped at "
            ), "\(result.stderr)")
        #expect(result.stderr.contains("nothing written to Site: the site would be too large"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url("Site").path))
    }

    @Test func standardInputHasTheLessonInputBudget() throws {
        let workspace = try Workspace(lessons: [:])
        let result = try workspace.run(["run", "-"], input: String(repeating: "# comment line\n", count: 100_000))
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "<stdin>:1:1: error: this file is larger than 1048576 bytes, the budget for one lesson or script; split the lesson\n"
            ), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownHugeCommandIsNotEchoedWhole() throws {
        let workspace = try Workspace(lessons: [:])
        let result = try workspace.run(["run", "-"], input: String(repeating: "x", count: 900_000) + "\n")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("<stdin>:1:1: error: unknown command 'xxx"))
        #expect(result.stderr.utf8.count < 3_000, "\(result.stderr.utf8.count) bytes")
    }

    @Test(arguments: ["json", "junit", "github"])
    func reportsStayValidWhenAFileCannotBeRead(_ format: String) throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let result = try workspace.run(["check", "Lessons", "missing.md", "--format", format])
        #expect(result.status == 2)
        let message = "cannot read missing.md: No such file or directory (ENOENT)"
        switch format {
        case "json":
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
            let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.contains { $0["message"] as? String == message })
            #expect((object["lessons"] as? [Any])?.count == 1, "the readable lesson is still checked")
        case "junit":
            #expect(XMLParser(data: Data(result.stdout.utf8)).parse(), "\(result.stdout)")
            #expect(result.stdout.contains(message))
        default:
            #expect(result.stdout.hasPrefix("::error file=missing.md,line=1,col=1,"), "\(result.stdout)")
        }
    }

    @Test func oneUnreadableLessonDoesNotStopTheCheck() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        // A link to itself: opening it fails with ELOOP.
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url("Lessons/02-loop.md").path, withDestinationPath: "02-loop.md")
        let result = try workspace.run(["check"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == """
                Lessons/02-loop.md:1:1: error: cannot read Lessons/02-loop.md: Too many levels of symbolic links (ELOOP)
                1 lesson, 1 scenario, 2 expectations: 1 error

                """)
    }

    /// The lesson of the adversarial review: 8 KB, 1,000 partitions × RF 5, hundreds of steps. It needed 793 MB to
    /// check and 1.5 GB and 18 s to build (a 252 MB page); now the lesson budget stops it at a step.
    @Test func aSmallLessonThatWouldNeedGigabytesStopsAtItsBudget() throws {
        let steps = String(repeating: "advance 1ms\n", count: 988)
        let lesson =
            "# Big\n\n```scenario s\ncluster brokers=5\ntopic t partitions=1000 replication-factor=5\n\(steps)```\n"
        let workspace = try Workspace(lessons: ["01-big.md": lesson])
        let result = try workspace.run(["build"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "Lessons/01-big.md:54:1: error: this step takes the lesson to 250001 partition replicas kept in step snapshots"
            ), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.url("Site").path))
    }
}
