import Replication

/// One word completion offers, with what an editor shows beside it.
public struct CompletionCandidate: Hashable, Sendable {
    /// What the word is, for an editor's icon and for how a terminal lists it.
    public enum Role: Hashable, Sendable {
        /// A command of the language (`crash`), or a word that starts a line (`expect`, `let`, the sandbox's `undo`).
        case command
        /// A fixed word of a claim or a query (`on`, `==`, `leader`).
        case keyword
        /// A key, with its `=` (`partitions=`).
        case key
        /// A `--flag`.
        case flag
        /// A value the command table lists for the argument (`acks=all`).
        case choice
        /// A value that exists in the cluster now (a broker id, a topic, a partition) or a duration.
        case value
        /// A Kafka error's name, after `expect error`.
        case errorName
        /// A name captured with `let`, after `$`.
        case variable
    }

    /// The word, or for a key's value, the value alone (the part after `key=`).
    public var label: String
    /// What it is.
    public var role: Role
    /// A short line beside it: a synopsis, what a value is now (`leader 1, ISR 1,2,3`).
    public var detail: String?
    /// Help in Markdown (a command's usage, summary and example; a config's description).
    public var documentation: String?

    /// Creates a candidate.
    public init(_ label: String, _ role: Role, detail: String? = nil, documentation: String? = nil) {
        self.label = label
        self.role = role
        self.detail = detail
        self.documentation = documentation
    }
}

/// What completion offers for the word being typed at the end of a scenario line, from the command table and the
/// cluster at that line: the one source of completion for `play`'s Tab, the in-page editor and the language server.
/// The kind the table gives the argument being typed decides what is offered (`crash <Tab>` broker ids, `explain
/// orders-<Tab>` the partitions of orders, `acks=<Tab>` all, 1, 0), and only values that exist are offered. Candidates
/// are not filtered by what is typed: a terminal keeps those that start with the word, an editor filters itself.
public struct WordCompletion: Hashable, Sendable {
    /// The candidates, in a useful order (brokers by id, durations by length, keys as the command lists them).
    public var candidates: [CompletionCandidate]
    /// Where the candidates' labels start in the word being typed, in UTF-8 bytes: 0, or just after `key=` and the
    /// elements of a list already typed (`topics=orders,`).
    public var valueStart: Int
    /// The usage of the command or claim being typed (`usage: topic <name> …`), for when nothing fits.
    public var usage: String?

    /// Completes the last word of `line` (the text before the cursor).
    ///
    /// - Parameters:
    ///   - cluster: The cluster the line runs against; asked only when an argument is being typed.
    ///   - extraWords: Words besides the language's that can start a line (the sandbox's `undo`, `save`, …).
    ///   - variables: Names captured with `let`, offered after `$`.
    ///   - lastError: The most recent Kafka error, offered first after `expect error`.
    public static func complete(
        _ line: String, cluster: () -> Cluster?, extraWords: [String] = [], variables: [String] = [],
        lastError: String? = nil
    ) -> WordCompletion {
        if isInComment(line) { return WordCompletion(candidates: [], valueStart: 0) }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let current = line.last == " " || line.last == "\t" || line.isEmpty ? "" : words.last ?? ""
        let before = current.isEmpty ? words : Array(words.dropLast())
        if current.hasPrefix("$") {
            return WordCompletion(candidates: variables.sorted().map { .init("$" + $0, .variable) }, valueStart: 0)
        }
        guard let command = before.first else {
            return WordCompletion(
                candidates: commandCandidates() + extraWords.map { .init($0, .command) }, valueStart: 0)
        }
        let values = ClusterValues(cluster: cluster())
        if command == "expect" {
            return expectation(Array(before.dropFirst()), values: values, lastError: lastError)
        }
        if command == "let" {
            let arguments = Array(before.dropFirst())
            let candidates: [CompletionCandidate] =
                switch arguments.count {
                case 0: []
                case 1: [.init("=", .keyword)]
                default: query(after: Array(arguments.dropFirst(2)), values: values)
                }
            return WordCompletion(candidates: candidates, valueStart: 0, usage: "usage: let <name> = <query>")
        }
        guard let spec = CommandTable.command(named: command) else {
            return WordCompletion(candidates: [], valueStart: 0)
        }
        var completion = arguments(of: spec, before: Array(before.dropFirst()), current: current, values: values)
        completion.usage = "usage: " + spec.synopsis
        return completion
    }

    /// The candidates for the next word of a state query (in a `let` line or a prose reference), as `StateQuery.slot`
    /// says, against `cluster`.
    public static func query(after words: [String], cluster: Cluster?) -> [CompletionCandidate] {
        query(after: words, values: ClusterValues(cluster: cluster))
    }

