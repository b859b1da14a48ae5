import Replication

/// What Tab offers for the word being typed at the end of a scenario line.
public struct LineCompletion: Hashable, Sendable {
    /// Whole words that can replace the word being typed, in a useful order (brokers by id, durations by length,
    /// keys as the command lists them). A value of a key comes with its key: `acks=all`.
    public var candidates: [String]
    /// The usage of the command being typed, for when there is nothing to offer (`topic <name> …`): what to type.
    public var usage: String?

    /// Creates a completion.
    public init(candidates: [String], usage: String? = nil) {
        self.candidates = candidates
        self.usage = usage
    }
}

extension LineCompletion {
    /// Completes the last word of `line` (the text before the cursor) as whole words (`WordCompletion.complete`): a
    /// value of a key comes with its key (`acks=all`), and only words that start with what is typed are kept; the
    /// words that start a line are in alphabetical order.
    ///
    /// - Parameters:
    ///   - extraWords: Words besides the scenario commands that can start a line (the sandbox's `undo`, `save`, …).
    ///   - variables: Names captured with `let`, offered after `$`.
    ///   - lastError: The most recent Kafka error, offered first after `expect error`.
    public static func complete(
        _ line: String, cluster: Cluster?, extraWords: [String] = [], variables: [String] = [],
        lastError: String? = nil
    ) -> LineCompletion {
        let completion = WordCompletion.complete(
            line, cluster: { cluster }, extraWords: extraWords, variables: variables, lastError: lastError)
        let current =
            line.last == " " || line.last == "\t" || line.isEmpty
            ? "" : line.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init) ?? ""
        let prefix = String(decoding: current.utf8.prefix(completion.valueStart), as: UTF8.self)
        var words = completion.candidates.map { prefix + $0.label }
        if completion.candidates.allSatisfy({ $0.role == .command }) { words.sort() }
        var seen: Set<String> = []
        let matching = words.filter { $0.hasPrefix(current) && seen.insert($0).inserted }
        return LineCompletion(candidates: matching, usage: matching.isEmpty ? completion.usage : nil)
    }
}

extension ScenarioRunner {
    /// Completions for the word being typed at the end of `line`, against the state so far: its cluster, the
    /// variables captured with `let` and the most recent Kafka error (see `LineCompletion.complete`).
    public func completion(for line: String, extraWords: [String] = []) -> LineCompletion {
        var lastError: String?
        if case .kafkaError(let error) = lastOutcomeForExpectations { lastError = error.name }
        return LineCompletion.complete(
            line, cluster: cluster, extraWords: extraWords, variables: Array(variables.keys), lastError: lastError)
    }
}
