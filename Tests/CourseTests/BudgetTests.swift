import Course
import Diagnostics
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
        let budget = try #require(diagnostics.first { $0.message.contains("Budgets.lessonSnapshotReplicas") })
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

    @Test func theCourseBudgetsAreLocatedAtTheLessonThatPassesThem() {
        func outline(_ number: Int, replicas: Int, work: Int) -> LessonOutline {
            LessonOutline(
                path: "Lessons/0\(number)-a.md", number: number, slug: "a", anchors: [], links: [],
                cost: LessonCost(snapshotReplicas: replicas, engineWork: work))
        }
        let half = Budgets.courseSnapshotReplicas / 2
        let outlines = [
            outline(1, replicas: half, work: 10), outline(2, replicas: half, work: Budgets.courseEngineWork),
            outline(3, replicas: 1, work: 1), outline(4, replicas: 1, work: 1),
        ]
        let diagnostics = Budgets.courseDiagnostics(outlines)
        #expect(
            diagnostics.map(\.location.file) == ["Lessons/02-a.md", "Lessons/03-a.md"],
            "\(diagnostics.map(\.message))")
        #expect(diagnostics[0].message.contains("Budgets.courseEngineWork"))
        #expect(diagnostics[1].message.contains("Budgets.courseSnapshotReplicas"))
    }

    @Test func renderedPagesPastTheirBudgetsAreLocatedAtTheirLessons() {
        let pages = [
            (path: "Lessons/01-a.md", bytes: 10), (path: "Lessons/02-b.md", bytes: Budgets.lessonRenderedBytes + 1),
        ]
        let diagnostics = Budgets.renderedDiagnostics(pages: pages, otherBytes: Budgets.courseRenderedBytes - 20)
        #expect(diagnostics.map(\.location.file) == ["Lessons/02-b.md", "Lessons/02-b.md"])
        #expect(diagnostics[0].message.contains("Budgets.lessonRenderedBytes"))
        #expect(diagnostics[1].message.contains("Budgets.courseRenderedBytes"))
        #expect(Budgets.renderedDiagnostics(pages: [(path: "Lessons/01-a.md", bytes: 10)], otherBytes: 0).isEmpty)
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

    @Test func anUnnamedScenarioAndANumberCollideToo() throws {
        let text = "# T\n\n```scenario 2\ncluster brokers=1\n```\n\n```scenario\ncluster brokers=1\n```\n"
        let (_, diagnostics) = CourseVerifier.verify(BudgetTests.file(text))
        let error = try #require(diagnostics.first)
        #expect(
            error.message.hasPrefix("this unnamed scenario gives the page anchor '#scenario-2', which '2' already has"))
    }
}
