import Diagnostics
import LessonMarkdown
import Testing

/// How an `exercise` block splits into its sections, and where each line of them is in the lesson.
struct ExerciseParserTests {
    static let lesson = """
        # Fencing

        ```exercise fence-it
        # task
        Get broker 2 *out*.

        # start
        cluster brokers=3
          # goal  
        expect isr t-0 == 0,1
        # solution
        # the controller fences it
        crash 2
        # solution
        shutdown 2
        ```

        """

    static func exercise(_ text: String = lesson) throws -> ExerciseBlock {
        let (lesson, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-fencing.md")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(lesson?.exercises.first)
    }

    @Test func markerLinesStartSectionsAndEveryOtherLineBelongsToTheOneAbove() throws {
        let exercise = try Self.exercise()
        #expect(exercise.name == "fence-it")
        #expect(exercise.anchor == "exercise-fence-it")
        #expect(exercise.sections.map(\.marker) == [.task, .start, .goal, .solution, .solution])
        #expect(exercise.task == "Get broker 2 *out*.")
        #expect(exercise.taskHTML == "<p>Get broker 2 <em>out</em>.</p>\n")
        #expect(exercise.start?.text == "cluster brokers=3\n")
        #expect(exercise.goal?.text == "expect isr t-0 == 0,1\n")
        // A comment that is not exactly a marker is part of the script.
        #expect(exercise.solutions.map(\.text) == ["# the controller fences it\ncrash 2\n", "shutdown 2\n"])
        #expect(exercise.strayLines.isEmpty)
    }

    @Test func sectionLinesAreMappedToTheirLessonLines() throws {
        let exercise = try Self.exercise()
        let goal = try #require(exercise.goal)
        #expect(goal.location == SourceLocation(file: "Lessons/01-fencing.md", line: 9, column: 1))
        #expect(
            goal.sourceMap.location(line: 0, column: 8)
                == SourceLocation(file: "Lessons/01-fencing.md", line: 10, column: 8))
        #expect(exercise.solutions[1].sourceMap.location(line: 0, column: 1).line == 15)
    }

    @Test func linesBeforeTheFirstMarkerAreStray() throws {
        let text = Self.lesson.replacingOccurrences(of: "# task\n", with: "stray\n# task\n")
        let exercise = try Self.exercise(text)
        #expect(exercise.strayLines == [SourceLocation(file: "Lessons/01-fencing.md", line: 4, column: 1)])
    }

    @Test func anExerciseInAListIsAnError() {
        let text = "# T\n\n- item\n\n  ```exercise x\n  # task\n  ```\n"
        let (_, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-t.md")
        #expect(
            diagnostics.map(\.message) == [
                "'exercise' blocks must be at the top level of the lesson, not inside a list"
            ])
    }

    @Test func anUnclosedExerciseIsAnError() {
        let text = "# T\n\n```exercise x\n# task\nDo it.\n"
        let (_, diagnostics) = LessonParser.parse(Array(text.utf8), path: "Lessons/01-t.md")
        #expect(
            diagnostics.map(\.message) == [
                "the 'exercise' block opened here is not closed: it runs to the end of the file"
            ])
    }
}
