import Diagnostics
import Replication

/// What judging a script for an exercise found: the script runs, then each of the exercise's goal lines (`expect …`)
/// is checked on the state it left, and every goal that does not hold is explained by the engine (`explain` of the
/// partition it is about).
///
/// The command line's `replicalab exercise`, `check`'s verification of an exercise's reference solution and the
/// page's sandbox (through the WebAssembly engine, `replicalab_judge`) all judge here, so a script gets the same
/// verdict everywhere.
public struct ExerciseVerdict: Hashable, Sendable {
    /// One goal line and whether the script met it.
    public struct Goal: Hashable, Sendable {
        /// The goal as written (`expect isr orders-0 == 0`).
        public var text: String
        /// Where the goal is written (for a goal that does not hold, where its expected value is).
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
    public var isAccepted: Bool { !isBadInput && !goals.isEmpty && goals.allSatisfy { $0.passed } }

    /// The goals that do not hold.
    public var failedGoals: [Goal] { goals.filter { !$0.passed } }

    /// Runs `script` on a fresh cluster (`seed`; clusters behave as `kafka` unless their `cluster` line says
    /// otherwise), then checks `goals` on the state it ends in. `problems` are the script's parse problems: when there
    /// are any, nothing runs.
    public init(
        judging script: Script, problems: [Diagnostic] = [], goals: Script, seed: UInt64,
        kafka: KafkaVersion = .newest, limits: Limits = .standard
    ) {
        guard problems.isEmpty else {
            self.init(transcript: .empty, goals: [], problems: problems)
            return
        }
        var runner = ScenarioRunner(seed: seed, kafka: kafka, limits: limits)
        for statement in script.statements { runner.execute(statement) }
        let transcript = runner.transcript
        var results: [Goal] = []
        for goal in goals.statements {
            results.append(Self.check(goal, on: &runner))
        }
        self.init(transcript: transcript, goals: results, problems: transcript.diagnostics)
    }

    /// Judges the text of a whole script whose lines from `firstGoalLine` (1-based) on are the goals, as the page's
    /// sandbox sends it (the scenarios it continues, the reader's script, then the goals): every location is a line of
    /// that text, in a file named `path`.
    public init(
        judgingText text: String, firstGoalLine: Int, path: String, seed: UInt64, kafka: KafkaVersion = .newest,
        limits: Limits = .standard
    ) {
        let lines = SourceMap.lines(of: text)
        let split = min(max(0, firstGoalLine - 1), lines.count)
        let scriptText = lines[..<split].joined(separator: "\n")
        let goalText = lines[split...].joined(separator: "\n")
        let (script, problems) = ScenarioParser.parse(
            scriptText, sourceMap: .identity(file: path, lineCount: split), limits: limits)
        let goalLines = Array((split + 1)...(split + max(1, lines.count - split)))
        let (goals, _) = ScenarioParser.parse(
            goalText, sourceMap: SourceMap(file: path, lines: goalLines, columnOffsets: []), limits: limits)
        self.init(judging: script, problems: problems, goals: goals, seed: seed, kafka: kafka, limits: limits)
    }

    init(transcript: Transcript, goals: [Goal], problems: [Diagnostic]) {
        self.transcript = transcript
        self.goals = goals
        self.problems = problems
    }

    /// Checks one goal line on the state the script left.
    private static func check(_ goal: Statement, on runner: inout ScenarioRunner) -> Goal {
        var result = Goal(
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
    public static func partition(of statement: Statement) -> TopicPartition? {
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

    /// The engine's `explain` of a partition in the script's final state; empty when the partition does not exist.
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

    /// The verdict as the page's sandbox reads it:
    /// `{"accepted": bool, "badInput": bool, "goals": [{"line", "text", "passed", "actual", "message",
    /// "partition", "explanation"}]}` (`actual` and `partition` may be null; `explanation` is the `explain` output's
    /// lines joined, empty when there is none).
    public var json: String {
        var out = "{\"accepted\":\(Self.json(isAccepted)),\"badInput\":\(Self.json(isBadInput)),\"goals\":["
        for (index, goal) in goals.enumerated() {
            if index > 0 { out += "," }
            out += "{\"line\":\(goal.location.line),\"text\":"
            JSONString.append(goal.text, to: &out)
            out += ",\"passed\":\(Self.json(goal.passed)),\"actual\":"
            if let actual = goal.actual { JSONString.append(actual, to: &out) } else { out += "null" }
            out += ",\"message\":"
            JSONString.append(goal.message, to: &out)
            out += ",\"partition\":"
            if let partition = goal.partition {
                JSONString.append(partition.description, to: &out)
            } else {
                out += "null"
            }
            out += ",\"explanation\":"
            JSONString.append(goal.explanation.joined(separator: "\n"), to: &out)
            out += "}"
        }
        return out + "]}"
    }

    private static func json(_ value: Bool) -> String { value ? "true" : "false" }
}