    /// A command's help as Markdown: usage, summary, example.
    public static func help(_ word: String) -> String? {
        guard let lines = CommandHelp.details(for: word) else { return nil }
        return lines.map { line in
            if line.hasPrefix("usage: ") { return "`" + line.dropFirst("usage: ".count) + "`" }
            if line.hasPrefix("example: ") { return "Example: `" + line.dropFirst("example: ".count) + "`" }
            return line
        }
        .joined(separator: "\n\n")
    }

    /// Whether the text ends inside a comment (`#` outside quotes).
    public static func isInComment(_ text: String) -> Bool {
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == "#", !quoted { return true }
        }
        return false
    }

    /// The commands, as `help` lists them, then `expect` and `let`.
    private static func commandCandidates() -> [CompletionCandidate] {
        var candidates = CommandTable.commands.map { spec in
            CompletionCandidate(spec.name, .command, detail: spec.synopsis, documentation: help(spec.name))
        }
        candidates.append(
            .init(
                "expect", .command, detail: "expect <claim>",
                documentation: "Checks a claim: " + ExpectationTable.names.joined(separator: ", ") + "."))
        candidates.append(.init("let", .command, detail: "let <name> = <query>", documentation: help("let")))
        return candidates
    }

    /// An argument of a command: the values of the key whose `key=` is typed; else the values of the positional
    /// being typed, then the keys and flags not given yet (unless a required positional is still missing).
    private static func arguments(of spec: CommandSpec, before: [String], current: String, values: ClusterValues)
        -> WordCompletion
    {
        let positionals = before.filter { !$0.contains("=") && !$0.hasPrefix("--") }
        let owner = positionals.first
        if let equals = current.firstIndex(of: "=") {
            let key = String(current[..<equals])
            let typed = current[current.index(after: equals)...]
            var valueStart = key.utf8.count + 1
            var offered = keyValues(key, of: spec, owner: owner, values: values)
            // A list (`topics=a,b`) completes its last element.
            if let comma = typed.lastIndex(of: ",") {
                valueStart += typed.utf8.distance(from: typed.startIndex, to: comma) + 1
                let chosen = typed[...comma].split(separator: ",").map(String.init)
                offered = offered.filter { !chosen.contains($0.label) }
            }
            return WordCompletion(candidates: offered, valueStart: valueStart)
        }
        var candidates: [CompletionCandidate] = []
        let arguments = spec.positionalArguments
        if positionals.count < arguments.count {
            let argument = arguments[positionals.count]
            candidates = unique(
                values.offer(spec.kind(of: argument.name), owner: owner)
                    + argument.choices.map { .init($0, .choice, detail: argument.name) })
            // A required positional comes first: only its values until it is there.
            if argument.isRequired { return WordCompletion(candidates: candidates, valueStart: 0) }
        }
        let given = Set(before.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
        let (keys, takesTopicConfigs) = spec.keyArguments(after: before)
        candidates += keys.filter { !given.contains($0.name) }.map { key in
            CompletionCandidate(
                key.name + "=", .key,
                detail: key.isRequired ? "required" : (key.choices.isEmpty ? nil : key.choices.joined(separator: "|")))
        }
        if takesTopicConfigs {
            candidates += TopicConfig.all.filter { !given.contains($0.name) }.map { config in
                CompletionCandidate(
                    config.name + "=", .key, detail: "topic config, default \(config.defaultValue)",
                    documentation: config.doc)
            }
        }
        candidates += spec.flagArguments.filter { !before.contains($0) }.map { .init($0, .flag) }
        return WordCompletion(candidates: candidates, valueStart: 0)
    }

    /// The values of a key: those of its kind (a topic config's and a broker config's choices, from their
    /// declarations), then the choices the synopsis lists; the default marked.
    private static func keyValues(_ key: String, of spec: CommandSpec, owner: String?, values: ClusterValues)
        -> [CompletionCandidate]
    {
        let topicConfig = spec.takesTopicConfigs ? TopicConfig.named(key) : nil
        let kind = topicConfig.map { $0.choices.isEmpty ? .text : .words($0.choices) } ?? spec.kind(of: key)
        let defaultValue =
            topicConfig?.defaultValue
            ?? (spec.name == "config" || spec.name == "cluster" ? ConfigDef.key(key, of: .broker)?.defaultValue : nil)
        let choices = spec.keyArguments.first { $0.name == key }?.choices ?? []
        return unique(values.offer(kind, owner: owner) + choices.map { .init($0, .choice) }).map { candidate in
            var candidate = candidate
            if candidate.label == defaultValue { candidate.detail = "default" }
            return candidate
        }
    }

    /// `expect <kind> <subject> …`: what `ExpectationTable.slot(after:)` says comes next.
    private static func expectation(_ arguments: [String], values: ClusterValues, lastError: String?)
        -> WordCompletion
    {
        let subject = arguments.dropFirst().first
        let usage = arguments.first.flatMap { name in ExpectationTable.kinds.first { $0.name == name } }.map {
            "usage: " + $0.synopsis
        }
        let candidates: [CompletionCandidate]
        switch ExpectationTable.slot(after: arguments) {
        case .kind:
            candidates = ExpectationTable.kinds.map {
                .init($0.name, .keyword, detail: $0.synopsis, documentation: $0.summary)
            }
        case .errorName:
            let last = lastError.map { [CompletionCandidate($0, .errorName, detail: "the last error")] } ?? []
            candidates = unique(
                last
                    + KafkaErrorNames.all.sorted { $0.name < $1.name }.map {
                        .init($0.name, .errorName, documentation: $0.description)
                    })
        case .argument(.broker): candidates = values.brokers(holding: subject.flatMap { TopicPartition(parsing: $0) })
        case .argument(let kind): candidates = values.offer(kind, owner: subject)
        case .words(let words): candidates = words.map { .init($0, $0.hasSuffix("=") ? .key : .keyword) }
        case .end: candidates = []
        }
        return WordCompletion(candidates: candidates, valueStart: 0, usage: usage)
    }

    private static func query(after words: [String], values: ClusterValues) -> [CompletionCandidate] {
        switch StateQuery.slot(after: words) {
        case .kind: StateQuery.Kind.allCases.map { .init($0.rawValue, .keyword) }
        case .partition: values.offer(.partition, owner: nil)
        case .group: values.offer(.group, owner: nil)
        case .topic: values.offer(.topic, owner: nil)
        case .member(let group): values.offer(.member, owner: group)
        case .broker(let partition): values.brokers(holding: partition)
        case .words(let words): words.map { .init($0, .keyword) }
        case .end: []
        }
    }

    /// The candidates with each label once, the first kept.
    private static func unique(_ candidates: [CompletionCandidate]) -> [CompletionCandidate] {
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0.label).inserted }
    }
}

