import Course
import Diagnostics
import ScenarioLanguage
import Testing

@testable import Course

/// Budgets bound what adds up across a lesson's scenarios and a course's lessons; passing one is a located input
/// error, never a memory spike or a crash.
struct BudgetTests {
    static func file(_ text: String, path: String = "Lessons/01-a.md") -> LessonFile {
        LessonFile(path: path, bytes: Array(text.utf8))
    }

    /// A small lesson that keeps a big cluster in many step snapshots: 1,000 partitions × RF 5 is 5,000 replicas
    /// per step, within every scenario cap, so only the lesson budget stops it.
    static let hugeLesson: String = {
        let steps = String(repeating: "advance 1ms\n", count: 60)
        return """
            # Huge

            ```scenario first
            cluster brokers=5
            topic t partitions=1000 replication-factor=5
            \(steps)```

            ```scenario second
            cluster brokers=1
            ```

            """
    }()

    @Test func aLessonThatKeepsTooManySnapshotsStopsAtTheStepThatPassesTheBudget() throws {
        let (lesson, diagnostics) = CourseVerifier.verify(Self.file(Self.hugeLesson))
        let budget = try #require(diagnostics.first { $0.message.contains("more than the lesson's budget of 250000") })
        // Step 1 (no topics) costs 1, every later step 5,000: the 51st step (file line 54) passes 250,000.
        #expect(budget.location == SourceLocation(file: "Lessons/01-a.md", line: 54, column: 1))
        #expect(budget.kind == .input)
        #expect(budget.notes.map(\.message) == [Budgets.whereToRaise])
        let verified = try #require(lesson)
        #expect(verified.scenarios[0].transcript.steps.count == 51)
        #expect(verified.scenarios[0].outputMatches == nil)
        // The next scenario is not run, and says so.
        let notRun = try #require(verified.scenarios[1].diagnostics.first)
        #expect(notRun.message == "this scenario was not run: the lesson passed a budget at line 54")
        #expect(verified.scenarios[1].transcript.steps.isEmpty)
        #expect(diagnostics.exitCode == 2)
    }

    @Test func budgetErrorsSayWhatTheBudgetIsAndHowToRaiseItNotWhereItIsDefined() throws {
        let (_, diagnostics) = CourseVerifier.verify(Self.file(Self.hugeLesson))
        let budgets = Budgets.standard
        let all =
            diagnostics + [budgets.inputTooLarge("a.md"), budgets.courseInputTooLarge("a.md", total: 1)]
            + budgets.renderedDiagnostics(pages: [(path: "a.md", bytes: Int.max / 2)], otherBytes: 0)
        for diagnostic in all {
            for text in [diagnostic.message] + diagnostic.notes.map({ $0.message }) {
                #expect(!text.contains("Budgets."), "\(text)")
                #expect(!text.contains("Sources/"), "\(text)")
                #expect(!text.contains(".swift"), "\(text)")
            }
        }
        let note = try #require(all.first?.notes.first?.message)
        #expect(note.contains("REPLICALAB_LIMIT_SCALE=<n> (1 to 1000) multiplies every budget"))
    }

    @Test func theLimitScaleMultipliesTheBudgets() {
        #expect(Budgets(limits: Limits(scale: 3)).lessonSnapshotReplicas == 3 * Budgets.standard.lessonSnapshotReplicas)
        #expect(Budgets(limits: Limits(scale: 3)).courseRenderedBytes == 3 * Budgets.standard.courseRenderedBytes)
        // 300,001 snapshot replicas pass the standard lesson budget, not twice that.
        let (lesson, diagnostics) = CourseVerifier.verify(Self.file(Self.hugeLesson), limits: Limits(scale: 2))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(lesson?.cost.snapshotReplicas == 1 + 61 * 5_000 + 1)
    }

    /// Two scenarios of 5,000-replica steps: `first` with `firstSteps` `advance 1ms` lines, `second` with 20
    /// `advance 2ms` lines (a text of its own, so a run of its own). The second passes the lesson's snapshot budget
    /// only when the first keeps more than about 145,000 replicas.
    static func twoScenarios(firstSteps: Int) -> String {
        func scenario(_ name: String, steps: Int, advance: String) -> String {
            "```scenario \(name)\ncluster brokers=5\ntopic t partitions=1000 replication-factor=5\n"
                + String(repeating: "advance \(advance)\n", count: steps) + "```\n"
        }
        return "# Two\n\n" + scenario("first", steps: firstSteps, advance: "1ms") + "\n"
            + scenario("second", steps: 20, advance: "2ms")
    }

