import Course
import Diagnostics
import Foundation
import ScenarioLanguage

/// The `--format json` document. Field order is fixed (sorted keys) so the output is deterministic.
struct JSONReport: Encodable {
    struct Location: Encodable {
        var file: String
        var line: Int
        var column: Int
    }

    struct Note: Encodable {
        var message: String
        var location: Location?
    }

    struct DiagnosticEntry: Encodable {
        var severity: String
        var kind: String
        var location: Location
        var message: String
        var notes: [Note]
        var detail: [String]
    }

    struct StepEntry: Codable, Equatable {
        var line: Int
        var command: String
        var output: [String]
        var outcome: String
        var expectation: ExpectationEntry?
    }

    struct ExpectationEntry: Codable, Equatable {
        var passed: Bool
        var actual: String
    }

    struct ScenarioEntry: Encodable {
        var name: String?
        var location: Location
        var verified: Bool
        var expectations: Int
        var passedExpectations: Int
        var outputMatches: Bool?
        var steps: [StepEntry]
    }

    struct ExerciseEntry: Encodable {
        var name: String?
        var location: Location
        var verified: Bool
        var solutions: Int
    }

    struct LessonEntry: Encodable {
        var path: String
        var number: Int
        var title: String
        var verified: Bool
        var scenarios: [ScenarioEntry]
        /// Left out for a lesson without exercises.
        var exercises: [ExerciseEntry]?
    }

    var replicalab: String
    var verified: Bool
    var summary: String
    var lessons: [LessonEntry]
    var diagnostics: [DiagnosticEntry]

    init(_ course: VerifiedCourse) {
        replicalab = ReplicaLabVersion.current
        verified = course.isVerified
        summary = course.summary
        lessons = course.lessons.map { lesson in
            LessonEntry(
                path: lesson.lesson.path, number: lesson.lesson.number, title: lesson.lesson.title,
                verified: lesson.isVerified,
                scenarios: lesson.scenarios.map { scenario in
                    ScenarioEntry(
                        name: scenario.block.name, location: Self.location(scenario.block.block.location),
                        verified: scenario.isVerified, expectations: scenario.transcript.expectationCount,
                        passedExpectations: scenario.passedExpectationCount, outputMatches: scenario.outputMatches,
                        steps: Self.steps(scenario))
                },
                exercises: lesson.exercises.isEmpty
                    ? nil
                    : lesson.exercises.map { verified in
                        ExerciseEntry(
                            name: verified.exercise.name, location: Self.location(verified.exercise.block.location),
                            verified: verified.isVerified, solutions: verified.exercise.solutions.count)
                    })
        }
        diagnostics = course.diagnostics.map(Self.diagnostic)
    }

    static func location(_ location: SourceLocation) -> Location {
        Location(file: location.file, line: location.line, column: location.column)
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> DiagnosticEntry {
        DiagnosticEntry(
            severity: diagnostic.severity.rawValue, kind: diagnostic.kind.rawValue,
            location: location(diagnostic.location), message: diagnostic.message,
            notes: diagnostic.notes.map { Note(message: $0.message, location: $0.location.map(location)) },
            detail: diagnostic.detail)
    }

    static func steps(_ scenario: VerifiedScenario) -> [StepEntry] {
        scenario.transcript.steps.map(step)
    }

    static func step(_ step: Step) -> StepEntry {
        let outcome: String
        switch step.outcome {
        case .ok: outcome = "ok"
        case .kafkaError(let error): outcome = error.name
        case .notACommand: outcome = "expectation"
        }
        return StepEntry(
            line: step.statement.location.line, command: step.statement.text, output: step.output, outcome: outcome,
            expectation: step.expectation.map { ExpectationEntry(passed: $0.passed, actual: $0.actual) })
    }

    /// The document as pretty-printed JSON with sorted keys, ending with a newline. Characters a terminal or CI log
    /// would act on, which JSONEncoder leaves raw (C1 controls, line separators, bidirectional overrides, the `#`
    /// of a `##[` workflow command), are written as `\u` escapes: the document stays the same JSON.
    func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let text = String(decoding: data, as: UTF8.self)
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if LogSafety.mustEscape(scalars, at: index) {
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\n"
    }
}
