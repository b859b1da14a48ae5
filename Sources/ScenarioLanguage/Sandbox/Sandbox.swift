import Diagnostics
import Replication

/// An interactive session on the engine (`replicalab play`): lines typed one by one, every state kept so that
/// `undo` can go back, and the accepted lines kept so that `save` can write them as a scenario.
///
/// The session is a value: each accepted line appends a runner snapshot, so undo is taking the previous snapshot.
public struct Sandbox {
    /// What one line typed at the prompt did.
    public enum Response: Hashable, Sendable {
        /// A command ran: its step (output, outcome, expectation result).
        case step(Step)
        /// The line had problems; nothing changed.
        case problems([Diagnostic])
        /// Nothing to do (a blank line or a comment).
        case nothing
    }

    /// The states so far; the last one is current. The first is the empty (or starting) state.
    private var history: [ScenarioRunner]
    /// The lines that produced each state after the first.
    public private(set) var lines: [String]
    /// Lines that built the starting state (from `--from`), written before `lines` by `save`.
    public let prelude: [String]
    private var lineNumber = 0

    /// A session starting from an empty cluster, or from the state a prelude of lines leaves; every line runs under
    /// `limits`.
    public init(seed: UInt64, prelude: [String] = [], limits: Limits = .standard) {
        var runner = ScenarioRunner(seed: seed, limits: limits)
        let text = prelude.joined(separator: "\n")
        let (script, _) = ScenarioParser.parse(
            text, sourceMap: .identity(file: "<prelude>", lineCount: prelude.count), limits: limits)
        for statement in script.statements { runner.execute(statement) }
        history = [runner]
        lines = []
        self.prelude = prelude
    }

    /// The current state.
    public var runner: ScenarioRunner { history[history.count - 1] }

    /// The current cluster, if one exists.
    public var cluster: Cluster? { runner.cluster }

    /// How many lines can be undone.
    public var undoDepth: Int { history.count - 1 }

    /// Runs one typed line. A line with problems changes nothing and returns them (with suggestions).
    public mutating func enter(_ line: String) -> Response {
        lineNumber += 1
        let (script, problems) = ScenarioParser.parse(
            line, sourceMap: .identity(file: "<play>", lineCount: 1), limits: runner.limits)
        if !problems.isEmpty { return .problems(problems) }
        guard let statement = script.statements.first else { return .nothing }
        var next = runner
        let before = next.transcript.diagnostics.count
        next.execute(statement)
        let transcript = next.transcript
        let newProblems = Array(transcript.diagnostics.dropFirst(before))
        // An input problem found while running (an unknown topic) is reported and the state is left as it was;
        // a failed expectation is an answer, not a problem, so it is kept in the session.
        if newProblems.contains(where: { $0.kind == .input }) { return .problems(newProblems) }
        guard let step = transcript.steps.last else { return .nothing }
        history.append(next)
        lines.append(statement.text)
        return .step(step)
    }

    /// Goes back one accepted line; false when there is nothing to undo.
    public mutating func undo() -> Bool {
        guard history.count > 1 else { return false }
        history.removeLast()
        lines.removeLast()
        return true
    }

    /// The session as a scenario a learner can paste into a lesson or pass to `replicalab run`.
    public var script: String {
        (prelude + lines).map { $0 + "\n" }.joined()
    }

    /// Completions for the word being typed at the end of `line`: command words first, then keys, broker ids and
    /// topic-partitions that exist now.
    public func completions(for line: String) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        let current = String(words.last ?? "")
        var candidates: [String]
        if words.count <= 1 {
            candidates = CommandTable.allNames + SandboxCommand.allCases.map { $0.rawValue }
        } else if words.first == "expect" && words.count == 2 {
            candidates = ExpectationTable.names
        } else {
            let spec = CommandTable.command(named: String(words[0]))
            candidates = (spec?.keyNames.map { "\($0)=" } ?? []) + (spec?.flags ?? [])
            if let cluster {
                candidates += cluster.sortedBrokers.map { String($0.id) }
                for topic in cluster.sortedTopics {
                    candidates.append(topic.name)
                    candidates += topic.partitions.map { $0.id.description }
                }
            }
        }
        return candidates.filter { $0.hasPrefix(current) && $0 != current }.sorted()
    }
}

/// Words the sandbox understands besides the scenario language.
public enum SandboxCommand: String, CaseIterable, Sendable {
    case help, tables, undo, save, history, quit, exit

    /// One line of help for each.
    public var summary: String {
        switch self {
        case .help: "help [<command>] — list the commands, or explain one"
        case .tables: "tables — show the broker table and the topics now"
        case .undo: "undo — go back one command"
        case .save: "save <file> — write this session as a scenario script"
        case .history: "history — the commands so far"
        case .quit, .exit: "quit — leave (Ctrl-D works too)"
        }
    }
}
