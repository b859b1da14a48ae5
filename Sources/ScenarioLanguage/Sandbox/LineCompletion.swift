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
    /// Completes the last word of `line` (the text before the cursor) from the command table and the state: the kind
    /// of the argument being typed decides what is offered (`crash <Tab>` broker ids, `explain orders-<Tab>` the
    /// partitions of orders, `acks=<Tab>` all, 1, 0), and only values that exist in `cluster` are offered.
    ///
    /// - Parameters:
    ///   - extraWords: Words besides the scenario commands that can start a line (the sandbox's `undo`, `save`, …).
    ///   - variables: Names captured with `let`, offered after `$`.
    ///   - lastError: The most recent Kafka error, offered after `expect error`.
    public static func complete(
        _ line: String, cluster: Cluster?, extraWords: [String] = [], variables: [String] = [],
        lastError: String? = nil
    ) -> LineCompletion {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init).filter {
            !$0.isEmpty
        }
        let current = line.last == " " || line.isEmpty ? "" : words.last ?? ""
        let before = current.isEmpty ? words : Array(words.dropLast())
        let values = ClusterValues(cluster: cluster)
        var usage: String?
        var candidates: [String]
        if current.hasPrefix("$") {
            candidates = variables.sorted().map { "$" + $0 }
        } else if let command = before.first {
            if command == "expect" {
                (candidates, usage) = expectation(Array(before.dropFirst()), values: values, lastError: lastError)
            } else if command == "let" {
                (candidates, usage) = letLine(Array(before.dropFirst()), values: values)
            } else if let spec = CommandTable.command(named: command) {
                candidates = arguments(of: spec, before: Array(before.dropFirst()), current: current, values: values)
                usage = "usage: " + spec.synopsis
            } else {
                candidates = []
            }
        } else {
            candidates = CommandTable.allNames.sorted() + extraWords.sorted()
        }
        var seen: Set<String> = []
        let matching = candidates.filter { $0.hasPrefix(current) && seen.insert($0).inserted }
        return LineCompletion(candidates: matching, usage: matching.isEmpty ? usage : nil)
    }

    /// Candidates for an argument of a command: the values of the positional being typed, or of the key whose
    /// `key=` is typed; then the keys and flags not given yet (unless a required positional is still missing).
    private static func arguments(of spec: CommandSpec, before: [String], current: String, values: ClusterValues)
        -> [String]
    {
        let positionals = before.filter { !$0.contains("=") && !$0.hasPrefix("--") }
        let owner = positionals.first
        if let equals = current.firstIndex(of: "=") {
            let key = String(current[..<equals])
            let typed = current[current.index(after: equals)...]
            let kind = topicConfigKind(key, of: spec) ?? spec.kind(of: key)
            var offered = values.offer(kind, owner: owner)
            // A list (`topics=a,b`) completes its last element.
            if kind == .topicList, let comma = typed.lastIndex(of: ",") {
                let done = String(typed[...comma])
                let chosen = Set(done.split(separator: ",").map(String.init))
                offered = offered.filter { !chosen.contains($0) }.map { done + $0 }
            }
            return offered.map { key + "=" + $0 }
        }
        var candidates: [String] = []
        let names = spec.positionalNames
        if positionals.count < names.count {
            candidates += values.offer(spec.kind(of: names[positionals.count]), owner: owner)
            // A required positional comes first: only its values until it is there.
            if spec.positionals[positionals.count].required { return candidates }
        }
        let given = Set(before.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
        let (keyArguments, takesTopicConfigs) = spec.keyArguments(after: before)
        var keys = keyArguments.map { $0.name }
        if takesTopicConfigs { keys += TopicConfig.all.map { $0.name } }
        candidates += keys.filter { !given.contains($0) }.map { $0 + "=" }
        candidates += spec.flags.filter { !before.contains($0) }
        return candidates
    }

    /// The values a topic config takes, when the command takes topic configs and `key` is one.
    private static func topicConfigKind(_ key: String, of spec: CommandSpec) -> ArgumentKind? {
        guard spec.acceptsTopicConfigs, let config = TopicConfig.named(key) else { return nil }
        return config.choices.isEmpty ? .text : .words(config.choices)
    }

    /// `expect <kind> <subject> …`: what `ExpectationTable.slot(after:)` says comes next.
    private static func expectation(_ arguments: [String], values: ClusterValues, lastError: String?) -> (
        [String], String?
    ) {
        let usage = arguments.first.flatMap { name in ExpectationTable.kinds.first { $0.name == name } }.map {
            "usage: " + $0.synopsis
        }
        switch ExpectationTable.slot(after: arguments) {
        case .kind: return (ExpectationTable.names, nil)
        case .argument(let kind): return (values.offer(kind, owner: arguments.dropFirst().first), usage)
        case .errorName: return (lastError.map { [$0] } ?? [], usage)
        case .words(let words): return (words, usage)
        case .end: return ([], usage)
        }
    }

    /// `let <name> = <query>`: the query's words as `StateQuery.slot` says.
    private static func letLine(_ arguments: [String], values: ClusterValues) -> ([String], String?) {
        let usage = "usage: let <name> = <query>"
        guard arguments.count >= 2 else { return (arguments.count == 1 ? ["="] : [], usage) }
        switch StateQuery.slot(after: Array(arguments.dropFirst(2))) {
        case .kind: return (StateQuery.Kind.allCases.map { $0.rawValue }, usage)
        case .partition: return (values.offer(.partition, owner: nil), usage)
        case .group: return (values.offer(.group, owner: nil), usage)
        case .topic: return (values.offer(.topic, owner: nil), usage)
        case .member(let group): return (values.offer(.member, owner: group), usage)
        case .broker: return (values.offer(.broker, owner: nil), usage)
        case .words(let words): return (words, usage)
        case .end: return ([], usage)
        }
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

/// The values of each kind that exist in a cluster, in the order a person reads them.
private struct ClusterValues {
    var cluster: Cluster?

    /// The values of `kind`; `owner` is the command's first argument (the topic of `partition=`, the group of
    /// `member=`).
    func offer(_ kind: ArgumentKind, owner: String?) -> [String] {
        switch kind {
        case .broker: return (cluster?.sortedBrokers ?? []).map { String($0.id) }
        case .newBroker: return [String((cluster?.brokers.keys.max() ?? -1) + 1)]
        case .topic, .topicList: return (cluster?.sortedTopics ?? []).map { $0.name }
        case .partition:
            return (cluster?.sortedTopics ?? []).flatMap { topic in topic.partitions.map { $0.id.description } }
        case .partitionNumber:
            guard let owner, let topic = cluster?.topics[owner] else { return [] }
            return topic.partitions.map { String($0.id.partition) }
        case .group: return (cluster?.groups.keys.sorted() ?? [])
        case .member:
            guard let owner else { return [] }
            return (cluster?.groups[owner]?.members ?? []).map { $0.clientID }
        case .producer: return (cluster?.producers.map { $0.name }.sorted() ?? [])
        case .rack: return Set(cluster?.brokers.values.compactMap { $0.rack } ?? []).sorted()
        case .duration: return ArgumentKind.durationExamples
        case .words(let words): return words
        case .oneOf(let kinds): return kinds.flatMap { offer($0, owner: owner) }
        case .text: return []
        }
    }
}
