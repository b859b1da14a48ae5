import ArgumentParser
import Course
import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// `replicalab play`: the scenario language at a prompt.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "An interactive sandbox: type scenario commands and see what the cluster does.",
        discussion: """
            Besides the scenario commands: help [<command>|all], tables, undo, history, save [<file>], quit. Tab \
            completes commands and each argument by its kind (crash <Tab> offers brokers, explain <Tab> \
            partitions, advance <Tab> durations); Up and Down walk the history. Mistakes are explained and never \
            end the session. Leaving with unsaved lines asks whether to save them.

            --from starts from a lesson's scenario, named as for run (03#stalled-follower, or a path), after its \
            last step or after step n; the lesson comes from a Lessons folder here (or --lessons DIR), else from \
            the course built into replicalab.

            Examples:
              replicalab play
              replicalab play --from 01#kafka-placement
              replicalab play --from 03#stalled-follower/step-2
            """
    )

    @Option(help: "Start from a lesson's scenario: <lesson>#<scenario>[/step-<n>].")
    var from: String?

    @Option(help: "The seed for the engine's random choices.")
    var seed: UInt64?

    @Flag(help: "No colour and ASCII tables.")
    var plain = false

    @OptionGroup var course: LessonSourceOptions

    func run() throws {
        let start = try from.map(startingPoint)
        let sandbox = Sandbox(
            seed: seed ?? start?.seed ?? CourseVerifier.defaultSeed, kafka: start?.kafka ?? .newest,
            prelude: start?.lines ?? [], limits: .ofThisRun)
        var session = PlaySession(sandbox: sandbox, style: .standardOutput(plain: plain))
        session.run(startingFrom: start.map { ($0.description, $0.lines.count, $0.narration) })
    }

    /// Where `--from` starts: the lines that rebuild the state, the lesson's seed and Kafka, and a description.
    struct StartingPoint {
        var lines: [String]
        var seed: UInt64?
        var kafka: KafkaVersion
        var description: String
        /// The author's narration of the step the session starts after (empty without `/step-N`).
        var narration: [String] = []
    }

    /// The lines of `from`'s scenario as written, with comments and `expect` lines (so `save` keeps them), up to the
    /// end of step n and the checks right after it; an earlier scenario it continues comes first, whole.
    private func startingPoint(_ from: String) throws -> StartingPoint {
        let reference = try LessonReference(parsing: from)
        guard let scenarioName = reference.scenario else {
            throw CLIError(
                "--from takes <lesson>#<scenario>[/step-<n>], e.g. 03#stalled-follower/step-2, not '\(from)'")
        }
        let (file, source) = try reference.file(in: course.source())
        let (parsed, problems) = LessonParser.parse(file.bytes, path: file.path)
        guard let lesson = parsed else {
            Terminal.standardError.write(DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text(problems))
            throw CLIError("\(file.path) could not be read")
        }
        let (kafka, kafkaProblem) = CourseVerifier.kafka(of: lesson)
        if let kafkaProblem {
            Terminal.standardError.write(
                DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text([kafkaProblem]))
            throw ExitCode(2)
        }
        let index = try LessonReference.scenarioIndex(scenarioName, in: lesson.scenarios, lesson: file.path)
        let block = lesson.scenarios[index]
        func statements(of block: ScenarioBlock) throws -> [Statement] {
            let (script, problems) = ScenarioParser.parse(
                block.block.text, sourceMap: block.block.sourceMap, limits: .ofThisRun)
            guard problems.isEmpty else {
                throw CLIError("scenario '\(block.name ?? "")' has errors; run 'replicalab check \(file.path)'")
            }
            return script.statements
        }
        // A scenario that continues an earlier one starts from that one's final state.
        var prelude: [String] = []
        for earlier in ScenarioStart.continuedScenarios(of: index, in: lesson.scenarios) {
            _ = try statements(of: lesson.scenarios[earlier])
            prelude += lesson.scenarios[earlier].block.lines
        }
        let own = try statements(of: block)
        let stepEnds = ScenarioStart.stepLineCounts(of: own, lineCount: block.block.lines.count)
        var lineCount = block.block.lines.count
        var narration: [String] = []
        if let step = reference.step {
            guard step <= stepEnds.count else {
                throw CLIError("scenario '\(block.name ?? scenarioName)' has \(stepEnds.count) steps, not \(step)")
            }
            // Step n, and the checks right after it; the comments before step n+1 narrate that step.
            lineCount = stepEnds[step - 1]
            let commands = own.filter { if case .expect = $0.command { false } else { true } }
            // The comments above step n and above its checks tell what the state is, as on the site.
            narration = own.filter { (commands[step - 1].lineIndex..<lineCount).contains($0.lineIndex) }
                .flatMap { $0.narration }
        }
        let origin = source == .builtIn ? ", built into replicalab" : ""
        return StartingPoint(
            lines: prelude + block.block.lines.prefix(lineCount), seed: lesson.frontMatter.seed, kafka: kafka,
            description: "\(from) (\(file.path)\(origin))", narration: narration)
    }
}
