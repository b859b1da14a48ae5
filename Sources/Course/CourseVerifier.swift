import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Verifies lessons: parses them, runs every scenario on the engine, checks expectations and expected output.
public enum CourseVerifier {
    /// The seed scenarios run with unless a lesson says otherwise.
    public static let defaultSeed: UInt64 = ScriptRun.defaultSeed

    /// Verifies a whole course under `limits`. Lessons are ordered by their `NN`; duplicate numbers are errors.
    public static func verify(
        _ files: [LessonFile], seed: UInt64 = defaultSeed, limits: Limits = .standard
    ) -> VerifiedCourse {
        assemble(ordered(files).map { verify($0, seed: seed, limits: limits) }, limits: limits)
    }

    /// The order lessons are verified and reported in (by path); `assemble` expects results in this order.
    public static func ordered(_ files: [LessonFile]) -> [LessonFile] {
        files.sorted { $0.path < $1.path }
    }

    /// Puts the results of verifying each file (in `ordered` order, under `limits`) together into a course: lesson
    /// order, duplicate numbers, links between lessons, the course's budgets. Verifying the files is independent per
    /// file, so callers may do it in parallel; the course is the same whichever way the results were computed.
    public static func assemble(
        _ results: [(VerifiedLesson?, [Diagnostic])], limits: Limits = .standard
    ) -> VerifiedCourse {
        assemble(
            outlined: results.map { lesson, problems in (lesson.map { ($0, $0.outline) }, problems) }, limits: limits)
    }

    /// `assemble(_:limits:)` for results whose lessons come with their outlines (`VerifiedLesson.outline`), made
    /// where each lesson was verified: an outline lists every anchor of the lesson's page, so making them one after
    /// another here would be the longest part of putting a large course together that runs on one thread.
    public static func assemble(
        outlined results: [((lesson: VerifiedLesson, outline: LessonOutline)?, problems: [Diagnostic])],
        limits: Limits = .standard
    ) -> VerifiedCourse {
        var diagnostics: [Diagnostic] = []
        var lessons: [(lesson: VerifiedLesson, outline: LessonOutline)] = []
        for (lesson, problems) in results {
            diagnostics += problems
            if let lesson { lessons.append(lesson) }
        }
        lessons.sort {
            ($0.lesson.lesson.number, $0.lesson.lesson.path) < ($1.lesson.lesson.number, $1.lesson.lesson.path)
        }
        diagnostics += crossLessonDiagnostics(lessons.map(\.outline), limits: limits)
        return VerifiedCourse(lessons: lessons.map(\.lesson), diagnostics: diagnostics.sorted())
    }

    /// Verifies one lesson file; its scenarios run under `limits`.
    public static func verify(
        _ file: LessonFile, seed: UInt64 = defaultSeed, limits: Limits = .standard
    ) -> (VerifiedLesson?, [Diagnostic]) {
        var runs = ScenarioRuns(limits: limits)
        return verify(file, seed: seed, reusing: &runs, checkingCancellation: {})
    }

