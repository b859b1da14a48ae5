import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// Verifies lessons: parses them, runs every scenario on the engine, checks expectations and expected output.
public enum CourseVerifier {
    /// The seed scenarios run with unless a lesson says otherwise.
    public static let defaultSeed: UInt64 = 1

    /// Verifies a whole course. Lessons are ordered by their `NN`; duplicate numbers are errors.
    public static func verify(_ files: [LessonFile], seed: UInt64 = defaultSeed) -> VerifiedCourse {
        assemble(ordered(files).map { verify($0, seed: seed) })
    }

    /// The order lessons are verified and reported in (by path); `assemble` expects results in this order.
    public static func ordered(_ files: [LessonFile]) -> [LessonFile] {
        files.sorted { $0.path < $1.path }
    }

    /// Puts the results of verifying each file (in `ordered` order) together into a course: lesson order, duplicate
    /// numbers, links between lessons. Verifying the files is independent per file, so callers may do it in
    /// parallel; the course is the same whichever way the results were computed.
    public static func assemble(_ results: [(VerifiedLesson?, [Diagnostic])]) -> VerifiedCourse {
        var diagnostics: [Diagnostic] = []
        var lessons: [VerifiedLesson] = []
        for (lesson, problems) in results {
            diagnostics += problems
            if let lesson { lessons.append(lesson) }
        }
        lessons.sort { ($0.lesson.number, $0.lesson.path) < ($1.lesson.number, $1.lesson.path) }
        diagnostics += crossLessonDiagnostics(lessons.map(\.outline))
        return VerifiedCourse(lessons: lessons, diagnostics: diagnostics.sorted())
    }

    /// Verifies one lesson file.
    public static func verify(_ file: LessonFile, seed: UInt64 = defaultSeed) -> (VerifiedLesson?, [Diagnostic]) {
        let (parsed, parseProblems) = LessonParser.parse(file.bytes, path: file.path)
        guard let lesson = parsed else { return (nil, parseProblems) }
        var diagnostics = parseProblems
        var seen: [String: ScenarioBlock] = [:]
        var finalStates: [String: ScenarioRunner] = [:]
        var scenarios: [VerifiedScenario] = []
        let lessonSeed = lesson.frontMatter.seed ?? seed
        for block in lesson.scenarios {
            if let name = block.name {
                if let earlier = seen[name] {
                    diagnostics.append(
                        .error(
                            "scenario name '\(name)' is used twice in this lesson", at: block.block.location,
                            notes: [.init("first used here", at: earlier.block.location)]))
                }
                seen[name] = block
            }
            var start: ScenarioRunner?
            for option in block.options {
                guard option.hasPrefix("continues=") else {
                    let notes =
                        Suggestion.note(
                            for: option.split(separator: "=").first.map(String.init) ?? option, in: ["continues"]
                        )
                        .map { [Diagnostic.Note($0)] } ?? []
                    diagnostics.append(
                        .error(
                            "unknown scenario option '\(option)' (known: continues=<scenario>)",
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
            let (scenario, final) = verify(block, seed: lessonSeed, startingFrom: start)
            diagnostics += scenario.diagnostics
            scenarios.append(scenario)
            if let name = block.name, let final { finalStates[name] = final }
        }
        let resolved = StateReferences.parts(of: lesson, scenarios: scenarios)
        diagnostics += resolved.diagnostics
        return (VerifiedLesson(lesson: lesson, parts: resolved.parts, seed: lessonSeed), diagnostics)
    }

    /// Runs one scenario block and checks it.
    public static func verify(_ block: ScenarioBlock, seed: UInt64 = defaultSeed) -> VerifiedScenario {
        verify(block, seed: seed, startingFrom: nil).scenario
    }

    /// Runs one scenario block from a starting state (for `continues=`) and checks it; also returns the runner's final
    /// state, so a later scenario can continue from it (nil when the scenario did not parse).
    static func verify(_ block: ScenarioBlock, seed: UInt64, startingFrom start: ScenarioRunner?) -> (
        scenario: VerifiedScenario, final: ScenarioRunner?
    ) {
        let (script, parseProblems) = ScenarioParser.parse(block.block.text, sourceMap: block.block.sourceMap)
        // A scenario that does not parse is not run: its later lines would only report consequences of the typo.
        var transcript = Transcript.empty
        var final: ScenarioRunner?
        if parseProblems.isEmpty {
            var runner = start ?? ScenarioRunner(seed: seed)
            let before = runner.transcript
            for statement in script.statements { runner.execute(statement) }
            transcript = runner.transcript.dropping(steps: before.steps.count, diagnostics: before.diagnostics.count)
            final = runner
        }
        var diagnostics = parseProblems + transcript.diagnostics
        var outputMatches: Bool?
        if parseProblems.isEmpty, let output = block.output {
            let mismatch = OutputComparison.compare(expected: output, actual: transcript.text, scenario: block.name)
            diagnostics += mismatch
            outputMatches = mismatch.isEmpty
        }
        var scenario = VerifiedScenario(
            block: block, transcript: transcript, diagnostics: diagnostics.sorted(), outputMatches: outputMatches)
        scenario.initialCluster = start?.cluster
        return (scenario, final)
    }
}
