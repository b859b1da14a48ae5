import Diagnostics
import LessonMarkdown
import Replication
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
        let counts = Self.counts(
            lessons: lessons.count, scenarios: scenarioCount, expectations: expectationCount,
            exercises: lessons.reduce(0) { $0 + $1.exercises.count })
        let errors = diagnostics.filter { $0.severity == .error }
        if errors.isEmpty { return "\(counts): all verified" }
        let failedScenarios = lessons.reduce(0) { $0 + $1.scenarios.filter { !$0.isVerified }.count }
        return "\(counts): \(errors.count) error\(errors.count == 1 ? "" : "s")"
            + (failedScenarios > 0 ? " in \(failedScenarios) scenario\(failedScenarios == 1 ? "" : "s")" : "")
    }
}

extension VerifiedCourse {
    /// `8 lessons, 30 scenarios, 120 expectations`, and `, 6 exercises` when there are any.
    public static func counts(lessons: Int, scenarios: Int, expectations: Int, exercises: Int = 0) -> String {
        "\(lessons) lesson\(lessons == 1 ? "" : "s"), \(scenarios) scenario\(scenarios == 1 ? "" : "s"), "
            + "\(expectations) expectation\(expectations == 1 ? "" : "s")"
            + (exercises > 0 ? ", \(exercises) exercise\(exercises == 1 ? "" : "s")" : "")
    }
}

/// One lesson after verification: the lesson's parts in order, each with what verification found for it.
public struct VerifiedLesson: Hashable, Sendable {
    /// The parsed lesson.
    public var lesson: Lesson
    /// The lesson's content in order, with its verified scenarios, filled-in references and computed answers:
    /// the one tree the site (and anything else that shows a lesson) walks.
    public var parts: [VerifiedPart]
    /// The seed its scenarios ran with.
    public var seed: UInt64 = CourseVerifier.defaultSeed
    /// The Kafka release its clusters behave as unless a `cluster` line names another.
    public var kafka = KafkaVersion.newest
    /// What verifying it cost, counted against `Budgets`.
    public var cost = LessonCost()

    /// Its scenarios, in order.
    public var scenarios: [VerifiedScenario] {
        parts.compactMap { if case .scenario(let scenario) = $0 { scenario } else { nil } }
    }

    /// Its exercises, in order.
    public var exercises: [VerifiedExercise] {
        parts.compactMap { if case .exercise(let exercise) = $0 { exercise } else { nil } }
    }

    /// Every `{{…}}` reference of the prose and of the questions (their text and `why:` line) with its value, in
    /// order (the value is empty when it did not resolve).
    public var referenceValues: [(reference: ProseReference, value: String)] {
        parts.flatMap { part -> [(reference: ProseReference, value: String)] in
            let blocks: [VerifiedProse]
            switch part {
            case .prose(let prose): blocks = [prose]
            case .question(let question): blocks = [question.prompt] + (question.why.map { [$0] } ?? [])
            default: return []
            }
            return blocks.flatMap { prose in
                prose.pieces.compactMap { piece in
                    if case .value(let value, let reference) = piece { (reference, value) } else { nil }
                }
            }
        }
    }

    /// The SHA-256 of the lesson's source, as lowercase hex.
    public var sourceHash: String { SHA256.hex(lesson.source) }

    /// Whether every scenario verified.
    public var isVerified: Bool { scenarios.allSatisfy(\.isVerified) && exercises.allSatisfy(\.isVerified) }

    /// How many expectations the lesson's scenarios check.
    public var expectationCount: Int { scenarios.reduce(0) { $0 + $1.transcript.expectationCount } }
}

/// One top-level piece of a verified lesson.
public enum VerifiedPart: Hashable, Sendable {
    /// A heading (with its anchor).
    case heading(Heading)
    /// A prose block with its references filled in.
    case prose(VerifiedProse)
    /// A scenario with its transcript and verdict.
    case scenario(VerifiedScenario)
    /// A predict-then-reveal question with its computed answer.
    case question(VerifiedQuestion)
    /// A practice exercise, its solutions checked against its goals.
    case exercise(VerifiedExercise)
}

/// A prose block whose `{{…}}` references have their verified values.
public struct VerifiedProse: Hashable, Sendable {
    /// One piece of the block.
    public enum Piece: Hashable, Sendable {
        /// HTML as cmark wrote it (lessons are trusted).
        case html(String)
        /// The value of a reference (plain text, to be escaped by whoever shows it); empty when it did not resolve.
        case value(String, ProseReference)
    }

    /// The pieces, in order.
    public var pieces: [Piece]
    /// The block's plain text (for search).
    public var text: String
}

/// A question with the answer computed from the verified state.
public struct VerifiedQuestion: Hashable, Sendable {
    /// The question as written.
    public var question: QuestionBlock
    /// The answer, or nil when it could not be computed (the lesson then has a diagnostic).
    public var answer: String?
    /// The prompt with its references filled in.
    public var prompt: VerifiedProse
    /// The `why:` line with its references filled in, if the question has one.
    public var why: VerifiedProse?

    /// Creates a verified question.
    public init(question: QuestionBlock, answer: String?, prompt: VerifiedProse, why: VerifiedProse?) {
        self.question = question
        self.answer = answer
        self.prompt = prompt
        self.why = why
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
    /// The cluster the scenario started from: the final state of the scenario it `continues=`, else nil.
    public var initialCluster: Cluster? = nil
    /// With `versions=<a>,<b>`: its runs on both releases and the steps where they differ (the transcript is the
    /// first release's).
    public var versionComparison: VersionComparison? = nil
    /// For each step, how many of the block's lines reach through it and its checks
    /// (`ScenarioStart.stepLineCounts`), from the statements the verifier parsed; nil when the scenario was not run.
    public var stepLineCounts: [Int]? = nil

    /// Whether it verified.
    public var isVerified: Bool { !diagnostics.containsErrors }

    /// The id of the scenario's section on the site.
    public var anchor: String { block.anchor }

    /// How many expectations passed.
    public var passedExpectationCount: Int { transcript.expectationCount - transcript.failedExpectationCount }
}

extension VerifiedLesson {
    /// The lesson without the cluster after each step of its scenarios (and the cluster each started from): the
    /// states a page's pictures and tables are drawn from, and most of the lesson's memory. Everything else — the
    /// transcripts' steps, outputs and verdicts, the diagnostics — stays, so what `check` reports of the lesson is
    /// the same. A build drops them once a lesson's page is rendered, so a large course never holds them all.
    public var droppingStates: VerifiedLesson {
        var lesson = self
        lesson.dropStates()
        return lesson
    }

    /// Drops the states as `droppingStates` does, in place: a lesson held only here is not copied first.
    public mutating func dropStates() {
        for index in parts.indices {
            guard case .scenario(var scenario) = parts[index] else { continue }
            parts[index] = .prose(VerifiedProse(pieces: [], text: ""))  // so that `scenario` is the only reference
            scenario.initialCluster = nil
            for step in scenario.transcript.steps.indices { scenario.transcript.steps[step].cluster = nil }
            parts[index] = .scenario(scenario)
        }
    }
}
