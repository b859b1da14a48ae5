import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Judges a script written for an exercise: runs it, then checks the exercise's goal lines against the state it
/// ends in, and explains every goal that does not hold.
public enum ExerciseJudge {
    /// Runs `script` (whose line k is placed by `sourceMap`) on a fresh cluster with `seed`, then the exercise's
    /// goals; the verdict says which goals hold and, for each that does not, why (the engine's `explain` of the
    /// partition it concerns).
    public static func judge(
        _ script: String, sourceMap: SourceMap, exercise: ExerciseBlock, seed: UInt64 = CourseVerifier.defaultSeed,
        limits: Limits = .standard
    ) -> ExerciseVerdict {
        let (parsed, problems) = ScenarioParser.parse(script, sourceMap: sourceMap, limits: limits)
        guard problems.isEmpty else {
            return ExerciseVerdict(transcript: .empty, goals: [], problems: problems)
        }
        let goalSection = exercise.goal
        let goals =
            goalSection.map { ScenarioParser.parse($0.text, sourceMap: $0.sourceMap, limits: limits).script }
            ?? Script(statements: [])
        var runner = ScenarioRunner(seed: seed, limits: limits)
        for statement in parsed.statements { runner.execute(statement) }
        let transcript = runner.transcript
        var results: [ExerciseVerdict.Goal] = []
        for goal in goals.statements {
            results.append(check(goal, on: &runner))
        }
        return ExerciseVerdict(transcript: transcript, goals: results, problems: transcript.diagnostics)
    }

    /// What makes an exercise unusable as written (no goal, a goal that is not an `expect` line, a section that does
    /// not parse, …): located errors, all of them bad input. A script cannot be judged against such an exercise.
    public static func problems(of exercise: ExerciseBlock, limits: Limits = .standard) -> [Diagnostic] {
        ExerciseVerifier.structureProblems(of: exercise, limits: limits)
    }

    /// Checks one goal line on the state the reader's script left.
    private static func check(_ goal: Statement, on runner: inout ScenarioRunner) -> ExerciseVerdict.Goal {
        var result = ExerciseVerdict.Goal(
            text: goal.text, location: goal.location, passed: false, actual: nil, message: "",
            partition: partition(of: goal))
        guard !runner.isStopped else {
            result.message = "not checked: a limit stopped the script before its end"
            return result
        }
        let before = runner.transcript
        runner.execute(goal)
        let after = runner.transcript
        let step = after.steps.count > before.steps.count ? after.steps.last : nil
        let problems = after.diagnostics.dropFirst(before.diagnostics.count)
        result.actual = step?.expectation?.actual
        result.passed = step?.expectation?.passed == true && problems.isEmpty
        result.message = problems.first?.message ?? (result.passed ? "holds" : "does not hold")
        // Where checking it pointed: the expected value of a false claim, as for a scenario's expectation.
        result.location = problems.first?.location ?? goal.location
        if !result.passed, let partition = result.partition {
            result.explanation = explain(partition, runner: runner)
        }
        return result
    }

    /// The partition a goal is about, if it is about one.
    static func partition(of statement: Statement) -> TopicPartition? {
        guard case .expect(let expectation) = statement.command else { return nil }
        switch expectation.claim {
        case .leader(let id, _), .replicas(let id, _), .isr(let id, _), .highWatermark(let id, _, _),
            .logEndOffset(let id, _, _), .epoch(let id, _), .lost(let id, _), .read(let id, _),
            .lag(_, let id, _), .committed(_, let id, _):
            return id
        case .ok, .error, .invariantsOK, .partition, .assignment:
            return nil
        }
    }

    /// The engine's `explain` of a partition in the reader's final state; empty when the partition does not exist.
    private static func explain(_ partition: TopicPartition, runner: ScenarioRunner) -> [String] {
        guard runner.cluster?.partition(partition) != nil else { return [] }
        let line = "explain \(partition)"
        let (script, problems) = ScenarioParser.parse(
            line, sourceMap: .identity(file: "<explain>", lineCount: 1), limits: runner.limits)
        guard problems.isEmpty, let statement = script.statements.first else { return [] }
        var copy = runner
        let count = copy.transcript.steps.count
        copy.execute(statement)
        let transcript = copy.transcript
        guard transcript.steps.count > count, let step = transcript.steps.last else { return [] }
        return step.output
    }
}

/// What judging a script for an exercise found.
public struct ExerciseVerdict: Hashable, Sendable {
    /// One goal line and whether the script met it.
    public struct Goal: Hashable, Sendable {
        /// The goal as written (`expect isr orders-0 == 0`).
        public var text: String
        /// Where the goal is written in the lesson (for a goal that does not hold, where its expected value is).
        public var location: SourceLocation
        /// Whether it holds after the script.
        public var passed: Bool
        /// The actual value, when it could be read.
        public var actual: String?
        /// What checking it said (`expectation failed: ISR of orders-0 is 0,1,2, expected 0`).
        public var message: String
        /// The partition the goal is about, if any.
        public var partition: TopicPartition?
        /// For a goal that does not hold: the engine's `explain` of its partition in the script's final state.
        public var explanation: [String] = []
    }

    /// What the script's own statements did (the goals are not in it).
    public var transcript: Transcript
    /// Every goal, in order.
    public var goals: [Goal]
    /// Problems of the script itself: parse errors (then nothing ran), unknown brokers or topics, and its own
    /// failed expectations.
    public var problems: [Diagnostic]

    /// Whether the script could not be run as written (a syntax error, an unknown broker): it is bad input.
    public var isBadInput: Bool { problems.contains { $0.severity == .error && $0.kind == .input } }

    /// Whether the script is accepted: it ran, and every goal holds.
    public var isAccepted: Bool { !isBadInput && !goals.isEmpty && goals.allSatisfy(\.passed) }

    /// The goals that do not hold.
    public var failedGoals: [Goal] { goals.filter { !$0.passed } }
}
