import ArgumentParser
import Course
import Diagnostics
import Foundation
import LessonMarkdown

/// A lesson, and optionally a scenario and a step of it, as a learner types it: a lesson by number (`3`, `03`), slug
/// (`in-sync-replicas`), file name (`03-in-sync-replicas.md`) or path; then `#` and a scenario by name
/// (`stalled-follower`, or `scenario-stalled-follower` as the site's links write it) or number (`#2`); then
/// `/step-<n>`. `03#stalled-follower/step-3` is the third step of that scenario of lesson 03.
struct LessonReference: Equatable {
    /// The lesson as typed.
    var lesson: String
    /// The scenario as typed after `#`.
    var scenario: String?
    /// The step after `/step-`.
    var step: Int?

    /// Splits `text` at `#` and `/step-`; throws when what follows `#` is not `<scenario>[/step-<n>]`.
    init(parsing text: String) throws {
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        lesson = parts[0]
        guard parts.count == 2 else { return }
        let target = parts[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !target[0].isEmpty else {
            throw CLIError("'\(text)': expected a scenario after '#', as in 03#stalled-follower or 03#2")
        }
        scenario = target[0]
        if target.count == 2 {
            guard target[1].hasPrefix("step-"), let number = Int(target[1].dropFirst(5)), number >= 1 else {
                throw CLIError("'\(text)': expected /step-<n> after the scenario, as in 03#stalled-follower/step-3")
            }
            step = number
        }
    }

    /// Whether the lesson part names a lesson of a course rather than a file of its own: a number, a slug, or a
    /// lesson's file name, alone or in a `Lessons/` folder (so README's `Lessons/01-….md` works from anywhere).
    /// `session.scenario` or `drafts/04-x.md` are paths, and a missing one is a missing file.
    var namesCourseLesson: Bool {
        let parts = lesson.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.last, parts.count == 1 || parts[parts.count - 2] == LessonSource.defaultFolder else {
            return false
        }
        if LessonFileName(path: String(last)) != nil { return true }
        return parts.count == 1 && !lesson.isEmpty
            && lesson.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// The lesson file this names: the file at the path when there is one, else the lesson of `source` whose number,
    /// slug or file name it is.
    func file(in source: LessonSource) throws -> (file: LessonFile, source: LessonSource?) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: lesson, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue || !namesCourseLesson {
            return (try LessonFiles.readSingleFile(lesson), nil)
        }
        let reading = source.read()
        let files = reading.files
        let last = lesson.split(separator: "/").last.map(String.init) ?? lesson
        func isNamed(_ path: String) -> Bool {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard name != last else { return true }
            guard let parts = LessonFileName(path: name) else { return false }
            return Int(lesson) == parts.number || lesson == parts.slug || lesson + ".md" == name
        }
        guard let found = files.first(where: { isNamed($0.path) }) else {
            // The lesson is there but could not be read (too large, unreadable): say why, as `check` would.
            let problems = reading.problems.filter { isNamed($0.location.file) }
            if !problems.isEmpty {
                let printer = DiagnosticPrinter(usesColor: Terminal.standardError.usesColor)
                Terminal.standardError.write(printer.text(problems))
                throw ExitCode(2)
            }
            let names = files.compactMap { $0.path.split(separator: "/").last.map { String($0.dropLast(3)) } }
            let hint = Suggestion.note(for: last, in: names).map { " (\($0))" } ?? ""
            let available = names.isEmpty ? "it has none" : "there are: " + names.joined(separator: ", ")
            throw CLIError("no lesson '\(lesson)' in \(source.name)\(hint); \(available)")
        }
        return (found, source)
    }

    /// The scenario of `scenarios` (in the lesson's order) that `name` names: by name, by the site's anchor
    /// `scenario-<name>`, or by number from 1; throws, listing the scenarios, when none does.
    static func scenarioIndex(_ name: String, in scenarios: [ScenarioBlock], lesson: String) throws -> Int {
        let names = scenarios.map(\.name)
        if let index = names.firstIndex(of: name) { return index }
        if name.hasPrefix("scenario-"), let index = names.firstIndex(of: String(name.dropFirst("scenario-".count))) {
            return index
        }
        if let number = Int(name), scenarios.indices.contains(number - 1) { return number - 1 }
        let listed = scenarios.enumerated().map { "\($0.offset + 1) \($0.element.name ?? "(unnamed)")" }
        let hint = Suggestion.note(for: name, in: names.compactMap { $0 }).map { " (\($0))" } ?? ""
        let range = scenarios.isEmpty ? "" : Int(name) != nil ? " (a number from 1 to \(scenarios.count))" : ""
        throw CLIError(
            "\(lesson) has no scenario '\(name)'\(range)\(hint); it has: "
                + (listed.isEmpty ? "no scenarios" : listed.joined(separator: ", ")))
    }
}
