import ArgumentParser
import Course
import Diagnostics
import Foundation
import LessonMarkdown
import Replication
import ScenarioLanguage

/// `replicalab run`: run a lesson's scenarios, or a scenario script, and print the transcript.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the scenarios of a lesson, or a scenario script, and print each command with its output.",
        discussion: """
            A lesson is named by number (03), slug (in-sync-replicas), file name or path; #<scenario> (a name or a \
            number) runs one of its scenarios. Lessons come from a Lessons folder here (or --lessons DIR), else from \
            the course built into replicalab. Any other path is a scenario script; - reads a script from standard \
            input. Expectations are marked ✓ (held) or ✗ (failed). On a terminal the broker table is drawn after \
            every step that changes it, long lines are broken to the terminal's width, and output longer than the \
            screen goes through $PAGER (else less -R; --no-pager or PAGER=cat prints it straight). --plain (or a \
            pipe, or NO_COLOR) prints the transcript only. --step pauses after every step, like a debugger. \
            --kafka runs a script on one Kafka release, or on two (--kafka 3.6,4.1): then the first run's \
            transcript is printed, followed by the steps whose output differs, side by side.

            Examples:
              replicalab run 01
              replicalab run 03#stalled-follower --step
              replicalab run Lessons/01-partitions-and-replicas.md --scenario slide-table
              replicalab run --kafka 4.0,4.1 min-isr.scenario
              echo 'cluster brokers=3
              topic t partitions=3 replication-factor=3
              describe t' | replicalab run -

            Exit codes: 0 all verified, 1 an expectation failed, 2 bad input or usage.
            """
    )

    @Argument(help: "A lesson (03, in-sync-replicas, a .md file) with an optional #<scenario>, a script, or -.")
    var input: String

    @Option(help: "Run only this scenario of the lesson: its name or its number (1 is the first).")
    var scenario: String?

    @Flag(help: "Plain text: no colour, no tables (automatic when output is not a terminal or NO_COLOR is set).")
    var plain = false

    @Flag(help: "Pause after each step: Enter = next, b = back one step, t = tables, q = quit.")
    var step = false

    @Flag(name: .customLong("no-pager"), help: "Never page the output through $PAGER or less.")
    var noPager = false

    @Option(help: "The seed for the engine's random choices when running a script (a lesson has its own).")
    var seed: UInt64?

    @Option(help: "The Kafka release a script runs on, or two to compare (3.6,4.1); default the newest.")
    var kafka: String?

    @OptionGroup var course: LessonSourceOptions

    private var style: TerminalStyle { .standardOutput(plain: plain) }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var out = ConsoleText()
        if input == "-" {
            if scenario != nil { throw CLIError("--scenario applies to lessons (.md files) only") }
            diagnostics += try runScript(input, into: &out)
        } else {
            let reference = try LessonReference(parsing: input)
            if reference.lesson.hasSuffix(".md") || !isFile(reference.lesson) && reference.namesCourseLesson {
                // A lesson: the file at that path, or the course's lesson it names.
                if seed != nil { throw CLIError("--seed applies to scripts; a lesson's seed is in its front matter") }
                if kafka != nil {
                    throw CLIError(
                        "--kafka applies to scripts; a lesson names its Kafka in its front matter (kafka:) and a scenario compares releases with versions="
                    )
                }
                let (file, source) = try reference.file(in: course.source())
                diagnostics += try runLesson(file, from: source, reference: reference, into: &out)
            } else {
                if scenario != nil || reference.scenario != nil {
                    throw CLIError("a scenario (--scenario or #) applies to lessons (.md files) only")
                }
                diagnostics += try runScript(reference.lesson, into: &out)
            }
        }
        Pager.show(style.fit(out), enabled: !noPager)
        let printer = DiagnosticPrinter(usesColor: Terminal.standardError.usesColor)
        Terminal.standardError.write(printer.text(diagnostics))
        let code = diagnostics.exitCode
        if code != 0 { throw ExitCode(code) }
    }

    /// The script's name for diagnostics and its bytes (`-` is standard input), of at most the input budget. Only
    /// regular files are read (a FIFO or a device would block or never end), and files to their end whatever size
    /// the file system claims (`/proc`).
    static func readScript(_ input: String) throws -> (path: String, bytes: [UInt8]) {
        let path = input == "-" ? "<stdin>" : input
        do {
            let bytes =
                input == "-"
                ? try InputFile.readAll(STDIN_FILENO, path: path, limit: Budgets.ofThisRun.lessonInputBytes)
                : try InputFile.read(input, limit: Budgets.ofThisRun.lessonInputBytes)
            return (path, bytes)
        } catch is InputFile.TooLarge {
            throw LessonFiles.budgetExit(path)
        }
    }

    private func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Runs a lesson (all of it, or the scenario asked for) and returns its problems; the transcript goes to `out`,
    /// or, with `--step`, to the terminal step by step.
    private func runLesson(
        _ file: LessonFile, from source: LessonSource?, reference: LessonReference, into out: inout ConsoleText
    ) throws -> [Diagnostic] {
        // The whole lesson is verified (its seed, `continues=` chains, references), then shown scenario by scenario.
        let (verifiedLesson, problems) = CourseVerifier.verify(file, limits: .ofThisRun)
        guard let lesson = verifiedLesson else { return problems }
        if let scenario, let typed = reference.scenario, scenario != typed {
            throw CLIError("the scenario is given twice: #\(typed) and --scenario \(scenario)")
        }
        var scenarios = lesson.scenarios
        if let wanted = scenario ?? reference.scenario {
            let index = try LessonReference.scenarioIndex(wanted, in: scenarios.map(\.block), lesson: file.path)
            scenarios = [scenarios[index]]
        }
        var startStep = 0
        if let number = reference.step {
            guard step else {
                throw CLIError(
                    "/step-\(number) applies to --step (start there) and to play --from (a sandbox from there)")
            }
            startStep = number - 1
        }
        let shown = Set(scenarios.map(\.block.block.location))
        // Problems of the scenarios shown, and of the lesson itself; not those of scenarios filtered out.
        let hidden = Set(lesson.scenarios.filter { !shown.contains($0.block.block.location) }.flatMap(\.diagnostics))
        // A question is asked before the step its answer is read from, and answered after it.
        var questions: [SourceLocation: [Int: [VerifiedQuestion]]] = [:]
        for stop in lesson.questionStops {
            questions[lesson.scenarios[stop.scenario].block.block.location, default: [:]][stop.step, default: []]
                .append(stop.question)
        }
        for (index, verified) in scenarios.enumerated() {
            let block = verified.block
            let title = block.name.map { "scenario \($0)" } ?? "scenario"
            let origin = source == .builtIn ? ", built into replicalab" : ""
            let continues = block.options.first { $0.hasPrefix("continues=") }.map { ", \($0)" } ?? ""
            // The scenario's name and the lesson's path are outside text.
            let kafka =
                verified.versionComparison.map { ", Kafka \($0.left.text) and \($0.right.text)" }
                ?? ", Kafka \(lesson.kafka.text)"
            let header: ConsoleText = "== \(title) (\(block.block.location)\(origin)\(continues)\(kafka)) ==\n"
            if step {
                style.write((index > 0 ? "\n" : "") + header)
                let stepping = StepThrough(
                    transcript: verified.transcript, style: style, isLast: index == scenarios.count - 1,
                    questions: questions[block.block.location] ?? [:])
                if !stepping.run(from: index == 0 ? startStep : 0) { break }
            } else {
                out += (index > 0 ? "\n" : "") + header + show(verified.transcript)
                if let comparison = verified.versionComparison {
                    let width = style.fitsText ? max(44, style.width) : 100
                    out += "\n" + ConsoleText.lines(comparison.plainText(width: width))
                }
            }
        }
        return problems.filter { !hidden.contains($0) }
    }

    /// Runs a scenario script (`-` is standard input) and returns its problems; the transcript goes to `out`, or
    /// steps by. Plain output is `ScriptRun`'s, the very text the WebAssembly engine gives for the script.
    private func runScript(_ input: String, into out: inout ConsoleText) throws -> [Diagnostic] {
        let (path, bytes) = try Self.readScript(input)
        let versions = try Self.kafkaVersions(kafka)
        let run = ScriptRun(
            script: bytes, path: path, seed: seed ?? ScriptRun.defaultSeed, kafka: versions.first ?? .newest,
            limits: .ofThisRun)
        if let failure = run.failure { throw CLIError(failure) }
        guard let transcript = run.transcript else { return run.diagnostics }
        if versions.count == 2 {
            if step { throw CLIError("--step shows one run; compare two releases without it") }
            let other = ScriptRun(
                script: bytes, path: path, seed: seed ?? ScriptRun.defaultSeed, kafka: versions[1], limits: .ofThisRun)
            guard let otherTranscript = other.transcript else { return run.diagnostics + other.diagnostics }
            let comparison = VersionComparison(versions[0], transcript, versions[1], otherTranscript)
            let header: ConsoleText = "== Kafka \(versions[0].text) ==\n"
            out += header + (style.isFancy ? show(transcript) : run.standardOutput)
            let width = style.fitsText ? max(44, style.width) : 100
            out += "\n== Kafka \(versions[0].text) and \(versions[1].text), side by side ==\n"
            out += ConsoleText.lines(comparison.plainText(width: width))
            // The second run's problems, each saying which release it is about.
            return VersionComparison.problems(run.diagnostics, other.diagnostics, secondOn: versions[1])
        }
        if step {
            _ = StepThrough(transcript: transcript, style: style, isLast: true).run()
        } else {
            out += style.isFancy ? show(transcript) : run.standardOutput
        }
        return run.diagnostics
    }

    private func show(_ transcript: Transcript) -> ConsoleText { Self.show(transcript, style: style) }

    /// The releases `--kafka` names: none, one, or two different ones; anything else is a usage error (exit 2).
    static func kafkaVersions(_ option: String?) throws -> [KafkaVersion] {
        guard let option else { return [] }
        let versions: [KafkaVersion]
        switch VersionComparison.releases(in: option) {
        case .success(let releases): versions = releases
        case .failure(let error): throw CLIError("--kafka: " + error.message)
        }
        guard versions.count <= 2, Set(versions).count == versions.count else {
            throw CLIError("--kafka takes one release or two different ones (3.6,4.1), not '\(option)'")
        }
        return versions
    }

    /// A transcript as text: every step, and on a fancy terminal the broker table after each step that changed it.
    static func show(_ transcript: Transcript, style: TerminalStyle) -> ConsoleText {
        var previous: Cluster?
        return style.transcript.render(transcript) { step in
            guard !step.isExpectation else { return ConsoleText() }
            defer { previous = step.cluster }
            guard style.isFancy, let cluster = step.cluster, !cluster.topics.isEmpty, cluster != previous else {
                return ConsoleText()
            }
            return style.render(BrokerTable(cluster: cluster))
        }
    }
}
