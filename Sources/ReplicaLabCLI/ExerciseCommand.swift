import ArgumentParser
import Course
import Diagnostics
import Foundation
import LessonMarkdown
import ScenarioLanguage

/// `replicalab exercise`: print an exercise's task and starting script, or judge a learner's script against it.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Practise: print an exercise of a lesson, or check your script against its goals.",
        discussion: """
            An exercise is named like a scenario: a lesson (03, in-sync-replicas, a .md file) and #<exercise> (its \
            name or number). Without a script, prints the task and the script to start from. With a script (a file, \
            or - for standard input), runs it from an empty cluster, prints the transcript, then checks the \
            exercise's goals against the state your script ends in: each goal that does not hold is named with its \
            actual value and the engine's explanation of the partition it concerns.

            Examples (print the task and the start, save them to a file, edit it, check it):
              replicalab exercise 03#idle-stalled-follower
              replicalab exercise 03#idle-stalled-follower > answer.scenario
              replicalab exercise 03#idle-stalled-follower answer.scenario

            Exit codes: 0 accepted, 1 not accepted (a goal does not hold), 2 bad input or usage.
            """
    )

    @Argument(help: "A lesson and an exercise of it: 03#idle-stalled-follower.")
    var exercise: String

    @Argument(help: "Your script (a file, or - for standard input); without one, the task and the start are printed.")
    var script: String?

    @Flag(help: "Plain text: no colour, no tables (automatic when output is not a terminal or NO_COLOR is set).")
    var plain = false

    @Flag(name: .customLong("no-pager"), help: "Never page the output through $PAGER or less.")
    var noPager = false

    @OptionGroup var course: LessonSourceOptions

    private var style: TerminalStyle { .standardOutput(plain: plain) }

    func run() throws {
        let reference = try LessonReference(parsing: exercise)
        guard reference.step == nil else { throw CLIError("'\(exercise)': an exercise has no steps") }
        let (file, _) = try reference.file(in: course.source())
        let (parsed, problems) = LessonParser.parse(file.bytes, path: file.path)
        guard let lesson = parsed else {
            Terminal.standardError.write(DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text(problems))
            throw ExitCode(2)
        }
        let found = try Self.exercise(reference.scenario, in: lesson)
        let (kafka, kafkaProblem) = CourseVerifier.kafka(of: lesson)
        let malformed = ExerciseJudge.problems(of: found, limits: .ofThisRun) + (kafkaProblem.map { [$0] } ?? [])
        guard !malformed.containsErrors else {
            Terminal.standardError.write(DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text(malformed))
            throw ExitCode(2)
        }
        let name = "\(lesson.number < 10 ? "0" : "")\(lesson.number)#\(found.name ?? "")"
        guard let script else {
            style.write(Self.introduction(found, name: name))
            return
        }
        let (path, bytes) = try RunCommand.readScript(script)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError(path == "<stdin>" ? "standard input is not valid UTF-8" : "\(path) is not valid UTF-8")
        }
        let verdict = ExerciseJudge.judge(
            text, sourceMap: .identity(file: path, text: text), exercise: found,
            seed: lesson.frontMatter.seed ?? CourseVerifier.defaultSeed, kafka: kafka, limits: .ofThisRun)
        var out = RunCommand.show(verdict.transcript, style: style)
        if !verdict.isBadInput { out += report(verdict, name: name) }
        Pager.show(style.fit(out), enabled: !noPager)
        Terminal.standardError.write(
            DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text(verdict.problems))
        if verdict.isBadInput { throw ExitCode(2) }
        if !verdict.isAccepted { throw ExitCode(1) }
    }

    /// The exercise `name` names (by name, by the site's anchor `exercise-<name>`, or by number from 1); throws,
    /// listing the exercises, when none does.
    static func exercise(_ name: String?, in lesson: Lesson) throws -> ExerciseBlock {
        let exercises = lesson.exercises
        let listed = exercises.enumerated().map { "\($0.offset + 1) \($0.element.name ?? "(unnamed)")" }
        let list = listed.isEmpty ? "no exercises" : listed.joined(separator: ", ")
        guard let name else {
            throw CLIError("name an exercise after '#', as in \(lesson.path)#<exercise>; \(lesson.path) has: \(list)")
        }
        let names = exercises.map(\.name)
        let bare = name.hasPrefix("exercise-") ? String(name.dropFirst("exercise-".count)) : name
        if let index = names.firstIndex(of: name) ?? names.firstIndex(of: bare) { return exercises[index] }
        if let number = Int(name), exercises.indices.contains(number - 1) { return exercises[number - 1] }
        let hint = Suggestion.note(for: name, in: names.compactMap { $0 }).map { " (\($0))" } ?? ""
        throw CLIError("\(lesson.path) has no exercise '\(name)'\(hint); it has: \(list)")
    }

    /// The task and the starting script, for a learner about to start: a script itself (the task is comments), so
    /// `replicalab exercise 03#x > answer.scenario` gives a file to edit and check.
    static func introduction(_ exercise: ExerciseBlock, name: String) -> ConsoleText {
        var out: ConsoleText = "# Exercise \(name)\n#\n"
        let task = exercise.task.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
        out += .lines(task) + "\n#\n"
        out += "# Change the script below, then check it: replicalab exercise \(name) <file>\n\n"
        out += .lines(exercise.start?.trimmedText ?? "") + "\n"
        return out
    }

    /// The verdict: every goal, why each that fails does, and the outcome.
    private func report(_ verdict: ExerciseVerdict, name: String) -> ConsoleText {
        var out: ConsoleText = "\n" + style.bold("Goals of \(name):") + "\n"
        var explained: Set<String> = []
        for goal in verdict.goals {
            guard !goal.passed else {
                out += style.green("✓ \(goal.text)") + "\n"
                continue
            }
            let actual = goal.actual.map { " (actual: \($0))" } ?? ""
            out += style.red("✗ \(goal.text)\(actual)") + "\n"
            out += "  \(goal.message)\n"
            // One explanation per partition: a second failed goal about it has the same reason.
            if let partition = goal.partition, !goal.explanation.isEmpty,
                explained.insert(partition.description).inserted
            {
                out += "  Why (explain \(partition)):\n"
                out += .lines(goal.explanation.map { "    " + $0 }.joined(separator: "\n")) + "\n"
            }
        }
        let failed = verdict.failedGoals.count
        if verdict.isAccepted {
            out += style.green("Accepted: your script meets every goal.") + "\n"
        } else {
            out += style.red("Not accepted: \(failed) of \(verdict.goals.count) goals not met.") + "\n"
        }
        return out
    }
}
