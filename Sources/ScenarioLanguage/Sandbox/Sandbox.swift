import Diagnostics
import Replication

/// An interactive session on the engine (`replicalab play`): lines typed one by one, the state before every change
/// kept so that `undo` can go back, and the lines kept — comments and `expect` lines too — so that `save` writes a
/// script that replays the session.
///
/// The session is a value: a line that changes the cluster saves the runner before it as an undo point, so undo is
/// taking that runner back. Lines that only look (`describe`, `expect`, comments) are kept in the script but are not
/// undo points: `undo` undoes the last change, and the looks that came after it go with it.
public struct Sandbox {
    /// What one line typed at the prompt did.
    public enum Response: Hashable, Sendable {
        /// A command ran: its step (output, outcome, expectation result).
        case step(Step)
        /// The line had problems; nothing changed.
        case problems([Diagnostic])
        /// Nothing to run (a blank line or a comment).
        case nothing
    }

    /// What `undo` took back.
    public struct Undone: Hashable, Sendable {
        /// The line whose change was undone.
        public var line: String
        /// The lines after it that only looked at the state it made (`describe`, `expect`, comments).
        public var following: [String]
    }

    /// The state before a change, and how many session lines there were then.
    private struct UndoPoint {
        var runner: ScenarioRunner
        var lineCount: Int
    }

    /// The current state.
    public private(set) var runner: ScenarioRunner
    private var undoPoints: [UndoPoint] = []
    /// The lines typed in this session that were kept, in order (comments, looks and changes).
    public private(set) var lines: [String] = []
    /// Lines that built the starting state (from `--from`: the scenario's lines as written, with its comments and
    /// `expect` lines), written before `lines` by `save`.
    public let prelude: [String]
    /// The script as it was last saved, to tell whether there is unsaved work.
    private var savedScript: String?

    /// A session starting from an empty cluster, or from the state a prelude of lines leaves; clusters behave as
    /// `kafka` unless their `cluster` line names another release.
    public init(seed: UInt64, kafka: KafkaVersion = .newest, prelude: [String] = [], limits: Limits = .standard) {
        var runner = ScenarioRunner(seed: seed, kafka: kafka, limits: limits)
        let text = prelude.joined(separator: "\n")
        let (script, _) = ScenarioParser.parse(
            text, sourceMap: .identity(file: "<prelude>", lineCount: prelude.count), limits: limits)
        for statement in script.statements { runner.execute(statement) }
        self.runner = runner
        self.prelude = prelude
    }

    /// The current cluster, if one exists.
    public var cluster: Cluster? { runner.cluster }

    /// How many changes can be undone.
    public var undoDepth: Int { undoPoints.count }

    /// Runs one typed line. A line with problems changes nothing and returns them (with suggestions).
    public mutating func enter(_ line: String) -> Response {
        let (script, problems) = ScenarioParser.parse(
            line, sourceMap: .identity(file: "<play>", lineCount: 1), limits: runner.limits)
        if !problems.isEmpty { return .problems(problems) }
        guard let statement = script.statements.first else {
            // A comment is kept: it is part of the story the saved script tells.
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("#") { lines.append(trimmed) }
            return .nothing
        }
        var next = runner
        let before = next.transcript.diagnostics.count
        next.execute(statement)
        let transcript = next.transcript
        let newProblems = Array(transcript.diagnostics.dropFirst(before))
        // An input problem found while running (an unknown topic) is reported and the state is left as it was;
        // a failed expectation is an answer, not a problem, so it is kept in the session.
        if newProblems.contains(where: { $0.kind == .input }) { return .problems(newProblems) }
        guard let step = transcript.steps.last else { return .nothing }
        if !Self.onlyLooks(statement) { undoPoints.append(UndoPoint(runner: runner, lineCount: lines.count)) }
        runner = next
        lines.append(line.trimmingSpaces)
        return .step(step)
    }

    /// Whether a statement leaves the state as it was: an expectation, or a command the table marks read-only.
    public static func onlyLooks(_ statement: Statement) -> Bool {
        if case .expect = statement.command { return true }
        let word = statement.text.prefix { $0 != " " && $0 != "\t" }
        return CommandTable.command(named: String(word))?.isReadOnly ?? false
    }

    /// Goes back to the state before the last change; nil when there is nothing to undo.
    public mutating func undo() -> Undone? {
        guard let point = undoPoints.popLast() else { return nil }
        let undone = Undone(line: lines[point.lineCount], following: Array(lines[(point.lineCount + 1)...]))
        lines.removeSubrange(point.lineCount...)
        runner = point.runner
        return undone
    }

    /// The session as a scenario a learner can paste into a lesson or pass to `replicalab run`. A session on an
    /// older Kafka than the newest (`play --from` a lesson that names one) says so on its first `cluster` line, as
    /// `kafka=<release>`, so the script replays as it played.
    public var script: String {
        var all = prelude + lines
        if runner.kafka != .newest, let index = all.firstIndex(where: Self.isClusterLine),
            !all[index].contains("kafka=")
        {
            // Before a trailing comment, keeping the spaces in front of it.
            let line = all[index]
            var end = line.firstIndex(of: "#") ?? line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            all[index] = line[..<end] + " kafka=\(runner.kafka.text)" + line[end...]
        }
        return all.map { $0 + "\n" }.joined()
    }

    /// Whether `line` is a `cluster` command.
    private static func isClusterLine(_ line: String) -> Bool {
        line.trimmingSpaces.split(separator: " ", maxSplits: 1).first == "cluster"
    }

    /// Whether lines were typed since the session started or was last saved.
    public var hasUnsavedWork: Bool {
        !lines.isEmpty && script != savedScript
    }

    /// Records that `script` was saved as it is now.
    public mutating func markSaved() {
        savedScript = script
    }

    /// Completions for the word being typed at the end of `line`: commands (and the sandbox's own words) first,
    /// then, by the kind of the argument being typed, the brokers, topics, partitions, groups, durations, keys and
    /// values that fit it now.
    public func completion(for line: String) -> LineCompletion {
        runner.completion(for: line, extraWords: SandboxCommand.allCases.map { $0.rawValue })
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// Words the sandbox understands besides the scenario language.
public enum SandboxCommand: String, CaseIterable, Sendable {
    case help, tables, undo, save, history, quit, exit

    /// One line of help for each.
    public var summary: String {
        switch self {
        case .help: "help [<command>|all] — the commands by topic, one command in full, or all of them"
        case .tables: "tables — the broker table and the topics now"
        case .undo: "undo — take back the last change (describe, expect and other looks are not changes)"
        case .save: "save [<file>] — write this session as a scenario script (asks before replacing a file)"
        case .history: "history — the lines so far"
        case .quit, .exit: "quit — leave (Ctrl-D too); offers to save unsaved work"
        }
    }
}
