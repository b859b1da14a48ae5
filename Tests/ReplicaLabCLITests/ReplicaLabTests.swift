import Foundation
import ReplicaLabTestSupport
import Testing

/// End-to-end tests of the built `replicalab` executable, run in temporary folders.
struct ReplicaLabTests {
    @Test func checkPassesOnAGoodLesson() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let result = try folder.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "1 lesson, 1 scenario, 2 expectations: all verified\n")
    }

    @Test func checkFailsWithTheLocationOfAWrongExpectation() throws {
        let lesson = Samples.goodLesson.split(separator: "0,4,2").joined(separator: "0,3,1")
        let folder = try Workspace(lessons: ["01-intro.md": lesson])
        let result = try folder.run(["check"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Lessons/01-intro.md:8:24: error: expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1\n"))
        #expect(result.stderr.hasSuffix("1 lesson, 1 scenario, 2 expectations: 1 error in 1 scenario\n"))
    }

    @Test func checkFailsWithADiffOnAWrongOutputBlock() throws {
        let lesson = Samples.goodLesson.split(separator: "Created topic t.").joined(separator: "Created topic x.")
        let folder = try Workspace(lessons: ["01-intro.md": lesson])
        let result = try folder.run(["check", "Lessons/01-intro.md"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Lessons/01-intro.md:16:1: error: output of scenario 'slide' differs"))
        #expect(result.stderr.contains("-Created topic x."))
        #expect(result.stderr.contains("+Created topic t."))
    }

    @Test func checkGivesASuggestionForAMisspeltCommand() throws {
        let lesson = Samples.goodLesson.split(separator: "topic t partitions").joined(separator: "topik t partitions")
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
        let result = try folder.run(["run", "-"], input: Samples.placementScript)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("$ cluster brokers=6 racks=2\n6 brokers: R1 = 0,1,2; R2 = 3,4,5\n"))
        #expect(result.stdout.contains("Created topic t.\n"))
    }

    @Test func runTakesASeedForAScriptAndOneForLessonsIsRefused() throws {
        let folder = try Workspace(lessons: ["01-a.md": Samples.goodLesson])
        let script = "cluster brokers=3\ntopic t partitions=1 replication-factor=3\ndescribe t\n"
        let standard = try folder.run(["run", "-"], input: script)
        let one = try folder.run(["run", "-", "--seed", "1"], input: script)
        let two = try folder.run(["run", "-", "--seed", "2"], input: script)
        #expect(standard.status == 0 && two.status == 0, "\(standard.stderr)\(two.stderr)")
        #expect(standard.stdout == one.stdout)
        // Topic ids come from the seed.
        #expect(standard.stdout != two.stdout)
        let lesson = try folder.run(["run", "01", "--seed", "2"])
        #expect(lesson.status == 2)
        #expect(lesson.stderr.contains("--seed applies to scripts"))
    }

    /// `run --kafka A,B`: the first release's transcript, then the steps that differ side by side; each run's
    /// failed expectations are reported (the second's naming its release); unknown releases are usage errors.
    @Test func runComparesTwoKafkaReleases() throws {
        let folder = try Workspace(lessons: [:])
        let script = """
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            crash 2
            advance 10s
            crash 1
            advance 10s
            expect isr t-0 == 0

            """
        let result = try folder.run(["run", "-", "--kafka", "3.6,4.1"], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("== Kafka 3.6 ==\n$ cluster brokers=3\n"))
        #expect(
            result.stdout.contains("== Kafka 3.6 and 4.1, side by side ==\nKafka 3.6 and 4.1 differ in 1 of 7 steps:"))
        #expect(result.stdout.contains("line 6: $ advance 10s\n"))
        let failing = try folder.run(
            ["run", "-", "--kafka", "3.6,4.1"],
            input: script + "produce t partition=0 value=b acks=1\nexpect hw t-0 == 1\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("<stdin>:9:18: error: on Kafka 4.1: expectation failed"), "\(failing.stderr)")
        for bad in ["5.0", "4.1,4.1", "3.6,4.0,4.1"] {
            let refused = try folder.run(["run", "-", "--kafka", bad], input: script)
            #expect(refused.status == 2, "\(bad)")
            #expect(refused.stderr.contains("--kafka"), "\(refused.stderr)")
        }
    }

    @Test func runFromStandardInputFailsOnAWrongClaim() throws {
        let folder = try Workspace(lessons: [:])
        let script = Samples.placementScript.split(separator: "0,4,2").joined(separator: "0,3,1")
        let result = try folder.run(["run", "-"], input: script)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("<stdin>:3:24: error: expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1"))
    }

    @Test func runALessonPrintsItsTranscript() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
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
        let folder = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let result = try folder.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: folder.url("Site/index.html"), encoding: .utf8)
        #expect(index.contains("Intro"))
        #expect(FileManager.default.fileExists(atPath: folder.url("Site/01-intro.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.url("Site/style.css").path))
    }

    @Test func buildTwiceIsByteIdentical() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        #expect(try folder.run(["build", "--lessons", "Lessons", "--out", "Out"]).status == 0)
        let first = try folder.contents(of: "Out")
        #expect(try folder.run(["build", "--lessons", "Lessons", "--out", "Out"]).status == 0)
        let second = try folder.contents(of: "Out")
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func buildRefusesToWriteWhenVerificationFails() throws {
        let folder = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        #expect(try folder.run(["build"]).status == 0)
        try Data("keep me".utf8).write(to: folder.url("Site/marker.txt"))
        let before = try folder.contents(of: "Site")
        let wrong = Samples.goodLesson.split(separator: "0,4,2").joined(separator: "0,3,1")
        try Data(wrong.utf8).write(to: folder.url("Lessons/01-intro.md"))
        let result = try folder.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing written to Site"))
        #expect(try folder.contents(of: "Site") == before)
    }

    @Test func updateRefusesInCIUnlessForced() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
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
