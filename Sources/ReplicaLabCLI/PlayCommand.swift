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
            Besides the scenario commands: help [<command>], tables, undo, history, save <file>, quit. Tab \
            completes commands, keys, broker ids and topic-partitions; Up and Down walk the history. Mistakes are \
            explained and never end the session.

            Examples:
              replicalab play
              replicalab play --from Lessons/01-partitions-and-replicas.md#kafka-placement
              replicalab play --from Lessons/01-partitions-and-replicas.md#kafka-placement/step-2
            """
    )

    @Option(help: "Start from a lesson's scenario: <lesson.md>#<scenario>[/step-<n>].")
    var from: String?

    @Option(help: "The seed for the engine's random choices.")
    var seed: UInt64?

    @Flag(help: "No colour and ASCII tables.")
    var plain = false

    func run() throws {
        let (prelude, lessonSeed) = try startingLines()
        var sandbox = Sandbox(seed: seed ?? lessonSeed ?? CourseVerifier.defaultSeed, prelude: prelude)
        let style = TerminalStyle(isFancy: !plain && Terminal.standardOutput.usesColor)
        let editor = LineEditor { sandbox.completions(for: $0) }
        defer { editor.close() }
        var out = style.bold("ReplicaLab sandbox") + " — type 'help' for commands, Tab to complete, Ctrl-D to leave.\n"
        if !prelude.isEmpty { out += "Started from \(from ?? "") (\(prelude.count) commands).\n" }
        Terminal.standardOutput.write(out)
        while let line = editor.readLine(prompt: style.bold("replicalab> ")) {
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            switch SandboxCommand(rawValue: first) {
            case .quit, .exit:
                return
            case .help:
                let text =
                    words.count > 1 ? (CommandHelp.details(for: words[1]) ?? helpUnknown(words[1])) : helpOverview()
                Terminal.standardOutput.write(.lines(text.joined(separator: "\n") + "\n"))
            case .tables:
                showTables(sandbox.cluster, style: style)
            case .undo:
                Terminal.standardOutput.write(
                    sandbox.undo() ? "Undone. (\(sandbox.undoDepth) more can be undone)\n" : "Nothing to undo.\n")
            case .history:
                let lines =
                    sandbox.prelude.map { "  \($0)" }
                    + sandbox.lines.enumerated().map { "\($0.offset + 1)  \($0.element)" }
                Terminal.standardOutput.write(
                    lines.isEmpty ? "No commands yet.\n" : .lines(lines.joined(separator: "\n") + "\n"))
            case .save:
                guard words.count == 2 else {
                    Terminal.standardOutput.write("usage: save <file>\n")
                    continue
                }
                do {
                    try FileWriter.replace(words[1], with: Array(sandbox.script.utf8), links: .resolve)
                    Terminal.standardOutput.write(
                        "Saved \(sandbox.prelude.count + sandbox.lines.count) commands to \(words[1]); replay with: replicalab run \(words[1])\n"
                    )
                } catch let error as CLIError {
                    Terminal.standardOutput.write(style.red("error: ") + "\(error.message)\n")
                }
            case nil:
                respond(to: sandbox.enter(line), line: line, style: style, sandbox: sandbox)
            }
        }
    }

    private func respond(to response: Sandbox.Response, line: String, style: TerminalStyle, sandbox: Sandbox) {
        switch response {
        case .nothing:
            return
        case .step(let step):
            var out = step.isExpectation ? style.render(step) : step.output.map { "\($0)\n" as ConsoleText }.joined()
            if style.isFancy, !step.isExpectation, let cluster = step.cluster, !cluster.topics.isEmpty,
                TopicChanges.changesTables(step)
            {
                out += style.render(BrokerTable(cluster: cluster))
            }
            Terminal.standardOutput.write(out)
        case .problems(let diagnostics):
            var out = ConsoleText()
            for diagnostic in diagnostics.sorted() {
                let caret = ConsoleText.trusted(String(repeating: " ", count: max(0, diagnostic.location.column - 1)))
                out += "  \(line)\n  \(caret)^\n"
                out += style.red("error: ") + "\(diagnostic.message)\n"
                for note in diagnostic.notes { out += "note: \(note.message)\n" }
            }
            out += style.dim("(nothing changed; type 'help' for the commands)") + "\n"
            Terminal.standardOutput.write(out)
        }
    }

    private func showTables(_ cluster: Cluster?, style: TerminalStyle) {
        guard let cluster, !cluster.topics.isEmpty else {
            Terminal.standardOutput.write(
                "No topics yet. Try: cluster brokers=6 racks=2, then topic t partitions=10 replication-factor=3\n")
            return
        }
        Terminal.standardOutput.write(
            style.render(BrokerTable(cluster: cluster))
                + .lines(TopicDescription(cluster: cluster).lines.joined(separator: "\n") + "\n"))
    }

    private func helpOverview() -> [String] {
        CommandHelp.overview + ["", "Sandbox commands:"]
            + SandboxCommand.allCases.filter { $0 != .exit }.map { "  \($0.summary)" }
            + ["", "help <command> explains one command, e.g. help topic."]
    }

    private func helpUnknown(_ word: String) -> [String] {
        let note = Suggestion.note(for: word, in: CommandTable.allNames).map { " (\($0))" } ?? ""
        return ["No command '\(word)'\(note). Type 'help' for the list."]
    }

    /// The lines that rebuild the state of `--from`, and the lesson's seed.
    private func startingLines() throws -> ([String], UInt64?) {
        guard let from else { return ([], nil) }
        let parts = from.split(separator: "#", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw CLIError("--from takes <lesson.md>#<scenario>[/step-<n>], not '\(from)'") }
        let target = parts[1].split(separator: "/", maxSplits: 1).map(String.init)
        let name = target[0].hasPrefix("scenario-") ? String(target[0].dropFirst("scenario-".count)) : target[0]
        var stepLimit: Int?
        if target.count == 2 {
            guard target[1].hasPrefix("step-"), let number = Int(target[1].dropFirst(5)), number >= 1 else {
                throw CLIError("--from: expected /step-<n> after the scenario name, not '/\(target[1])'")
            }
            stepLimit = number
        }
        let file = try LessonFiles.readSingleFile(parts[0])
        let (parsed, problems) = LessonParser.parse(file.bytes, path: file.path)
        guard let lesson = parsed else {
            Terminal.standardError.write(DiagnosticPrinter().text(problems))
            throw CLIError("\(parts[0]) could not be read")
        }
        guard let block = lesson.scenarios.first(where: { $0.name == name }) else {
            let names = lesson.scenarios.compactMap(\.name)
            let hint = Suggestion.note(for: name, in: names).map { " (\($0))" } ?? ""
            throw CLIError("\(parts[0]) has no scenario named '\(name)'\(hint)")
        }
        func commands(of block: ScenarioBlock) throws -> [String] {
            let (script, problems) = ScenarioParser.parse(block.block.text, sourceMap: block.block.sourceMap)
            guard problems.isEmpty else {
                throw CLIError("scenario '\(block.name ?? "")' has errors; run 'replicalab check \(parts[0])'")
            }
            return script.statements.filter { if case .expect = $0.command { false } else { true } }.map(\.text)
        }
        // A scenario that continues an earlier one starts from that one's final state.
        var prelude: [String] = []
        var earlier = block.options.first { $0.hasPrefix("continues=") }.map { String($0.dropFirst(10)) }
        var visited: Set<String> = [name]
        while let earlierName = earlier, !visited.contains(earlierName),
            let earlierBlock = lesson.scenarios.first(where: { $0.name == earlierName })
        {
            visited.insert(earlierName)
            prelude = try commands(of: earlierBlock) + prelude
            earlier = earlierBlock.options.first { $0.hasPrefix("continues=") }.map { String($0.dropFirst(10)) }
        }
        let own = try commands(of: block)
        if let stepLimit, stepLimit > own.count {
            throw CLIError("scenario '\(name)' has \(own.count) steps, not \(stepLimit)")
        }
        return (prelude + own.prefix(stepLimit ?? own.count), lesson.frontMatter.seed)
    }
}

/// Whether a step changed what the broker table shows.
enum TopicChanges {
    static func changesTables(_ step: Step) -> Bool {
        switch step.statement.command {
        case .describe, .brokers, .expect: false
        default: true
        }
    }
}
