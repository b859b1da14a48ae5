import Diagnostics
import Replication

/// Typed access to one line's arguments, reporting every problem at the argument's exact location.
struct ArgumentReader {
    private(set) var diagnostics: [Diagnostic] = []
    private let positionals: [Token]
    private let values: [String: Token]
    let flagsPresent: [String]
    private let locate: (Int) -> SourceLocation
    private let commandName: String
    /// The caps numbers are checked against.
    let limits: Limits

    init(
        command: String, positionals: [Token], values: [String: Token], flags: [String], limits: Limits,
        locate: @escaping (Int) -> SourceLocation
    ) {
        self.commandName = command
        self.limits = limits
        self.positionals = positionals
        self.values = values
        self.flagsPresent = flags
        self.locate = locate
    }

    /// Locations of every argument, keyed like `Statement.argumentLocations`.
    var argumentLocations: [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        result.reserveCapacity(positionals.count + values.count)
        for index in positionals.indices {
            result[index < Self.positionalKeys.count ? Self.positionalKeys[index] : "#\(index)"] = locate(
                positionals[index].column)
        }
        for (key, token) in values { result[key] = locate(token.valueColumn) }
        return result
    }

    /// The keys of the first positionals in `argumentLocations` (`#0`, `#1`, …), made once.
    private static let positionalKeys = (0..<8).map { "#\($0)" }

    mutating func error(_ message: String, at argument: String, notes: [Diagnostic.Note] = []) {
        let column: Int
        if let token = values[argument] {
            column = token.valueColumn
        } else if argument.hasPrefix("#"), let index = Int(argument.dropFirst()), index < positionals.count {
            column = positionals[index].column
        } else {
            column = 1
        }
        diagnostics.append(.error(message, at: locate(column), notes: notes))
    }

    mutating func missing(_ what: String) {
        diagnostics.append(.error("'\(commandName)' needs \(what)", at: locate(1)))
    }

    func positional(_ index: Int, name: String) -> String? {
        index < positionals.count ? positionals[index].text : nil
    }

    mutating func positionalInt(_ index: Int, name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = positional(index, name: name) else {
            missing("<\(name)>")
            return nil
        }
        return checkedInt(text, what: "<\(name)>", argument: "#\(index)", in: range)
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let token = values[key] else {
            missing("\(key)=<n>")
            return nil
        }
        return checkedInt(token.value ?? "", what: key, argument: key, in: range)
    }

    mutating func optionalInt(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let token = values[key] else { return nil }
        return checkedInt(token.value ?? "", what: key, argument: key, in: range)
    }

    func optionalString(_ key: String) -> String? { values[key]?.value }

    /// The `key=value` keys given on the line, sorted.
    var presentKeys: [String] { values.keys.sorted() }

    /// A duration value (`500ms`, `30s`, `2m`).
    mutating func optionalDuration(_ key: String) -> SimulatedDuration? {
        guard let value = values[key]?.value else { return nil }
        guard let duration = Duration.parse(value) else {
            error("\(key) must be a duration like 500ms, 30s or 2m, not '\(value)'", at: key)
            return nil
        }
        guard duration <= limits.advance else {
            error(
                "\(key)=\(value) is above the limit of 1h", at: key,
                notes: [.init(Limits.whereToRaise)])
            return nil
        }
        return duration
    }

    /// The value of `key` when it is one of `choices`; otherwise reports the valid values, a spelling suggestion
    /// when the value looks like a misspelt word (a number is not: `acks=2` is no typo of `0`), and `explanation`.
    mutating func optionalChoice(_ key: String, _ choices: [String], explanation: String? = nil) -> String? {
        guard let value = values[key]?.value else { return nil }
        guard choices.contains(value) else {
            let isNumber = Int64(value) != nil
            let suggestion = isNumber ? nil : Suggestion.note(for: value, in: choices)
            error(
                "\(key) must be one of \(choices.joined(separator: ", ")), not '\(value)'", at: key,
                notes: ([suggestion, explanation].compactMap { $0 }).map { Diagnostic.Note($0) })
            return nil
        }
        return value
    }

    /// Every dotted key (a topic config), validated against Kafka's rules for its value.
    mutating func topicConfigs() -> [String: String] {
        var configs: [String: String] = [:]
        for (key, token) in values where TopicConfig.named(key) != nil {
            let value = token.value ?? ""
            if let problem = TopicConfig.named(key)!.validate(value) {
                error(problem, at: key)
            } else {
                configs[key] = value
            }
        }
        return configs
    }

    /// Every broker config on the line (`ConfigDef`'s broker keys), validated against Kafka's rules for its value.
    mutating func brokerConfigs() -> [String: String] {
        var configs: [String: String] = [:]
        for (key, token) in values {
            guard let config = ConfigDef.key(key, of: .broker) else { continue }
            let value = token.value ?? ""
            if let problem = config.validate(value) {
                error(problem, at: key)
            } else {
                configs[key] = value
            }
        }
        return configs
    }

    /// Whether an error was reported.
    var hasErrors: Bool { !diagnostics.isEmpty }

    /// `key=<n>` as a 64-bit number within `range` (Kafka's LONG), if the key is given.
    mutating func optionalInt64(_ key: String, in range: ClosedRange<Int64>) -> Int64? {
        guard let token = values[key] else { return nil }
        return checkedInt(token.value ?? "", what: key, argument: key, in: range)
    }

    /// A number within `range`. The text is read as 64 bits whatever `Int` is (32 bits in the WebAssembly engine),
    /// so a number too large for `range` gets the same message everywhere.
    private mutating func checkedInt(_ text: String, what: String, argument: String, in range: ClosedRange<Int>) -> Int?
    {
        checkedInt(text, what: what, argument: argument, in: Int64(range.lowerBound)...Int64(range.upperBound))
            .map { Int($0) }
    }

    private mutating func checkedInt(_ text: String, what: String, argument: String, in range: ClosedRange<Int64>)
        -> Int64?
    {
        guard let value = Int64(text) else {
            error("\(what) must be a whole number, not '\(text)'", at: argument)
            return nil
        }
        guard range.contains(value) else {
            if value > range.upperBound {
                error(
                    "\(what)=\(value) is above the limit of \(range.upperBound)", at: argument,
                    notes: [.init(Limits.whereToRaise)])
            } else {
                error("\(what) must be at least \(range.lowerBound), not \(value)", at: argument)
            }
            return nil
        }
        return value
    }
}
