import Diagnostics
import Replication
import ScenarioLanguage

/// Runs of scenarios kept between verifications of a lesson that is being edited, so that verifying it again runs
/// only the scenarios an edit can have changed.
///
/// A run is keyed by what decides its result: the scenario's text, and where it starts — a fresh cluster with the
/// lesson's seed, or the end of the run of the scenario it continues (`continues=`), whose key is part of this one.
/// So an edit to a scenario runs that scenario and every scenario that continues it (directly or down a chain)
/// again, and nothing else. Runs are stored against a canonical source map and relocated to where their block is
/// (`Transcript.relocated`), so moving a block — editing the prose above it — reuses its run.
///
/// A run also records what each of its statements cost (`LessonCost`), so a reused run counts against the lesson's
/// budgets exactly as running it again would: a lesson's budgets (`Budgets`) are passed at the same statement
/// whether its scenarios ran now or before. Where the budget stops a scenario depends on what the scenarios before it
/// cost, so a run is reused only when it would stop at the same statement (almost always: not at all).
///
/// `check` verifies with a fresh value; `replicalab lsp` keeps one per open lesson.
public struct ScenarioRuns {
    /// What decides a run's result.
    struct Key: Hashable {
        /// Where a run starts.
        indirect enum Origin: Hashable {
            /// An empty cluster with this seed, of this Kafka release unless the scenario names one.
            case fresh(seed: UInt64, kafka: KafkaVersion)
            /// The end of another run.
            case after(Key)
        }

        /// The scenario's text.
        var text: String
        /// Where it starts.
        var origin: Origin
    }

    /// The state a scenario that continues another starts from: the end of that scenario's run.
    struct Start {
        /// The runner after the continued scenario.
        var runner: ScenarioRunner
        /// The continued scenario's run.
        var key: Key
    }

    /// One run, in the canonical coordinates of its text (line k of the text is line k + 1, columns unshifted).
    struct Run {
        /// Problems found by the parser (a scenario with any is not run).
        var parseProblems: [Diagnostic]
        /// The statements the parser found (those that parsed, when there were problems).
        var statements: [Statement] = []
        /// What the scenario's own statements did.
        var transcript: Transcript
        /// The state after the run, for scenarios that continue it; nil when the scenario did not parse or a
        /// budget stopped it (no later scenario of the lesson runs then).
        var final: ScenarioRunner?
        /// What the statements run cost together, after each of them: `costs[i]` is the cost of statements 0…i.
        var costs: [LessonCost] = []
        /// The statement at which the lesson's budget stopped the run, or nil when every statement ran.
        var budgetStop: Int?
        /// Where that statement is.
        var budgetStopLocation: SourceLocation?

        /// What the run cost in all.
        var cost: LessonCost { costs.last ?? LessonCost() }

        /// The statement at which a lesson that had cost `before` when the run started passes `budgets`, among
        /// those that ran; nil when it does not pass them there.
        func budgetStop(after before: LessonCost, within budgets: Budgets?) -> Int? {
            guard let budgets else { return nil }
            return costs.firstIndex { budgets.isPassed(by: before + $0) }
        }
    }

    private var runs: [Key: Run] = [:]
    /// The keys used by the verification under way; the others are dropped when it completes.
    private var used: Set<Key> = []
    /// Where each scenario of the lesson started, in the verification under way and in the last completed one.
    private var startsUnderWay: [Start?] = []
    private var starts: [Start?] = []
    /// The seed of the last completed verification.
    private var seed = CourseVerifier.defaultSeed
    /// The Kafka release of the last completed verification.
    private var kafka = KafkaVersion.newest

    /// How many scenarios were run (rather than reused) since this value was created.
    public private(set) var executedCount = 0

    /// How many runs are kept.
    public var count: Int { runs.count }

    /// The caps every run is parsed and executed under.
    public let limits: Limits

    /// The lesson budgets that go with `limits`.
    public var budgets: Budgets { Budgets(limits: limits) }

    /// Creates an empty set of runs whose scenarios run under `limits`.
    public init(limits: Limits = .standard) {
        self.limits = limits
    }

