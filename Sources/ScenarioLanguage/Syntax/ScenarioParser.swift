import Diagnostics
import Replication

/// Parses scenario text into a `Script`, collecting every problem with its exact file location.
public enum ScenarioParser {
    /// Parses `text`; `sourceMap` places each of its lines in the lesson file; numbers are checked against `limits`.
    public static func parse(
        _ text: String, sourceMap: SourceMap, limits: Limits = .standard
    ) -> (script: Script, diagnostics: [Diagnostic]) {
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = []
        var lines = SourceMap.lines(of: text)
        if lines.last == "" { lines.removeLast() }
        if lines.count > limits.lines {
            diagnostics.append(
                .error(
                    "a scenario has at most \(limits.lines) lines; this one has \(lines.count): split it",
                    at: sourceMap.location(line: limits.lines, column: 1), notes: [.init(Limits.whereToRaise)]))
            lines.removeLast(lines.count - limits.lines)
        }
        // Comment lines wait here for the statement below them, whose narration they are.
        var narration: [String] = []
        for (index, rawLine) in lines.enumerated() {
            let line = Lexer.lex(String(rawLine))
            let locate = { (column: Int) in sourceMap.location(line: index, column: column) }
            if let error = line.error {
                diagnostics.append(.error(error.message, at: locate(error.column)))
                narration = []
                continue
            }
            guard let first = line.tokens.first else {
                if let comment = Lexer.comment(in: String(rawLine)) { narration.append(comment) }
                continue
            }
            defer {
                if statements.last?.lineIndex == index { statements[statements.count - 1].narration = narration }
                narration = []
            }
            // A line that uses a captured value (`$name`) is parsed when it runs, once the value is known.
            if first.text != "let", line.tokens.contains(where: { Variables.references(in: $0.text) }) {
                let map = SourceMap(
                    file: sourceMap.file, lines: [sourceMap.location(line: index, column: 1).line],
                    columnOffsets: [sourceMap.location(line: index, column: 1).column - 1])
                statements.append(
                    Statement(
                        command: .deferred(line: String(rawLine), map: map), text: line.text,
                        location: locate(first.column), lineIndex: index, argumentLocations: [:]))
                continue
            }
            let (statement, problems) = parseStatement(
                line, lineIndex: index, first: first, limits: limits, locate: locate)
            diagnostics += problems
            if let statement { statements.append(statement) }
        }
        return (Script(statements: statements), diagnostics)
    }

    private static func parseStatement(
        _ line: Lexer.Line, lineIndex: Int, first: Token, limits: Limits, locate: @escaping (Int) -> SourceLocation
    ) -> (Statement?, [Diagnostic]) {
        let location = locate(first.column)
        if first.text == "expect" {
            let (expectation, problems) = ExpectationParser.parse(
                Array(line.tokens.dropFirst()), line: first, locate: locate)
            guard let expectation else { return (nil, problems) }
            return (
                Statement(
                    command: .expect(expectation), text: line.text, location: location, lineIndex: lineIndex,
                    argumentLocations: [:]),
                problems
            )
        }
        if first.text == "let" {
            return Variables.parseLet(line, lineIndex: lineIndex, locate: locate)
        }
        guard let spec = CommandTable.command(named: first.text) else {
            let name = first.isKeyValue ? (first.key ?? first.text) : first.text
            let notes = Suggestion.note(for: name, in: CommandTable.allNames).map { [Diagnostic.Note($0)] } ?? []
            return (nil, [.error("unknown command '\(name)'", at: location, notes: notes)])
        }
        var problems: [Diagnostic] = []
        var positionals: [Token] = []
        var values: [String: Token] = [:]
        var flags: [String] = []
        for token in line.tokens.dropFirst() {
            if let key = token.key {
                if values[key] != nil {
                    problems.append(.error("'\(key)' is given twice", at: locate(token.column)))
                } else if spec.keys.contains(where: { $0.name == key })
                    || (spec.acceptsTopicConfigs && TopicConfig.named(key) != nil)
                {
                    values[key] = token
                } else {
                    let what = spec.acceptsTopicConfigs && key.contains(".") ? "topic config" : "key"
                    let notes = Suggestion.note(for: key, in: spec.keyNames).map { [Diagnostic.Note($0)] } ?? []
                    problems.append(
                        .error("unknown \(what) '\(key)' for '\(spec.name)'", at: locate(token.column), notes: notes))
                }
            } else if token.text.hasPrefix("--") {
                if spec.flags.contains(token.text) {
                    flags.append(token.text)
                } else {
                    let notes = Suggestion.note(for: token.text, in: spec.flags).map { [Diagnostic.Note($0)] } ?? []
                    problems.append(
                        .error(
                            "unknown option '\(token.text)' for '\(spec.name)'", at: locate(token.column), notes: notes)
                    )
                }
            } else if positionals.count < spec.positionals.count {
                positionals.append(token)
            } else {
                let expectedKeys = spec.keys.map { "\($0.name)=" }
                let notes =
                    Suggestion.note(for: token.text, in: spec.keys.map { $0.name }).map {
                        [Diagnostic.Note("\($0) (arguments are written key=value)")]
                    }
                    ?? (expectedKeys.isEmpty
                        ? [] : [Diagnostic.Note("'\(spec.name)' takes \(expectedKeys.joined(separator: ", "))")])
                problems.append(
                    .error(
                        "unexpected argument '\(token.text)' for '\(spec.name)'", at: locate(token.column), notes: notes
                    ))
            }
        }
        for (index, positional) in spec.positionals.enumerated() where positional.required && index >= positionals.count
        {
            problems.append(
                .error(
                    "'\(spec.name)' needs <\(positional.name)>", at: location, notes: [.init("usage: \(spec.synopsis)")]
                ))
        }
        let stoodIn = spec.keysStandingIn.filter { values[$0.key] != nil }.flatMap { $0.value }
        for key in spec.keys where key.required && values[key.name] == nil && !stoodIn.contains(key.name) {
            problems.append(
                .error(
                    "'\(spec.name)' needs \(key.name)=<value>", at: location, notes: [.init("usage: \(spec.synopsis)")])
            )
        }
        guard problems.isEmpty else { return (nil, problems) }
        var reader = ArgumentReader(
            command: spec.name, positionals: positionals, values: values, flags: flags, limits: limits,
            locate: locate)
        let command = spec.build(&reader)
        problems += reader.diagnostics
        guard let command, problems.isEmpty else { return (nil, problems) }
        return (
            Statement(
                command: command, text: line.text, location: location, lineIndex: lineIndex,
                argumentLocations: reader.argumentLocations),
            problems
        )
    }
}