/// The values of each kind that exist in a cluster, in the order a person reads them, with what each is now.
struct ClusterValues {
    var cluster: Cluster?

    /// The values of `kind`; `owner` is the command's first argument (the topic of `partition=`, the group of
    /// `member=`).
    func offer(_ kind: ArgumentKind, owner: String?) -> [CompletionCandidate] {
        switch kind {
        case .broker: return brokers()
        case .newBroker:
            let next = (cluster?.brokers.keys.max() ?? -1) + 1
            return [.init(String(next), .value, detail: "the next free broker id")]
        case .topic, .topicList:
            return (cluster?.sortedTopics ?? []).map { topic in
                .init(
                    topic.name, .value,
                    detail: "\(topic.partitions.count) partitions, replication factor \(topic.replicationFactor)")
            }
        case .partition:
            return (cluster?.sortedTopics ?? []).flatMap { topic in
                topic.partitions.map { partition in
                    CompletionCandidate(
                        partition.id.description, .value,
                        detail: "leader \(Self.leader(partition)), ISR \(ScenarioRunner.csv(partition.isr))")
                }
            }
        case .partitionNumber:
            guard let owner, let topic = cluster?.topics[owner] else { return [] }
            return topic.partitions.map {
                .init(String($0.id.partition), .value, detail: "leader \(Self.leader($0))")
            }
        case .group: return (cluster?.groups.keys.sorted() ?? []).map { .init($0, .value) }
        case .member:
            guard let owner else { return [] }
            return (cluster?.groups[owner]?.members ?? []).map { .init($0.clientID, .value, detail: $0.memberID) }
        case .producer: return (cluster?.producers.map { $0.name }.sorted() ?? []).map { .init($0, .value) }
        case .rack:
            return Set(cluster?.brokers.values.compactMap { $0.rack } ?? []).sorted().map { .init($0, .value) }
        case .duration: return ArgumentKind.durationExamples.map { .init($0, .value) }
        case .words(let words): return words.map { .init($0, .choice) }
        case .oneOf(let kinds): return kinds.flatMap { offer($0, owner: owner) }
        case .text: return []
        }
    }

    /// The brokers, by id, with their rack and state.
    func brokers() -> [CompletionCandidate] {
        (cluster?.sortedBrokers ?? []).map { broker in
            let state = cluster?.state(of: broker.id) ?? .up
            let detail = [broker.rack.map { "rack \($0)" }, state.rawValue].compactMap { $0 }.joined(separator: ", ")
            return .init(String(broker.id), .value, detail: detail)
        }
    }

    /// The brokers holding a replica of the partition, leader or follower (all brokers when it is unknown).
    func brokers(holding partition: TopicPartition?) -> [CompletionCandidate] {
        guard let partition, let state = cluster?.partition(partition) else { return brokers() }
        return state.replicas.map { broker in
            .init(String(broker), .value, detail: broker == state.leader ? "leader" : "follower")
        }
    }

    /// The partition's leader, or `none`.
    static func leader(_ partition: PartitionState) -> String {
        partition.leader.map(String.init) ?? "none"
    }
}