    /// The run for `key`, reused or executed now from `start`, the state `key.origin` stands for. With `budgets`,
    /// the run stops after the statement that takes a lesson which had cost `costBefore` past them (and a stored run
    /// is reused only when it stops at the same statement). `checkCancellation` is called before every statement;
    /// when it throws, nothing is stored for this run.
    mutating func run<Failure: Error>(
        _ key: Key, file: String, startingFrom start: ScenarioRunner, costBefore: LessonCost = LessonCost(),
        budgets: Budgets? = nil, checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> Run {
        used.insert(key)
        if let run = runs[key], run.budgetStop(after: costBefore, within: budgets) == run.budgetStop {
            return run
        }
        let (script, parseProblems) = Self.parse(key.text, file: file, limits: limits)
        var run = Run(parseProblems: parseProblems, statements: script.statements, transcript: .empty, final: nil)
        // A scenario that does not parse is not run: its later lines would only report consequences of the typo.
        if parseProblems.isEmpty {
            var runner = start
            var cost = LessonCost()
            for (index, statement) in script.statements.enumerated() {
                try checkCancellation()
                let workBefore = runner.cluster?.workDone ?? 0
                runner.execute(statement)
                cost = cost + .ofStep(runner, workBefore: workBefore)
                run.costs.append(cost)
                if let budgets, budgets.isPassed(by: costBefore + cost) {
                    run.budgetStop = index
                    run.budgetStopLocation = statement.location
                    break
                }
            }
            let before = start.transcript
            run.transcript = runner.transcript.dropping(
                steps: before.steps.count, diagnostics: before.diagnostics.count)
            if run.budgetStop == nil { run.final = runner }
        }
        runs[key] = run
        executedCount += 1
        return run
    }

    /// Runs a scenario script (what `replicalab run <script>` runs: scenario lines, a fresh cluster with `seed`), or
    /// reuses the run of the same text; returns what `run` reports: the transcript and every problem, by location.
    /// `checkCancellation` works as in `CourseVerifier.verify(_:seed:reusing:checkingCancellation:)`.
    public mutating func runScript<Failure: Error>(
        _ text: String, path: String, seed: UInt64 = CourseVerifier.defaultSeed, kafka: KafkaVersion = .newest,
        checkingCancellation checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> (transcript: Transcript, diagnostics: [Diagnostic]) {
        record(start: nil, ofScenario: 0, seed: seed, kafka: kafka)
        let run = try run(
            Key(text: text, origin: .fresh(seed: seed, kafka: kafka)), file: path,
            startingFrom: ScenarioRunner(seed: seed, kafka: kafka, limits: limits),
            checkCancellation: checkCancellation)
        completeVerification(scenarioCount: 1)
        let move = { (location: SourceLocation) in
            SourceLocation(file: path, line: location.line, column: location.column)
        }
        let transcript = run.transcript.relocated(move)
        return (transcript, (run.parseProblems.map { $0.relocated(move) } + transcript.diagnostics).sorted())
    }

    /// Notes where the `index`-th scenario of the lesson under verification starts.
    mutating func record(start: Start?, ofScenario index: Int, seed: UInt64, kafka: KafkaVersion) {
        self.kafka = kafka
        if index == 0 { startsUnderWay = [] }
        startsUnderWay.append(start)
        self.seed = seed
    }

    /// Drops the runs the verification that just completed did not use.
    mutating func completeVerification(scenarioCount: Int) {
        runs = runs.filter { used.contains($0.key) }
        used = []
        starts = Array(startsUnderWay.prefix(scenarioCount))
        startsUnderWay = []
    }

    /// The cluster after the lines of `text` that parse, run from the state in which the `index`-th scenario of the
    /// lesson last verified with these runs starts (a fresh cluster when it continues nothing); nil when no line
    /// made a cluster.
    ///
    /// For an editor: the state at a line of a scenario that is being written, where the line under the cursor or
    /// one further down does not parse yet (a scenario with parse errors is not run, so its transcript is empty).
    /// Lines that do not parse are skipped, as the author will fix them; the others run as `check` would run them.
    public func cluster(afterLinesThatParseOf text: String, asScenario index: Int) -> Cluster? {
        let start = index < starts.count ? starts[index]?.runner : nil
        var runner = start ?? ScenarioRunner(seed: seed, kafka: kafka, limits: limits)
        for statement in Self.parse(text, file: "", limits: limits).script.statements { runner.execute(statement) }
        return runner.cluster
    }

    /// The cluster the `index`-th scenario of the last verified lesson started from: the final state of the scenario
    /// it continues, or nil when it starts from nothing.
    public func startingCluster(ofScenario index: Int) -> Cluster? {
        index < starts.count ? starts[index]?.runner.cluster : nil
    }

    private static func parse(
        _ text: String, file: String, limits: Limits
    ) -> (script: Script, diagnostics: [Diagnostic]) {
        ScenarioParser.parse(text, sourceMap: .identity(file: file, text: text), limits: limits)
    }
}
