import BuiltInLessons
import Foundation
import ReplicaLabTestSupport
import Testing

/// The course inside the binary: the lessons are compiled in, so a learner with only `replicalab` can list and run
/// them from any folder; a `Lessons/` folder (or `--lessons DIR`) takes precedence, and the output says which is used.
@Suite(.serialized)
struct BuiltInCourseTests {
    /// The built-in course is the repository's `Lessons/`, byte for byte (escaping, line endings, non-ASCII text).
    @Test func builtInCourseIsTheLessonsFolderByteForByte() throws {
        let folder = Repository.url("Lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".md") && !$0.hasPrefix(".")
        }.sorted()
        #expect(BuiltInCourse.lessons.map(\.fileName) == names)
        for lesson in BuiltInCourse.lessons {
            let bytes = try Repository.data("Lessons/\(lesson.fileName)")
            #expect(lesson.bytes == [UInt8](bytes), "\(lesson.fileName) differs from the built-in copy")
        }
    }

    @Test func lessonsFromAnEmptyFolderWithOnlyTheBinary() throws {
        let workspace = try Workspace(lessons: nil, copyingExecutable: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root.path) == ["replicalab"])
        let result = try workspace.run(["lessons"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("no such file or directory"))
        #expect(result.stdout.hasPrefix("Lessons: the course built into replicalab"))
        #expect(result.stdout.contains("01  Partitions, leaders and followers\n"))
        #expect(result.stdout.contains("03  In-sync replicas\n"))
        #expect(result.stdout.contains("stalled-follower"))
        #expect(result.stdout.contains("replicalab run 01#"))
    }

    @Test func runStepFromAnEmptyFolderWithOnlyTheBinary() throws {
        let workspace = try Workspace(lessons: nil, copyingExecutable: true)
        let terminal = try PseudoTerminal(
            ["run", "03#stalled-follower", "--step"], in: workspace.root, executable: workspace.executable)
        try terminal.expect("== scenario stalled-follower (Lessons/03-in-sync-replicas.md:")
        // The header is over 100 characters and names the scenario's line in lesson 03, so where the terminal of
        // 100 columns breaks it depends on that lesson: expect its words, not the break.
        try terminal.expect("built into replicalab, Kafka")
        try terminal.expect("4.1)")
        try terminal.expect("step 1 of ")
        try terminal.expect("$ cluster brokers=3")
        terminal.type("\r")
        try terminal.expect("step 2 of ")
        terminal.type("t")
        try terminal.expect("Brokers")
        terminal.type("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func lessonsAreNamedByNumberSlugFileNameOrPathAndScenariosByNameOrNumber() throws {
        let workspace = try Workspace(lessons: nil, copyingExecutable: true)
        let expected = try workspace.run([
            "run", "Lessons/01-partitions-and-replicas.md", "--scenario", "kafka-placement",
        ])
        #expect(expected.status == 0, "\(expected.stderr)")
        #expect(expected.stdout.hasPrefix("== scenario kafka-placement ("))
        for arguments in [
            ["run", "1#kafka-placement"], ["run", "01#2"], ["run", "partitions-and-replicas#scenario-kafka-placement"],
            ["run", "01-partitions-and-replicas.md", "--scenario", "2"],
            ["run", "01", "--scenario", "kafka-placement"],
        ] {
            let result = try workspace.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == expected.stdout, "\(arguments)")
        }
        let missing = try workspace.run(["run", "09"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no lesson '09' in the course built into replicalab"))
        #expect(missing.stderr.contains("01-partitions-and-replicas, 02-producers-write-to-leaders"))
        // A path in another folder is that file, not the built-in lesson of the same name.
        let elsewhere = try workspace.run(["run", "drafts/01-partitions-and-replicas.md"])
        #expect(elsewhere.status == 2)
        #expect(
            elsewhere.stderr
                == "replicalab: error: cannot read drafts/01-partitions-and-replicas.md: No such file or directory (ENOENT)\n"
        )
        let noScenario = try workspace.run(["run", "01#7"])
        #expect(noScenario.status == 2)
        #expect(noScenario.stderr.contains("has no scenario '7' (a number from 1 to 6); it has: 1 slide-table,"))
    }

    @Test func aLessonsFolderTakesPrecedenceAndSaysSo() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let local = try workspace.run(["lessons"])
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.stdout.hasPrefix("Lessons: Lessons/ in this folder (--built-in lists the course"))
        #expect(local.stdout.contains("01  Intro\n    Lessons/01-intro.md\n    1  slide"))
        #expect(!local.stdout.contains("Partitions, leaders and followers"))
        let run = try workspace.run(["run", "1"])
        #expect(run.stdout.hasPrefix("== scenario slide (Lessons/01-intro.md:5:1, Kafka 4.1) =="), "\(run.stdout)")
        let builtIn = try workspace.run(["lessons", "--built-in"])
        #expect(builtIn.stdout.contains("01  Partitions, leaders and followers"))
        let builtInRun = try workspace.run(["run", "1#1", "--built-in"])
        #expect(builtInRun.stdout.hasPrefix("== scenario slide-table (Lessons/01-partitions-and-replicas.md:"))

        // --lessons DIR reads another folder; an author's folder without the lesson says what it has.
        try FileManager.default.createDirectory(at: workspace.url("other"), withIntermediateDirectories: true)
        try Data(Samples.goodLesson.utf8).write(to: workspace.url("other/07-seven.md"))
        let other = try workspace.run(["lessons", "--lessons", "other"])
        #expect(other.stdout.contains("07  Intro"))
        let otherRun = try workspace.run(["run", "seven#slide", "--lessons", "other"])
        #expect(otherRun.status == 0, "\(otherRun.stderr)")
        let absent = try workspace.run(["run", "03"])
        #expect(absent.status == 2)
        #expect(absent.stderr.contains("no lesson '03' in Lessons/ in this folder"))
    }
}
