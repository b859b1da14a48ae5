import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// A course after verification: every lesson, every scenario's transcript, and every problem found.
public struct VerifiedCourse: Hashable, Sendable {
    /// The lessons that could be parsed, in course order.
    public var lessons: [VerifiedLesson]
    /// Every problem, sorted by location.
    public var diagnostics: [Diagnostic]

    /// Whether the whole course verified.
    public var isVerified: Bool { !diagnostics.containsErrors }

    /// How many scenarios ran.
    public var scenarioCount: Int { lessons.reduce(0) { $0 + $1.scenarios.count } }

    /// How many expectations ran.
    public var expectationCount: Int { lessons.reduce(0) { $0 + $1.expectationCount } }

    /// The one-line summary `check` prints.
    public var summary: String {
        let counts = Self.counts(lessons: lessons.count, scenarios: scenarioCount, expectations: expectationCount)
        let errors = diagnostics.filter { $0.severity == .error }
        if errors.isEmpty { return "\(counts): all verified" }
        let failedScenarios = lessons.reduce(0) { $0 + $1.scenarios.filter { !$0.isVerified }.count }
        return "\(counts): \(errors.count) error\(errors.count == 1 ? "" : "s")"
            + (failedScenarios > 0 ? " in \(failedScenarios) scenario\(failedScenarios == 1 ? "" : "s")" : "")
    }
}

extension VerifiedCourse {
    /// `8 lessons, 30 scenarios, 120 expectations`.
    public static func counts(lessons: Int, scenarios: Int, expectations: Int) -> String {
        "\(lessons) lesson\(lessons == 1 ? "" : "s"), \(scenarios) scenario\(scenarios == 1 ? "" : "s"), "
            + "\(expectations) expectation\(expectations == 1 ? "" : "s")"
    }
}

/// One lesson after verification.
public struct VerifiedLesson: Hashable, Sendable {
    /// The parsed lesson.
    public var lesson: Lesson
    /// Its scenarios, in order.
    public var scenarios: [VerifiedScenario]
    /// The seed its scenarios ran with.
    public var seed: UInt64 = CourseVerifier.defaultSeed
    /// The value of each `{{…}}` reference of the prose, in order.
    public var referenceValues: [String] = []
    /// The answer of each question, in order (nil when it could not be computed).
    public var questionAnswers: [String?] = []
    /// What verifying it cost, counted against `Budgets`.
    public var cost = LessonCost()

    /// The SHA-256 of the lesson's source, as lowercase hex.
    public var sourceHash: String { SHA256.hex(lesson.source) }

    /// Whether every scenario verified.
    public var isVerified: Bool { scenarios.allSatisfy(\.isVerified) }

    /// How many expectations the lesson's scenarios check.
    public var expectationCount: Int { scenarios.reduce(0) { $0 + $1.transcript.expectationCount } }

    /// The verified scenario for a block of this lesson.
    public func scenario(for block: ScenarioBlock) -> VerifiedScenario? {
        scenarios.first { $0.block == block }
    }
}

/// One scenario after verification.
public struct VerifiedScenario: Hashable, Sendable {
    /// The block as written.
    public var block: ScenarioBlock
    /// What running it produced.
    public var transcript: Transcript
    /// Problems in this scenario (parse errors, failed expectations, output mismatch).
    public var diagnostics: [Diagnostic]
    /// Whether the `output` block matches the transcript; nil when there is no output block (or the scenario could
    /// not be parsed, so there is no transcript to compare).
    public var outputMatches: Bool?

    /// Whether it verified.
    public var isVerified: Bool { !diagnostics.containsErrors }

    /// How many expectations passed.
    public var passedExpectationCount: Int { transcript.expectationCount - transcript.failedExpectationCount }
}
