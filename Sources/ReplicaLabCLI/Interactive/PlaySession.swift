import Diagnostics
import Foundation
import Replication
import ScenarioLanguage

/// The `play` prompt: reads lines, runs scenario lines on the sandbox, and handles the sandbox's own words (help,
/// tables, undo, history, save, quit). Nothing typed ends the session but quit or Ctrl-D, and leaving with unsaved
/// lines asks first.
struct PlaySession {
    var sandbox: Sandbox
    var style: TerminalStyle
    /// The file the session was last saved to, for a plain `save`.
    private var savedTo: String?

    init(sandbox: Sandbox, style: TerminalStyle) {
        self.sandbox = sandbox
        self.style = style
    }

    /// Runs the prompt until the learner leaves. `start` describes where `--from` started, how many lines it ran and
    /// the author's narration of the step it started after (lesson text, shown as `run --step` shows it).
    mutating func run(startingFrom start: (description: String, lineCount: Int, narration: [String])?) {
        let sandbox = sandbox
        let editor = LineEditor { sandbox.completion(for: $0) }
        defer { editor.close() }
        var intro =
            style.bold("ReplicaLab sandbox") + " — type 'help' for the commands, Tab to complete, Ctrl-D to leave.\n"
        if let start {
            intro += "Started from \(start.description): \(start.lineCount) lines ran ('history' lists them).\n"
            intro += style.narration(start.narration)
            intro += tables(sandbox.cluster)
        }
        style.write(intro)
        while true {
            style.measureWidth()
            // The completer sees the sandbox as it is now.
            let current = self.sandbox
            editor.completer = { current.completion(for: $0) }
            switch editor.readLine(prompt: style.bold("replicalab> ")) {
            case .interrupt:
                continue
            case .end:
                if confirmLeaving(editor) { return }
            case .line(let line):
                if !handle(line, editor: editor) { return }
            }
        }
    }