    /// A reused run costs what running it again would: editing an earlier scenario moves where a later one passes the
    /// budget (or whether it does), and verifying with kept runs (as the language server does) reports exactly what
    /// `check` reports.
    @Test func reusedRunsCountAgainstTheBudgetAsRunningThemAgainWould() {
        var runs = ScenarioRuns()
        func verify(_ text: String) -> (VerifiedLesson?, [Diagnostic]) {
            let file = Self.file(text)
            let kept = CourseVerifier.verify(file, reusing: &runs, checkingCancellation: {})
            let fresh = CourseVerifier.verify(file)
            #expect(kept.0 == fresh.0)
            #expect(kept.1 == fresh.1)
            return kept
        }
        let small = Self.twoScenarios(firstSteps: 20)
        #expect(verify(small).1.isEmpty)
        #expect(runs.executedCount == 2)
        // Nothing changed: both runs are reused, and cost the same.
        let (again, _) = verify(small)
        #expect(runs.executedCount == 2)
        #expect(again?.cost.snapshotReplicas == 2 * (1 + 21 * 5_000))

        // A longer first scenario: the second, whose text did not change, now passes the budget at its 18th advance.
        let (lesson, diagnostics) = verify(Self.twoScenarios(firstSteps: 30))
        #expect(runs.executedCount == 4)
        #expect(diagnostics.map { $0.location.line } == [58])
        #expect(diagnostics.first?.message.hasPrefix("this step takes the lesson to 250002 partition replicas") == true)
        #expect(lesson?.scenarios[1].transcript.steps.count == 20)

        // Back to the short first scenario: the stopped run of the second is not reused, it runs to its end again.
        #expect(verify(small).1.isEmpty)
        #expect(runs.executedCount == 6)
    }

    /// A lesson whose first exercise's starting script keeps 5,000 replicas in each of 62 steps, and a small second
    /// exercise.
    static let bigExercise: String = {
        func exercise(_ name: String, start: String) -> String {
            "```exercise \(name)\n# task\nGrow.\n# start\n\(start)# goal\nexpect hw t-0 == 1\n"
                + "# solution\ncluster brokers=1\ntopic t partitions=1 replication-factor=1\nproduce t value=a\n```\n"
        }
        let big = "cluster brokers=5\ntopic t partitions=1000 replication-factor=5\n"
        return "# Ex\n\n" + exercise("big", start: big + String(repeating: "advance 1ms\n", count: 60)) + "\n"
            + exercise("later", start: "cluster brokers=1\n")
    }()

