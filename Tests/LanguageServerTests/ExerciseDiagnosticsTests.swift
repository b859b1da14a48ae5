import Course
import Diagnostics
import LanguageServer
import Testing

/// The language server reports an exercise's problems as `check` does: it verifies lessons through `CourseVerifier`.
struct ExerciseDiagnosticsTests {
    static let lesson = """
        # Fencing

        ```exercise fence-it
        # task
        Get broker 2 out of the ISR of `t-0`.
        # start
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        # goal
        expect isr t-0 == 0,1
        # solution
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        crash 2
        advance 8s
        ```

        """

    @Test func aSolutionThatMissesAGoalIsReportedWhereCheckReportsIt() throws {
        var harness = ServerHarness(files: [:])
        harness.open("01-fencing.md", Self.lesson)
        let diagnostics = harness.diagnostics("01-fencing.md")
        let path = "\(ServerHarness.folder)/01-fencing.md"
        let check = CourseVerifier.verify([LessonFile(path: path, bytes: Array(Self.lesson.utf8))]).diagnostics
        #expect(check.count == 1)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        let message = try #require(diagnostic["message"]?.string)
        let checked = try #require(check.first?.message)
        #expect(checked == "solution 1 does not meet this goal: expectation failed: ISR of t-0 is 0,1,2, expected 0,1")
        // The editor shows the message and, below it, the detail: the engine's explanation of the partition.
        #expect(message.hasPrefix(checked + "\n"))
        #expect(message.contains("B0 leads t-0"))
        // Line 10 of the lesson (0-based 9): the goal's expected value.
        #expect(diagnostic.start == [9, 18])
        #expect(check.first?.location.column == 19)
        #expect(check.first?.location.line == 10)
    }
}

/// An exercise is a symbol of the lesson, as scenarios are.
struct ExerciseSymbolTests {
    @Test func anExerciseIsASymbolWithItsTask() throws {
        var harness = ServerHarness(
            capabilities: ["textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]])
        harness.open("01-fencing.md", ExerciseDiagnosticsTests.lesson)
        let symbols = try #require(
            harness.request("textDocument/documentSymbol", ["textDocument": ServerHarness.document("01-fencing.md")])?
                .array)
        let children = symbols.first?["children"]?.array ?? []
        #expect(children.map { $0["name"] } == ["exercise fence-it"])
        #expect(children.first?["detail"] == "Get broker 2 out of the ISR of `t-0`.")
        #expect(children.first?["range"]?["start"]?["line"] == 2)
        #expect(children.first?["range"]?["end"]?["line"] == 15)
    }
}

/// Completion works in an exercise's scripts and goals as in a scenario.
struct ExerciseCompletionTests {
    @Test func aSolutionLineOffersTheBrokersThatExistAboveIt() {
        // Line 13 (0-based) is `crash 2`, after the solution's cluster and topic.
        #expect(
            CompletionTests.labels(typing: "crash ", onLine: 13, in: ExerciseDiagnosticsTests.lesson) == [
                "0", "1", "2",
            ])
        // Line 6 is the start's `cluster brokers=3`: nothing exists above it yet.
        #expect(CompletionTests.labels(typing: "crash ", onLine: 6, in: ExerciseDiagnosticsTests.lesson).isEmpty)
    }

    @Test func aGoalLineOffersThePartitionsOfTheSolutionsCluster() {
        let labels = CompletionTests.labels(typing: "expect isr ", onLine: 9, in: ExerciseDiagnosticsTests.lesson)
        #expect(labels.contains("t-0"))
    }

    @Test func theTaskIsProseWithoutCompletion() {
        #expect(CompletionTests.labels(typing: "cr", onLine: 4, in: ExerciseDiagnosticsTests.lesson).isEmpty)
    }
}
