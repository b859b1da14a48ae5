import Course
import Diagnostics
import Foundation

/// `check --determinism`: verifies the lessons again in a second process and reports every scenario whose run
/// differs from this one.
///
/// A second process matters: Swift seeds its hash function per process, so an output that depends on dictionary or
/// set iteration order looks stable within one process and changes between two.
enum DeterminismCheck {
    static func differences(_ course: VerifiedCourse, paths: [String]) throws -> [Diagnostic] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        if !FileManager.default.fileExists(atPath: "/proc/self/exe") {
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        }
        process.arguments = ["check", "--format", "json", "--color", "never"] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIError("cannot start a second run for --determinism: \(SystemError.describe(error))")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let here = try JSONEncoder.sorted.encode(JSONReport(course).lessons)
        guard let other = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let otherLessons = other["lessons"],
            let otherData = try? JSONSerialization.data(withJSONObject: otherLessons, options: [.sortedKeys]),
            let hereObject = try? JSONSerialization.jsonObject(with: here),
            let hereData = try? JSONSerialization.data(withJSONObject: hereObject, options: [.sortedKeys])
        else {
            throw CLIError("the second run for --determinism did not produce a report")
        }
        guard hereData != otherData else { return [] }
        // Find the scenarios that differ, to point at them.
        let second = (try? JSONDecoder().decode(LessonsOnly.self, from: data).lessons) ?? []
        var diagnostics: [Diagnostic] = []
        for lesson in course.lessons {
            let otherLesson = second.first { $0.path == lesson.lesson.path }
            for (index, scenario) in lesson.scenarios.enumerated() {
                let mine = JSONReport.steps(scenario)
                let theirs = otherLesson.flatMap { index < $0.scenarios.count ? $0.scenarios[index].steps : nil }
                guard mine != theirs else { continue }
                let step = zip(mine, theirs ?? []).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
                let location =
                    scenario.transcript.steps.indices.contains(step)
                    ? scenario.transcript.steps[step].statement.location : scenario.block.block.location
                diagnostics.append(
                    .failure("scenario is not deterministic: a second run differs at this step", at: location))
            }
        }
        if diagnostics.isEmpty, let first = course.lessons.first {
            diagnostics.append(
                .failure(
                    "the course is not deterministic: a second run differs",
                    at: first.lesson.scenarios.first?.block.location
                        ?? .init(file: first.lesson.path, line: 1, column: 1)))
        }
        return diagnostics
    }

    private struct LessonsOnly: Decodable {
        struct Lesson: Decodable {
            struct Scenario: Decodable { var steps: [JSONReport.StepEntry] }
            var path: String
            var scenarios: [Scenario]
        }
        var lessons: [Lesson]
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, for comparisons.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