    /// Verifies one lesson file, reusing from `runs` the runs of scenarios that an edit cannot have changed and
    /// keeping the new ones there; the result is exactly what `verify(_:seed:limits:)` returns with `runs.limits`.
    ///
    /// `checkCancellation` is called before every statement a scenario runs; when it throws, verification stops
    /// there, the scenarios completed so far stay in `runs`, and the error is rethrown. (The language server stops
    /// verifying a lesson this way as soon as the author types again, and resumes from the completed scenarios.)
    public static func verify<Failure: Error>(
        _ file: LessonFile, seed: UInt64 = defaultSeed, reusing runs: inout ScenarioRuns,
        checkingCancellation checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> (VerifiedLesson?, [Diagnostic]) {
        let (parsed, parseProblems) = LessonParser.parse(file.bytes, path: file.path)
        guard let lesson = parsed else { return (nil, parseProblems) }
        return try verify(
            lesson, parseProblems: parseProblems, seed: seed, reusing: &runs, checkingCancellation: checkCancellation)
    }

    /// Verifies a parsed lesson whose parser reported `parseProblems` (they lead the diagnostics), reusing and
    /// keeping runs as `verify(_:seed:reusing:checkingCancellation:)` does. The language server verifies a lesson
    /// parsed with `keepingLessonWithErrors` this way, to show the states of its scenarios while `check` would
    /// reject the whole file (a fence not closed yet).
    public static func verify<Failure: Error>(
        _ lesson: Lesson, parseProblems: [Diagnostic], seed: UInt64 = defaultSeed, reusing runs: inout ScenarioRuns,
        checkingCancellation checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> (VerifiedLesson, [Diagnostic]) {
        var diagnostics = parseProblems
        var names = BlockNames(kind: "scenario")
        var finalStates: [String: ScenarioRuns.Start] = [:]
        var scenarios: [VerifiedScenario] = []
        var cost = LessonCost()
        var budgetStop: SourceLocation?
        let lessonSeed = lesson.frontMatter.seed ?? seed
        let (lessonKafka, kafkaProblem) = Self.kafka(of: lesson)
        if let kafkaProblem { diagnostics.append(kafkaProblem) }
        for (block, anchor) in zip(lesson.scenarios, lesson.scenarioAnchors) {
            if let problem = names.add(name: block.name, anchor: anchor, at: block.block.location) {
                diagnostics.append(problem)
            }
            if let stop = budgetStop {
                // A budget stopped an earlier scenario: this one is not run, and says so.
                let notRun = Diagnostic.error(
                    "this scenario was not run: the lesson passed a budget at line \(stop.line)",
                    at: block.block.location)
                diagnostics.append(notRun)
                runs.record(start: nil, ofScenario: scenarios.count, seed: lessonSeed, kafka: lessonKafka)
                scenarios.append(
                    VerifiedScenario(block: block, transcript: .empty, diagnostics: [notRun], outputMatches: nil))
                continue
            }
            var start: ScenarioRuns.Start?
            var versions: [KafkaVersion] = []
            for option in block.options {
                if option.hasPrefix("versions=") {
                    let (parsed, problem) = Self.versions(option, of: block)
                    versions = parsed
                    if let problem { diagnostics.append(problem) }
                    continue
                }
                guard option.hasPrefix("continues=") else {
                    let notes =
                        Suggestion.note(
                            for: option.split(separator: "=").first.map(String.init) ?? option,
                            in: ["continues", "versions"]
                        )
                        .map { [Diagnostic.Note($0)] } ?? []
                    diagnostics.append(
                        .error(
                            "unknown scenario option '\(option)' (known: continues=<scenario>, versions=<kafka>,<kafka>)",
                            at: block.block.location, notes: notes))
                    continue
                }
                let earlier = String(option.dropFirst("continues=".count))
                if let state = finalStates[earlier] {
                    start = state
                } else {
                    let names = finalStates.keys.sorted()
                    let notes = Suggestion.note(for: earlier, in: names).map { [Diagnostic.Note($0)] } ?? []
                    diagnostics.append(
                        .error(
                            "'continues=\(earlier)': no earlier scenario of this lesson is named '\(earlier)'",
                            at: block.block.location, notes: notes))
                }
            }
            if !versions.isEmpty, start != nil {
                diagnostics.append(
                    .error(
                        "versions= runs a scenario from an empty cluster on each release; it cannot continue another",
                        at: block.block.location))
                versions = []
            }
            let scenarioKafka = versions.first ?? lessonKafka
            runs.record(start: start, ofScenario: scenarios.count, seed: lessonSeed, kafka: scenarioKafka)
            var (scenario, final, stop) = try verify(
                block, seed: lessonSeed, kafka: scenarioKafka, startingFrom: start, runs: &runs, cost: &cost,
                checkCancellation: checkCancellation)
            if versions.count == 2, stop == nil {
                // The second release: its expectations must hold too; the `output` block shows the first release.
                var unshown = block
                unshown.output = nil
                let (other, _, otherStop) = try verify(
                    unshown, seed: lessonSeed, kafka: versions[1], startingFrom: nil, runs: &runs, cost: &cost,
                    checkCancellation: checkCancellation)
                scenario.diagnostics = VersionComparison.problems(
                    scenario.diagnostics, other.diagnostics, secondOn: versions[1])
                scenario.versionComparison = VersionComparison(
                    versions[0], scenario.transcript, versions[1], other.transcript)
                stop = otherStop
            }
            diagnostics += scenario.diagnostics
            scenarios.append(scenario)
            budgetStop = stop
            if let name = block.name, let final { finalStates[name] = final }
        }
        // Exercises are judged after the scenarios, within what the lesson has left of its budgets.
        let exercises = ExerciseVerifier.verify(
            lesson, seed: lessonSeed, kafka: lessonKafka, limits: runs.limits, cost: &cost, budgetStop: &budgetStop)
        diagnostics += exercises.flatMap(\.diagnostics)
        let resolved = StateReferences.parts(of: lesson, scenarios: scenarios, exercises: exercises)
        diagnostics += resolved.diagnostics
        var verified = VerifiedLesson(lesson: lesson, parts: resolved.parts, seed: lessonSeed)
        verified.kafka = lessonKafka
        verified.cost = cost
        runs.completeVerification(scenarioCount: scenarios.count)
        return (verified, diagnostics)
    }

    /// Runs one scenario block under `limits` and checks it (against the budgets of a lesson of this one scenario).
    public static func verify(
        _ block: ScenarioBlock, seed: UInt64 = defaultSeed, kafka: KafkaVersion = .newest, limits: Limits = .standard
    ) -> VerifiedScenario {
        var runs = ScenarioRuns(limits: limits)
        var cost = LessonCost()
        return verify(
            block, seed: seed, kafka: kafka, startingFrom: nil, runs: &runs, cost: &cost, checkCancellation: {}
        )
        .scenario
    }

    /// Runs one scenario block (or reuses its run) from a starting state (for `continues=`) and checks it; also
    /// returns the state it ends in, so a later scenario can continue from it (nil when the scenario did not parse
    /// or a budget stopped it). Every statement is counted against the lesson's budgets (`runs.budgets`) in `cost`,
    /// the lesson's cost so far, whether the run is executed now or reused; the statement that passes one stops the
    /// scenario there.
    static func verify<Failure: Error>(
        _ block: ScenarioBlock, seed: UInt64, kafka: KafkaVersion, startingFrom start: ScenarioRuns.Start?,
        runs: inout ScenarioRuns,
        cost: inout LessonCost, checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> (scenario: VerifiedScenario, final: ScenarioRuns.Start?, budgetStop: SourceLocation?) {
        let key = ScenarioRuns.Key(
            text: block.block.text, origin: start.map { .after($0.key) } ?? .fresh(seed: seed, kafka: kafka))
        let budgets = runs.budgets
        let run = try runs.run(
            key, file: block.block.sourceMap.file,
            startingFrom: start?.runner ?? ScenarioRunner(seed: seed, kafka: kafka, limits: runs.limits),
            costBefore: cost,
            budgets: budgets, checkCancellation: checkCancellation)
        // The run is in the canonical coordinates of the block's text; put it where the block is.
        let map = block.block.sourceMap
        let move = { (location: SourceLocation) in map.location(line: location.line - 1, column: location.column) }
        let parseProblems = run.parseProblems.map { $0.relocated(move) }
        let transcript = run.transcript.relocated(move)
        cost = cost + run.cost
        let budgetStop = run.budgetStopLocation.map(move)
        let budgetProblem = budgetStop.map { budgets.lessonDiagnostic(cost, at: $0) }
        var diagnostics = parseProblems + transcript.diagnostics + (budgetProblem.map { [$0] } ?? [])
        var outputMatches: Bool?
        // A scenario stopped by a budget has only part of its transcript: comparing its output would say nothing.
        if parseProblems.isEmpty, budgetProblem == nil, let output = block.output {
            let mismatch = OutputComparison.compare(expected: output, actual: transcript.text, scenario: block.name)
            diagnostics += mismatch
            outputMatches = mismatch.isEmpty
        }
        var scenario = VerifiedScenario(
            block: block, transcript: transcript, diagnostics: diagnostics.sorted(), outputMatches: outputMatches)
        scenario.initialCluster = start?.runner.cluster
        scenario.stepLineCounts = ScenarioStart.stepLineCounts(of: run.statements, lineCount: block.block.lines.count)
        return (scenario, run.final.map { ScenarioRuns.Start(runner: $0, key: key) }, budgetStop)
    }
}

extension CourseVerifier {
    /// The releases of a scenario's `versions=<a>,<b>` option: two different modelled releases, or none and an error
    /// at the block.
    static func versions(_ option: String, of block: ScenarioBlock) -> ([KafkaVersion], Diagnostic?) {
        let versions: [KafkaVersion]
        switch VersionComparison.releases(in: option.dropFirst("versions=".count)) {
        case .success(let releases): versions = releases
        case .failure(let error): return ([], .error("versions=: " + error.message, at: block.block.location))
        }
        guard versions.count == 2, versions[0] != versions[1] else {
            return (
                [], .error("versions= names two different Kafka releases (versions=4.0,4.1)", at: block.block.location)
            )
        }
        return (versions, nil)
    }

    /// The Kafka a lesson's scenarios and exercises run on: its front matter's `kafka`, else the newest modelled
    /// release; with an error at the value when it names no modelled release (the newest is used then).
    public static func kafka(of lesson: Lesson) -> (KafkaVersion, Diagnostic?) {
        guard let text = lesson.frontMatter.kafka else { return (.newest, nil) }
        if let version = KafkaVersion(text) { return (version, nil) }
        let location = lesson.frontMatter.kafkaLocation ?? SourceLocation(file: lesson.path, line: 1, column: 1)
        return (.newest, .error("kafka must be one of \(KafkaVersion.names), not '\(text)'", at: location))
    }
}
