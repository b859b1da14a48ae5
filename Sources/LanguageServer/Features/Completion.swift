import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Completion in scenarios and in the scripts and goals of exercises, from the command table: commands, keys, and values by kind — broker ids, topics and
/// partitions, groups and members, producers, racks and configs that exist at that line, the choices the synopsis
/// lists, Kafka error names after `expect error` — and scenario names after `continues=`. The state is the cluster
/// after the lines above the cursor, as `check` runs them.
struct Completion {
    /// The document.
    var analysis: DocumentAnalysis
    /// The document's scenario runs (for the state at a line).
    var runs: ScenarioRuns
    /// How the client counts characters.
    var encoding: PositionEncoding

    /// The completions at a position, as the protocol's `CompletionList`.
    func json(at position: TextPosition) -> JSON {
        let text = analysis.text
        let offset = text.offset(of: position, in: encoding)
        let line = text.lineIndex(containing: offset)
        let lineStart = text.lineRange(line).lowerBound
        let before = String(decoding: text.bytes[lineStart..<offset], as: UTF8.self)
        let word =
            before.split(separator: " ", omittingEmptySubsequences: false).last
            .flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false).last }.map(String.init) ?? ""
        var items: [CompletionItem] = []
        var replaceFrom = offset - word.utf8.count
        if let scenario = analysis.scenario(atLine: line + 1) {
            let (found, valueStart) = scenarioItems(before: before, word: word) {
                cluster(before: line + 1, in: scenario)
            }
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        } else if let (exercise, section) = exerciseSection(atLine: line + 1) {
            let (found, valueStart) = scenarioItems(before: before, word: word) {
                cluster(before: line + 1, in: section, of: exercise)
            }
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        } else if let (found, valueStart) = infoStringItems(before: before, word: word, fileLine: line + 1) {
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        } else if let (found, valueStart) = referenceItems(before: before, word: word, fileLine: line + 1) {
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        }
        let range = text.range(ofBytes: replaceFrom..<offset, in: encoding)
        return [
            "isIncomplete": false,
            "items": .array(items.enumerated().map { $0.element.json(replacing: range, order: $0.offset) }),
        ]
    }

    // MARK: - Scenario lines

    /// Items for a scenario line; `valueStart` is where in `word` the replaced text starts (after `key=`).
    private func scenarioItems(before: String, word: String, cluster: () -> Cluster?) -> (
        [CompletionItem], valueStart: Int
    ) {
        if Self.isInComment(before) { return ([], 0) }
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let previous = word.isEmpty ? words : Array(words.dropLast())
        guard let command = previous.first else { return (Self.commandItems(), 0) }
        let state = StateAtLine(cluster: cluster())
        if command == "expect" { return (expectationItems(Array(previous.dropFirst()), state: state), 0) }
        if command == "let" { return (letItems(Array(previous.dropFirst()), state: state), 0) }
        guard let spec = CommandTable.command(named: command) else { return ([], 0) }
        let arguments = Array(previous.dropFirst())
        if let equals = word.firstIndex(of: "=") {
            let key = String(word[..<equals])
            let typed = word[word.index(after: equals)...]
            var values = valueItems(forKey: key, of: spec, arguments: arguments, state: state)
            // A list value (`topics=a,b`) completes its last element.
            var start = word.utf8.distance(from: word.startIndex, to: equals) + 1
            if let comma = typed.lastIndex(of: ",") {
                start += typed.utf8.distance(from: typed.startIndex, to: comma) + 1
                values = values.filter { !typed.split(separator: ",").map(String.init).contains($0.label) }
            }
            return (values, start)
        }
        return (argumentItems(for: spec, arguments: arguments, state: state), 0)
    }

    /// The exercise section (start, goal or solution: the scripts) whose lines hold a 1-based file line.
    private func exerciseSection(atLine line: Int) -> (ExerciseBlock, ExerciseSection)? {
        for exercise in analysis.lesson?.lesson.exercises ?? [] {
            for section in exercise.sections where section.marker != .task && section.sourceMap.lines.contains(line) {
                return (exercise, section)
            }
        }
        return nil
    }

    /// The cluster at a line of an exercise: after the section's lines above it for a script; for a goal, after the
    /// first solution (the state goals are checked against). Scripts start from an empty cluster.
    private func cluster(before fileLine: Int, in section: ExerciseSection, of exercise: ExerciseBlock) -> Cluster? {
        let script = section.marker == .goal ? exercise.solutions.first : section
        guard let script else { return nil }
        let lines = zip(script.lines, script.sourceMap.lines).filter { section.marker == .goal || $0.1 < fileLine }
        return runs.cluster(afterLinesThatParseOf: lines.map { $0.0 + "\n" }.joined(), asScenario: .max)
    }

    /// The cluster after the scenario's lines above a 1-based file line: from the transcript when the scenario
    /// ran, else by running the lines above that parse (the scenario being written has a line that does not).
    private func cluster(before fileLine: Int, in scenario: ScenarioView) -> Cluster? {
        StateAtLine.cluster(before: fileLine, in: scenario, text: analysis.text, runs: runs)
    }

    static func isInComment(_ text: String) -> Bool {
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == "#", !quoted { return true }
        }
        return false
    }

    static func commandItems() -> [CompletionItem] {
        var items = CommandTable.commands.map { spec in
            CompletionItem(
                label: spec.name, kind: .keyword, detail: spec.synopsis, documentation: Self.help(spec.name))
        }
        items.append(
            CompletionItem(
                label: "expect", kind: .keyword, detail: "expect <claim>",
                documentation: "Checks a claim: " + ExpectationTable.names.joined(separator: ", ") + "."))
        items.append(
            CompletionItem(
                label: "let", kind: .keyword, detail: "let <name> = <query>", documentation: Self.help("let")))
        return items
    }

    /// A command's help as Markdown: usage, summary, example.
    static func help(_ word: String) -> String? {
        guard let lines = CommandHelp.details(for: word) else { return nil }
        return lines.map { line in
            if line.hasPrefix("usage: ") { return "`" + line.dropFirst("usage: ".count) + "`" }
            if line.hasPrefix("example: ") { return "Example: `" + line.dropFirst("example: ".count) + "`" }
            return line
        }
        .joined(separator: "\n\n")
    }

    private func argumentItems(for spec: CommandSpec, arguments: [String], state: StateAtLine) -> [CompletionItem] {
        let givenKeys = Set(arguments.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
        let positionalCount = arguments.filter { !$0.contains("=") && !$0.hasPrefix("--") }.count
        var items: [CompletionItem] = []
        let positionals = spec.positionalArguments
        if positionalCount < positionals.count {
            let argument = positionals[positionalCount]
            items += argument.choices.map { CompletionItem(label: $0, kind: .enumMember, detail: argument.name) }
            items += state.values(forPositional: argument.name, command: spec.name, arguments: arguments)
            // A required positional comes first: offer only its values until it is there.
            if argument.isRequired { return items }
        }
        let (keyArguments, takesTopicConfigs) = spec.keyArguments(after: arguments)
        items += keyArguments.filter { !givenKeys.contains($0.name) }.map { key in
            CompletionItem(
                label: key.name + "=", kind: .property,
                detail: key.isRequired ? "required" : (key.choices.isEmpty ? nil : key.choices.joined(separator: "|")))
        }
        if takesTopicConfigs {
            items += TopicConfig.all.filter { !givenKeys.contains($0.name) }.map { config in
                CompletionItem(
                    label: config.name + "=", kind: .property, detail: "topic config, default \(config.defaultValue)",
                    documentation: config.doc)
            }
        }
        items += spec.flagArguments.filter { !arguments.contains($0) }.map {
            CompletionItem(label: $0, kind: .keyword)
        }
        return items
    }

    private func valueItems(forKey key: String, of spec: CommandSpec, arguments: [String], state: StateAtLine)
        -> [CompletionItem]
    {
        if let config = TopicConfig.named(key), spec.takesTopicConfigs {
            return config.choices.map {
                CompletionItem(label: $0, kind: .value, detail: $0 == config.defaultValue ? "default" : nil)
            }
        }
        if spec.name == "producer" {
            return Self.producerConfigValues[key]?.map { .init(label: $0, kind: .value) } ?? []
        }
        if spec.name == "config" || spec.name == "cluster", let config = ConfigDef.key(key, of: .broker) {
            return config.choices.map {
                CompletionItem(label: $0, kind: .value, detail: $0 == config.defaultValue ? "default" : nil)
            }
        }
        let choices = spec.keyArguments.first { $0.name == key }?.choices ?? []
        return choices.map { CompletionItem(label: $0, kind: .enumMember) }
            + state.values(forKey: key, command: spec.name, arguments: arguments)
    }

    /// The values a producer config takes, where they are a few words (Kafka's `ProducerConfig`).
    static let producerConfigValues: [String: [String]] = [
        "acks": ["all", "1", "0", "-1"], "enable.idempotence": ["true", "false"],
        "partitioner": ["sticky", "round-robin"],
    ]

    // MARK: - expect and let

    /// Items for the next word of an `expect` line, as `ExpectationTable.slot(after:)` says.
    private func expectationItems(_ arguments: [String], state: StateAtLine) -> [CompletionItem] {
        let subject = Array(arguments.dropFirst())
        switch ExpectationTable.slot(after: arguments) {
        case .kind:
            return ExpectationTable.kinds.map { spec in
                CompletionItem(label: spec.name, kind: .keyword, detail: spec.synopsis, documentation: spec.summary)
            }
        case .errorName:
            return KafkaErrorNames.all.sorted { $0.name < $1.name }.map {
                CompletionItem(label: $0.name, kind: .constant, documentation: $0.description)
            }
        case .argument(.partition): return state.partitionItems()
        case .argument(.topic): return state.topicItems()
        case .argument(.group): return state.groupItems()
        case .argument(.member): return subject.first.map { state.memberItems(ofGroup: $0) } ?? []
        case .argument(.broker):
            return state.brokerItems(holding: subject.first.flatMap { TopicPartition(parsing: $0) })
        case .argument: return []
        case .words(let words):
            return words.map { CompletionItem(label: $0, kind: $0.hasSuffix("=") ? .property : .keyword) }
        case .end: return []
        }
    }

    private func letItems(_ arguments: [String], state: StateAtLine) -> [CompletionItem] {
        switch arguments.count {
        case 0: return []
        case 1: return [CompletionItem(label: "=", kind: .keyword)]
        default: return Self.queryItems(after: Array(arguments.dropFirst(2)), state: state)
        }
    }

    /// Items for the next word of a state query (in a `let` line or a prose reference), as `StateQuery.slot` says.
    static func queryItems(after words: [String], state: StateAtLine) -> [CompletionItem] {
        switch StateQuery.slot(after: words) {
        case .kind: StateQuery.Kind.allCases.map { CompletionItem(label: $0.rawValue, kind: .keyword) }
        case .partition: state.partitionItems()
        case .group: state.groupItems()
        case .topic: state.topicItems()
        case .member(let group): state.memberItems(ofGroup: group)
        case .broker(let partition): state.brokerItems(holding: partition)
        case .words(let words): words.map { CompletionItem(label: $0, kind: .keyword) }
        case .end: []
        }
    }

    // MARK: - Info strings

    /// Items in a fence's info string: scenario names after `continues=` (scenarios above), and after a question's
    /// `after=` (with their steps).
    private func infoStringItems(before: String, word: String, fileLine: Int) -> ([CompletionItem], valueStart: Int)? {
        let trimmed = before.drop { $0 == " " }
        guard trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") else { return nil }
        let info = trimmed.drop { $0 == "`" || $0 == "~" }.split(separator: " ").map(String.init)
        let wordsBefore = word.isEmpty ? info.count : info.count - 1
        let above = analysis.scenarios.filter { ($0.block?.block.openingLine ?? .max) < fileLine }
        if info.first == LessonParser.scenarioInfo, word.hasPrefix("continues=") {
            let names = Self.unique(above.compactMap(\.name))
            return (names.map { CompletionItem(label: $0, kind: .reference, detail: "scenario above") }, 10)
        }
        if info.first == LessonParser.scenarioInfo, word.hasPrefix("versions=") {
            // Kafka releases, the second after a comma.
            let comma = word.lastIndex(of: ",").map { word.distance(from: word.startIndex, to: $0) + 1 }
            let items = KafkaVersion.allCases.map {
                CompletionItem(label: $0.text, kind: .value, detail: "Kafka \($0.text)")
            }
            return (items, comma ?? 9)
        }
        if info.first == LessonParser.scenarioInfo, wordsBefore >= 1, !word.contains("=") {
            return (
                [
                    CompletionItem(label: "continues=", kind: .property, detail: "start from a scenario above"),
                    CompletionItem(
                        label: "versions=", kind: .property, detail: "run on two Kafka releases and compare (4.0,4.1)"),
                ], 0
            )
        }
        if info.first == LessonParser.questionInfo, word.hasPrefix("after=") {
            var items: [CompletionItem] = []
            for scenario in above {
                guard let name = scenario.name else { continue }
                items.append(CompletionItem(label: name, kind: .reference, detail: "end of the scenario"))
                let steps = scenario.transcript.steps.filter { !$0.isExpectation }
                for (number, step) in steps.enumerated() {
                    items.append(
                        CompletionItem(
                            label: "\(name)/step-\(number + 1)", kind: .reference, detail: step.statement.text))
                }
            }
            return (items, 6)
        }
        if info.first == LessonParser.questionInfo, wordsBefore >= 1, !word.contains("=") {
            return ([CompletionItem(label: "after=", kind: .property, detail: "the state the answer is read from")], 0)
        }
        return nil
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
