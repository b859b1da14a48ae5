import Foundation
import ReplicaLabTestSupport
import Testing

/// `replicalab exercise` and `replicalab check` on exercise blocks, end to end.
struct ExerciseCommandTests {
    static let lesson = """
        # Fencing

        A crashed broker leaves the ISR once the controller fences it.

        ```exercise fence-it
        # task
        Get broker 2 out of the ISR of `t-0`.
        # start
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        # goal
        expect isr t-0 == 0,1
        expect lost t-0 == none
        # solution
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        crash 2
        advance 9s
        ```

        """

    static let start = "cluster brokers=3\ntopic t partitions=1 replication-factor=3\n"

    static func workspace(_ lesson: String = lesson) throws -> Workspace {
        try Workspace(lessons: ["01-fencing.md": lesson])
    }

    @Test func withoutAScriptItPrintsTheTaskAndTheStartAsAScript() throws {
        let folder = try Self.workspace()
        let result = try folder.run(["exercise", "01#fence-it"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Exercise 01#fence-it\n#\n# Get broker 2 out of the ISR of `t-0`.\n"))
        #expect(result.stdout.hasSuffix("\n\n" + Self.start))
        #expect(!result.stdout.contains("expect"), "the goals are not shown")
        #expect(!result.stdout.contains("crash 2"), "the solution is not shown")
        // What it prints is a script the learner can check as it is: it does not meet the goals yet.
        let checked = try folder.run(["exercise", "01#fence-it", "-"], input: result.stdout)
        #expect(checked.status == 1, "\(checked.stderr)")
    }

    @Test func aScriptThatMeetsEveryGoalIsAccepted() throws {
        let folder = try Self.workspace()
        try folder.write("answer.scenario", Self.start + "crash 2\nadvance 10s\n")
        let result = try folder.run(["exercise", "fencing#fence-it", "answer.scenario"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("$ crash 2\n"))
        #expect(result.stdout.contains("✓ expect isr t-0 == 0,1\n✓ expect lost t-0 == none\n"))
        #expect(result.stdout.hasSuffix("Accepted: your script meets every goal.\n"))
    }

    @Test func aRejectedScriptIsToldWhichGoalFailedItsActualValueAndWhy() throws {
        let folder = try Self.workspace()
        // 8 s: broker 2's session has not expired yet, so it is still in the ISR.
        let result = try folder.run(["exercise", "01#fence-it", "-"], input: Self.start + "crash 2\nadvance 8s\n")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("✗ expect isr t-0 == 0,1 (actual: 0,1,2)\n"))
        #expect(result.stdout.contains("  expectation failed: ISR of t-0 is 0,1,2, expected 0,1\n"))
        #expect(result.stdout.contains("  Why (explain t-0):\n    B0 leads t-0"))
        #expect(result.stdout.contains("✓ expect lost t-0 == none\n"))
        #expect(result.stdout.hasSuffix("Not accepted: 1 of 2 goals not met.\n"))
    }

    @Test func aScriptThatDoesNotParseIsBadInputAtItsLocation() throws {
        let folder = try Self.workspace()
        let result = try folder.run(["exercise", "01#fence-it", "-"], input: "clster brokers=3\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:1:1: error: unknown command 'clster'\n"))
        #expect(!result.stdout.contains("Goals"))
    }

    @Test func aMalformedExerciseCannotBeUsed() throws {
        let lesson = Self.lesson.replacingOccurrences(of: "expect lost t-0 == none", with: "crash 0")
        let result = try Self.workspace(lesson).run(["exercise", "01#fence-it", "-"], input: Self.start)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "Lessons/01-fencing.md:13:1: error: a goal is an 'expect' line; 'crash 0' would change the reader's cluster"
            ))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownExerciseIsBadInputWithASuggestion() throws {
        let folder = try Self.workspace()
        let result = try folder.run(["exercise", "01#fence"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no exercise 'fence' (did you mean 'fence-it'?); it has: 1 fence-it"))
        let missing = try folder.run(["exercise", "01"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("name an exercise after '#'"))
    }

    @Test func theBuiltInCourseHasAnExerciseForLesson03() throws {
        let folder = try Workspace(lessons: [:])
        let result = try folder.run(["exercise", "03#1", "--built-in"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Exercise 03#"))
    }

    @Test func lessonsListsTheExercises() throws {
        let result = try Self.workspace().run(["lessons"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("    exercise fence-it\n"))
        #expect(result.stdout.contains("'replicalab exercise 01#fence-it' prints its task and start."))
    }

    @Test func junitHasATestCasePerExercise() throws {
        let lesson = Self.lesson.replacingOccurrences(of: "advance 9s", with: "advance 8s")
        let result = try Self.workspace(lesson).run(["check", "--format", "junit"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("<testcase classname=\"Lessons/01-fencing.md\" name=\"exercise fence-it (line 5)\">")
        )
        #expect(!result.stdout.contains("name=\"lesson\""), "the failure belongs to the exercise")
    }

    @Test func jsonListsTheExercisesOfALesson() throws {
        let result = try Self.workspace().run(["check", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let lesson = try #require((document["lessons"] as? [[String: Any]])?.first)
        let exercise = try #require((lesson["exercises"] as? [[String: Any]])?.first)
        #expect(exercise["name"] as? String == "fence-it")
        #expect(exercise["verified"] as? Bool == true)
        #expect(exercise["solutions"] as? Int == 1)
    }

    @Test func checkCountsAVerifiedExercise() throws {
        let result = try Self.workspace().run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "1 lesson, 0 scenarios, 0 expectations, 1 exercise: all verified\n")
    }

    @Test func checkReportsASolutionThatMissesAGoalAtTheGoal() throws {
        let lesson = Self.lesson.replacingOccurrences(of: "advance 9s", with: "advance 8s")
        let result = try Self.workspace(lesson).run(["check"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Lessons/01-fencing.md:12:19: error: solution 1 does not meet this goal: expectation failed: ISR of t-0 is 0,1,2, expected 0,1\n"
            ))
        #expect(
            result.stderr.contains(
                "Lessons/01-fencing.md:14:1: note: the solution is here\nexplain t-0:\n  B0 leads t-0"))
    }

    @Test func checkReportsAStartThatAlreadyMeetsTheGoals() throws {
        let lesson = Self.lesson.replacingOccurrences(
            of: "replication-factor=3\n# goal", with: "replication-factor=3\ncrash 2\nadvance 9s\n# goal")
        let result = try Self.workspace(lesson).run(["check"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Lessons/01-fencing.md:8:1: error: the starting script already meets every goal: the reader would have nothing to do\n"
            ))
    }

    @Test func checkReportsAMalformedExerciseAsBadInput() throws {
        let lesson = Self.lesson.replacingOccurrences(of: "# solution\n", with: "produce t\n")
            .replacingOccurrences(of: "```exercise fence-it\n", with: "```exercise fence-it\nstray\n")
        let result = try Self.workspace(lesson).run(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Lessons/01-fencing.md:6:1: error: this line belongs to no section"))
        #expect(result.stderr.contains("Lessons/01-fencing.md:5:1: error: an exercise needs at least one '# solution'"))
        #expect(
            result.stderr.contains(
                "Lessons/01-fencing.md:15:1: error: a goal is an 'expect' line; 'produce t' would change the reader's cluster"
            ))
    }
}