    /// Handles one line; false when the learner left.
    private mutating func handle(_ line: String, editor: LineEditor) -> Bool {
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return true }
        switch SandboxCommand(rawValue: first) {
        case .quit, .exit:
            return !confirmLeaving(editor)
        case .help:
            let help = SandboxHelp(width: style.fitsText ? style.width : 100)
            style.write(words.count > 1 ? help.details(for: words[1]) : help.overview)
        case .tables:
            style.write(tables(sandbox.cluster))
        case .undo:
            style.write(undo())
        case .history:
            // The lines are what the learner typed (or the lesson holds): outside text.
            let lines =
                sandbox.prelude.map { "    \($0)" as ConsoleText }
                + sandbox.lines.enumerated().map { "\(String($0.offset + 1).padded(to: 3)) \($0.element)" }
            style.write(lines.isEmpty ? "No lines yet.\n" : lines.joined(separator: "\n") + "\n")
        case .save:
            guard words.count <= 2, let file = words.count == 2 ? words[1] : savedTo else {
                style.write("usage: save <file>   (writes the session as a script: replicalab run <file> replays it)\n")
                return true
            }
            save(to: file, editor: editor)
        case nil:
            respond(to: sandbox.enter(line), line: line)
        }
        return true
    }

    private mutating func undo() -> ConsoleText {
        guard let undone = sandbox.undo() else {
            return sandbox.lines.isEmpty
                ? "Nothing to undo.\n"
                : "Nothing to undo: the lines so far only looked (describe, expect, …) and changed nothing.\n"
        }
        var out: ConsoleText = "Undid: \(undone.line)\n"
        if !undone.following.isEmpty {
            let count = undone.following.count
            out += "  and the \(count == 1 ? "line" : "\(count) lines") after it, which looked at its state: "
            out += "\(undone.following.joined(separator: "; "))\n"
        }
        let depth = sandbox.undoDepth
        let more: ConsoleText = depth == 0 ? "nothing more" : depth == 1 ? "1 more change" : "\(depth) more changes"
        return out + "(\(more) to undo)\n"
    }

    /// Writes the session to `file`, asking first when the file exists. The file is replaced as a whole (see
    /// `FileWriter`): a link is followed to the file it names, whose mode and owner are kept.
    private mutating func save(to file: String, editor: LineEditor) {
        if FileManager.default.fileExists(atPath: file), file != savedTo {
            let answer = editor.readLine(prompt: "\(file) exists. Replace it? [y/N] ", remembers: false)
            guard case .line(let text) = answer, ["y", "yes"].contains(text.lowercased()) else {
                style.write("Not saved.\n")
                return
            }
        }
        do {
            try FileWriter.replace(file, with: Array(sandbox.script.utf8), links: .resolve)
            sandbox.markSaved()
            savedTo = file
            let count = sandbox.prelude.count + sandbox.lines.count
            style.write("Saved \(count) line\(count == 1 ? "" : "s") to \(file); replay with: replicalab run \(file)\n")
        } catch let error as CLIError {
            style.write(style.red("error: ") + "\(error.message)\n")
        } catch {
            style.write(style.red("error: ") + "cannot write \(file)\n")
        }
    }

    /// Whether to leave: at once when everything is saved or nobody can be asked (input from a pipe); otherwise
    /// after offering to save — `y` asks for a file, `n` leaves, Ctrl-C stays.
    private mutating func confirmLeaving(_ editor: LineEditor) -> Bool {
        guard sandbox.hasUnsavedWork, editor.isInteractive else { return true }
        let count = sandbox.lines.count
        let prompt: ConsoleText =
            "Save the \(count) line\(count == 1 ? "" : "s") of this session before leaving? "
            + "[y] save  [n] leave without saving  [Ctrl-C] stay > "
        while true {
            switch editor.readLine(prompt: prompt, remembers: false) {
            case .interrupt:
                return false
            case .end:
                return true
            case .line(let answer):
                switch answer.lowercased().trimmingCharacters(in: .whitespaces) {
                case "n", "no":
                    return true
                case "y", "yes":
                    let suggested = savedTo ?? "session.scenario"
                    let input = editor.readLine(prompt: "File to save to [\(suggested)]: ", remembers: false)
                    guard case .line(let typed) = input else { return false }
                    let file = typed.trimmingCharacters(in: .whitespaces)
                    save(to: file.isEmpty ? suggested : file, editor: editor)
                    return !sandbox.hasUnsavedWork
                default:
                    continue
                }
            }
        }
    }

    private func respond(to response: Sandbox.Response, line: String) {
        switch response {
        case .nothing:
            return
        case .step(let step):
            var out = step.isExpectation ? style.render(step) : step.output.map { "\($0)\n" as ConsoleText }.joined()
            if style.isFancy, !step.isExpectation, !Sandbox.onlyLooks(step.statement), let cluster = step.cluster,
                !cluster.topics.isEmpty
            {
                out += style.render(BrokerTable(cluster: cluster))
            }
            style.write(out)
        case .problems(let diagnostics):
            var out = ConsoleText()
            for diagnostic in diagnostics.sorted() {
                let caret = ConsoleText.trusted(String(repeating: " ", count: max(0, diagnostic.location.column - 1)))
                out += "  \(line)\n  \(caret)^\n"
                out += style.red("error: ") + "\(diagnostic.message)\n"
                for note in diagnostic.notes { out += "note: \(note.message)\n" }
            }
            out += style.dim("(nothing changed; type 'help' for the commands)") + "\n"
            style.write(out)
        }
    }

    /// The broker table and `kafka-topics --describe` of the cluster now.
    private func tables(_ cluster: Cluster?) -> ConsoleText {
        guard let cluster, !cluster.topics.isEmpty else {
            return "No topics yet. Try: cluster brokers=6 racks=2, then topic t partitions=10 replication-factor=3\n"
        }
        return style.render(BrokerTable(cluster: cluster))
            + .lines(TopicDescription(cluster: cluster).lines.joined(separator: "\n") + "\n")
    }
}
