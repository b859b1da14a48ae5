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
            A path ending in .md is a lesson (all of its scenarios run); any other path is a scenario script; \
            - reads a script from standard input. Expectations are marked ✓ (held) or ✗ (failed). On a terminal the \
            broker table is drawn after every step that changes it; --plain (or a pipe, or NO_COLOR) prints the \
            transcript only. --step pauses after every step, like a debugger.

            Examples:
              replicalab run Lessons/01-partitions-and-replicas.md
              replicalab run Lessons/01-partitions-and-replicas.md --scenario slide-table --step
              echo 'cluster brokers=3
              topic t partitions=3 replication-factor=3
              describe t' | replicalab run -

            Exit codes: 0 all verified, 1 an expectation failed, 2 bad input or usage.
            """
    )

    @Argument(help: "A lesson (.md), a scenario script, or - for standard input.")
    var input: String

    @Option(help: "Run only the scenario with this name (lessons only).")
    var scenario: String?

    @Flag(help: "Plain text: no colour, no tables (automatic when output is not a terminal or NO_COLOR is set).")
    var plain = false

    @Flag(help: "Pause after each step: Enter = next, b = back one step, t = tables, q = quit.")
    var step = false

    private var style: TerminalStyle { TerminalStyle(isFancy: !plain && Terminal.standardOutput.usesColor) }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        if input.hasSuffix(".md") {
            let file = try LessonFiles.readFile(input)
            // The whole lesson is verified (its seed, `continues=` chains, references), then shown scenario by scenario.
            let (verifiedLesson, problems) = CourseVerifier.verify(file)
            if let lesson = verifiedLesson {
                var scenarios = lesson.scenarios
                if let scenario {
                    scenarios = scenarios.filter { $0.block.name == scenario }
                    if scenarios.isEmpty {
                        let names = lesson.scenarios.compactMap(\.block.name)
                        let hint = Suggestion.note(for: scenario, in: names).map { " (\($0))" } ?? ""
                        throw CLIError(
                            "\(input) has no scenario named '\(scenario)'\(hint); it has: \(names.isEmpty ? "no named scenarios" : names.joined(separator: ", "))"
                        )
                    }
                }
                let shown = Set(scenarios.map(\.block.block.location))
                // Problems of the scenarios shown, and of the lesson itself; not those of scenarios filtered out.
                let hidden = Set(
                    lesson.scenarios.filter { !shown.contains($0.block.block.location) }.flatMap(\.diagnostics))
                diagnostics += problems.filter { !hidden.contains($0) }
                for (index, verified) in scenarios.enumerated() {
                    if index > 0 { Terminal.standardOutput.write("\n") }
                    let block = verified.block
                    let title = block.name.map { "scenario \($0)" } ?? "scenario"
                    let continues = block.options.first { $0.hasPrefix("continues=") }.map { ", \($0)" } ?? ""
                    Terminal.standardOutput.write("== \(title) (\(block.block.location)\(continues)) ==\n")
                    if !show(verified.transcript) { break }
                }
            } else {
                diagnostics += problems
            }
        } else {
            if scenario != nil { throw CLIError("--scenario applies to lessons (.md files) only") }
            let (path, text) = try readScript()
            let lineCount = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
                .count
            let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: path, lineCount: lineCount))
            diagnostics += problems
            if problems.isEmpty {
                let transcript = ScenarioRunner.run(script, seed: CourseVerifier.defaultSeed)
                _ = show(transcript)
                diagnostics += transcript.diagnostics
            }
        }
        let printer = DiagnosticPrinter(usesColor: Terminal.standardError.usesColor)
        Terminal.standardError.write(printer.render(diagnostics))
        let code = diagnostics.exitCode
        if code != 0 { throw ExitCode(code) }
    }

    private func readScript() throws -> (String, String) {
        if input == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError("standard input is not valid UTF-8")
            }
            return ("<stdin>", text)
        }
        let file = try LessonFiles.readFile(input)
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            throw CLIError("\(input) is not valid UTF-8")
        }
        return (input, text)
    }

    /// Prints a transcript, or steps through it; false when the learner quit.
    private func show(_ transcript: Transcript) -> Bool {
        if step { return StepThrough(transcript: transcript, style: style).run() }
        var out = ""
        var previous: Cluster?
        for step in transcript.steps {
            // The author's comments stand where they were written: above the statement they belong to.
            out += style.narration(step.statement.narration) + style.render(step)
            if style.isFancy, !step.isExpectation, let cluster = step.cluster, !cluster.topics.isEmpty,
                cluster != previous
            {
                out += style.render(BrokerTable(cluster: cluster))
            }
            if !step.isExpectation { previous = step.cluster }
        }
        Terminal.standardOutput.write(out)
        return true
    }
}