    /// The scripts an exercise judges count against the lesson's budgets, after its scenarios: without that, a small
    /// lesson of exercises that each burn the engine-work cap took seconds per exercise to check.
    @Test func exercisesCountAgainstTheLessonsBudgets() throws {
        let (lesson, diagnostics) = CourseVerifier.verify(Self.file(Self.bigExercise))
        let budget = try #require(diagnostics.first { $0.message.contains("more than the lesson's budget of 250000") })
        // Step 1 costs 1, step 2 and every `advance` 5,000: the 49th advance (file line 57) passes 250,000.
        #expect(budget.location == SourceLocation(file: "Lessons/01-a.md", line: 57, column: 1))
        #expect(
            budget.message.hasSuffix("this exercise's later scripts and later exercises of this lesson are not run"))
        #expect(budget.kind == .input)
        #expect(diagnostics.exitCode == 2)
        let notRun = try #require(diagnostics.first { $0.location.line > 57 })
        #expect(notRun.message == "this exercise was not run: the lesson passed a budget at line 57")
        #expect(try #require(lesson).cost.snapshotReplicas == 250_001)
    }

    @Test func theCourseBudgetsAreLocatedAtTheLessonThatPassesThem() {
        func outline(_ number: Int, replicas: Int, work: Int) -> LessonOutline {
            LessonOutline(
                path: "Lessons/0\(number)-a.md", number: number, slug: "a", anchors: [], links: [],
                cost: LessonCost(snapshotReplicas: replicas, engineWork: work))
        }
        let budgets = Budgets.standard
        let half = budgets.courseSnapshotReplicas / 2
        let outlines = [
            outline(1, replicas: half, work: 10), outline(2, replicas: half, work: budgets.courseEngineWork),
            outline(3, replicas: 1, work: 1), outline(4, replicas: 1, work: 1),
        ]
        let diagnostics = budgets.courseDiagnostics(outlines)
        #expect(
            diagnostics.map(\.location.file) == ["Lessons/02-a.md", "Lessons/03-a.md"],
            "\(diagnostics.map(\.message))")
        #expect(diagnostics[0].message.contains("engine work, more than the course's budget of 400000000"))
        #expect(diagnostics[1].message.contains("step snapshots, more than the course's budget of 10000000"))
    }

    @Test func renderedPagesPastTheirBudgetsAreLocatedAtTheirLessons() {
        let budgets = Budgets.standard
        let pages = [
            (path: "Lessons/01-a.md", bytes: 10), (path: "Lessons/02-b.md", bytes: budgets.lessonRenderedBytes + 1),
        ]
        let diagnostics = budgets.renderedDiagnostics(pages: pages, otherBytes: budgets.courseRenderedBytes - 20)
        #expect(diagnostics.map(\.location.file) == ["Lessons/02-b.md", "Lessons/02-b.md"])
        #expect(diagnostics[0].message.contains("more than the budget of 16777216 for one page"))
        #expect(diagnostics[1].message.contains("more than the site's budget of 1073741824"))
        #expect(budgets.renderedDiagnostics(pages: [(path: "Lessons/01-a.md", bytes: 10)], otherBytes: 0).isEmpty)
    }
}

/// Scenario names whose anchors collide would give the page duplicate element ids: links and the stepper would
/// jump to the wrong scenario.
struct ScenarioAnchorCollisionTests {
    @Test(arguments: [
        ("a_b", "a-b", "scenario name 'a-b' gives the page anchor '#scenario-a-b', which 'a_b' already has"),
        ("A.B", "a-b", "scenario name 'a-b' gives the page anchor '#scenario-a-b', which 'A.B' already has"),
    ])
    func namesWithTheSameSlugAreAnError(_ first: String, _ second: String, _ message: String) throws {
        let text =
            "# T\n\n```scenario \(first)\ncluster brokers=1\n```\n\n```scenario \(second)\ncluster brokers=1\n```\n"
        let (_, diagnostics) = CourseVerifier.verify(BudgetTests.file(text))
        let error = try #require(diagnostics.first)
        #expect(error.message.hasPrefix(message))
        #expect(error.location.line == 7)
        #expect(error.notes.first?.location?.line == 3)
    }

    /// Exercises have page anchors too (`exercise-<name>`): two names with one slug would give two sections one id.
    @Test func exerciseNamesWithTheSameSlugAreAnError() throws {
        func exercise(_ name: String) -> String {
            "```exercise \(name)\n# task\nCommit.\n# start\ncluster brokers=1\ntopic t partitions=1 replication-factor=1\n"
                + "# goal\nexpect hw t-0 == 1\n# solution\ncluster brokers=1\n"
                + "topic t partitions=1 replication-factor=1\nproduce t value=a\n```\n"
        }
        let text = "# T\n\n" + exercise("a_b") + "\n" + exercise("a-b")
        let (_, diagnostics) = CourseVerifier.verify(BudgetTests.file(text))
        let error = try #require(diagnostics.first)
        #expect(
            error.message
                == "exercise name 'a-b' gives the page anchor '#exercise-a-b', which 'a_b' already has; rename one of them"
        )
        #expect(error.location.line == 17)
        #expect(error.notes.first?.location?.line == 3)
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func anUnnamedScenarioAndANumberCollideToo() throws {
        let text = "# T\n\n```scenario 2\ncluster brokers=1\n```\n\n```scenario\ncluster brokers=1\n```\n"
        let (_, diagnostics) = CourseVerifier.verify(BudgetTests.file(text))
        let error = try #require(diagnostics.first)
        #expect(
            error.message.hasPrefix("this unnamed scenario gives the page anchor '#scenario-2', which '2' already has"))
    }
}
