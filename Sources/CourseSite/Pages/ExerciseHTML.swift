import Course
import LessonMarkdown

/// A practice exercise: the task, the starting script (which the sandbox script makes editable and runnable), the
/// goals as data for that script (never shown), the command that checks a script at the terminal, and a reference
/// solution behind a disclosure. Without scripts the page still shows the task, the start and the command.
enum ExerciseHTML {
    static func node(_ verified: VerifiedExercise, lesson: Lesson, seed: UInt64) -> HTMLNode {
        let exercise = verified.exercise
        let name = exercise.name ?? ""
        let reference = "\(lesson.number < 10 ? "0" : "")\(lesson.number)#\(name)"
        let start = exercise.start?.trimmedText ?? ""
        var children: [HTMLNode] = [
            .newline,
            .element(
                .h3, [.class("exercise-title"), .id(exercise.anchor + "-title")],
                [
                    .element(
                        .a, [.class("anchor"), .href("#" + exercise.anchor)],
                        [.text("Exercise "), .element(.code, text: name)])
                ]),
            .newline,
            .element(.div, [.class("exercise-task")], [.trusted(TrustedHTML(lessonHTML: exercise.taskHTML))]),
            .newline,
            .element(
                .div, [.class("exercise-start"), .init("data-sandbox", nil)],
                [
                    .element(.p, [.class("exercise-label")], text: "Start from this script:"),
                    .element(.pre, [], [.element(.code, [.class("language-scenario")], text: start + "\n")]),
                ]),
            .newline,
            .element(
                .script, [.init("type", "application/json"), .init("data-goals", nil)],
                [.trusted(TrustedHTML(json: goals(exercise)))]),
            .newline,
            .element(
                .p, [.class("exercise-command")],
                [
                    .text("Save your script to a file and check it: "),
                    .element(.code, text: "replicalab exercise \(reference) my-answer.scenario"),
                    .text(" (or "), .element(.code, text: "replicalab exercise \(reference)"),
                    .text(" to print the task and the start)."),
                ]),
            .newline,
        ]
        if let solution = exercise.solutions.first {
            children += [
                .element(
                    .details, [.class("exercise-solution")],
                    [
                        .element(.summary, text: "Show a solution"),
                        .element(.pre, [], [.element(.code, text: solution.trimmedText + "\n")]),
                    ]),
                .newline,
            ]
        }
        return .element(
            .section,
            [
                .class("exercise"), .init("data-exercise", name), .id(exercise.anchor),
                .init("data-seed", String(seed)), .init("aria-labelledby", exercise.anchor + "-title"),
            ],
            children)
    }

    /// The goal lines as a JSON array of strings (comments and blank lines left out).
    static func goals(_ exercise: ExerciseBlock) -> String {
        let lines = (exercise.goal?.lines ?? []).map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return "[" + lines.map(SearchIndex.string).joined(separator: ",") + "]"
    }
}

extension TrustedHTML {
    /// JSON whose strings are written by `SearchIndex.string` (no `<` in it can close the element), for a `<script type="application/json">` element.
    init(json: String) { self.init(lessonHTML: json) }
}
