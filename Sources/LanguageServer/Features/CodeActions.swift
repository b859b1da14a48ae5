import Course
import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// Code actions. Each kind of fix is a provider looking at the diagnostics and scenarios in the requested range, so
/// a new kind of block brings its fixes as one more provider:
/// - accept the engine's output for a stale `output` block: the same bytes `check --update` writes;
/// - add a missing `output` block: likewise;
/// - set a failed expectation to the actual value: an explicit decision of the author, never automatic;
/// - apply a `did you mean …?` suggestion.
struct CodeActions {
    /// What the client supports.
    struct ClientSupport {
        /// Versioned edits (`documentChanges`), so an edit computed for an older version is refused.
        var documentChanges = false
        /// Actions shown greyed with a reason (`disabled`).
        var disabled = false
    }

    /// One action: a title and the edit, or the reason it cannot be taken.
    struct Action {
        var title: String
        var edit: TextEdit?
        var disabledReason: String?
        var diagnostics: [Diagnostic] = []
        var isPreferred = false
    }

    var analysis: DocumentAnalysis
    var uri: String
    var encoding: PositionEncoding
    var support: ClientSupport
    var publishing: DiagnosticPublishing

    /// The actions for a range, as the protocol's `CodeAction` array.
    func json(for range: TextRange) -> JSON {
        let bytes = analysis.text.byteRange(of: range, in: encoding)
        let lines =
            analysis.text.lineIndex(containing: bytes.lowerBound) + 1...analysis.text.lineIndex(
                containing: bytes.upperBound) + 1
        let providers: [(ClosedRange<Int>) -> [Action]] = [outputActions, expectationActions, suggestionActions]
        let actions = providers.flatMap { $0(lines) }
        return .array(actions.compactMap(json))
    }

    private func json(_ action: Action) -> JSON? {
        if action.edit == nil, action.disabledReason == nil { return nil }
        if action.edit == nil, !support.disabled { return nil }
        let edit = action.edit.map { edit -> JSON in
            let textEdit = edit.json(in: analysis.text, encoding: encoding)
            if support.documentChanges {
                return [
                    "documentChanges": [
                        [
                            "textDocument": ["uri": .string(uri), "version": .integer(analysis.version)],
                            "edits": [textEdit],
                        ]
                    ]
                ]
            }
            return ["changes": .object([uri: [textEdit]])]
        }
        return .compact([
            "title": .string(action.title),
            "kind": "quickfix",
            "edit": edit,
            "diagnostics": action.diagnostics.isEmpty
                ? nil : .array(action.diagnostics.map { publishing.json($0, in: analysis.text) }),
            "isPreferred": action.isPreferred ? .bool(true) : nil,
            "disabled": action.disabledReason.map { ["reason": .string($0)] },
        ])
    }

    // MARK: - Output blocks

    /// Accept the engine's output, or add a missing output block, for the scenarios the range touches: exactly what
    /// `check --update` would write for that scenario alone.
    private func outputActions(_ lines: ClosedRange<Int>) -> [Action] {
        guard let lesson = analysis.lesson, analysis.outline != nil else { return [] }
        var actions: [Action] = []
        for scenario in lesson.scenarios {
            let block = scenario.block
            let end = block.output.map { $0.closingLine ?? $0.openingLine } ?? (block.block.closingLine ?? Int.max)
            guard lines.overlaps(block.block.openingLine...max(block.block.openingLine, end)) else { continue }
            let name = block.name.map { " of scenario '\($0)'" } ?? ""
            let isStale = scenario.outputMatches == false
            guard isStale || block.output == nil else { continue }
            let title = isStale ? "Accept the engine's output\(name)" : "Add the output block\(name)"
            let target = isStale ? block.output!.location : block.block.location
            let result = OutputUpdater.update(lesson) { $0.location == target }
            if let skipped = result.skipped.first(where: {
                $0.location == target || $0.location == block.block.location
            }) {
                actions.append(Action(title: title, disabledReason: skipped.reason))
                continue
            }
            guard let edit = TextEdit.between(lesson.lesson.source, result.bytes) else { continue }
            let diagnostics = scenario.diagnostics.filter { $0.kind == .verification && !$0.detail.isEmpty }
            actions.append(Action(title: title, edit: edit, diagnostics: diagnostics, isPreferred: isStale))
        }
        return actions
    }

    // MARK: - Expectations

    /// For each failed expectation on the lines: set it to the actual value (only when the line then parses).
    private func expectationActions(_ lines: ClosedRange<Int>) -> [Action] {
        var actions: [Action] = []
        for scenario in analysis.scenarios {
            for step in scenario.transcript.steps {
                guard let verdict = step.expectation, !verdict.passed, lines.contains(step.statement.location.line),
                    case .expect(let expectation) = step.statement.command,
                    let action = setExpectation(step.statement, expectation, to: verdict.actual)
                else { continue }
                actions.append(action)
            }
        }
        return actions
    }

    private func setExpectation(_ statement: Statement, _ expectation: Expectation, to actual: String) -> Action? {
        let text = analysis.text
        let lineNumber = statement.location.line
        let line = text.lineRange(lineNumber - 1)
        let source = text.line(lineNumber - 1)
        // A line with captured values was parsed after substitution: its columns are not the file's.
        guard !source.contains("$") else { return nil }
        let start = text.offset(of: statement.location)
        let end = min(start + statement.text.utf8.count, line.upperBound)
        let replacedStart: Int
        let newText: String
        switch expectation.claim {
        case .ok, .error:
            // `expect error X` whose previous command succeeded becomes `expect ok`, and the other way round.
            let tokens = Lexer.lex(source).tokens
            guard tokens.count >= 2 else { return nil }
            replacedStart = line.lowerBound + tokens[1].column - 1
            newText = actual == "ok" ? "ok" : "error \(actual)"
        case .invariantsOK:
            return nil
        default:
            replacedStart = text.offset(of: expectation.valueLocation)
            newText = actual
        }
        guard line.lowerBound <= replacedStart, replacedStart <= end else { return nil }
        let replaced = replacedStart..<end
        var candidate = text.bytes
        candidate.replaceSubrange(replaced, with: Array(newText.utf8))
        let candidateLine = String(
            decoding: candidate[line.lowerBound..<(line.upperBound - replaced.count + newText.utf8.count)],
            as: UTF8.self)
        let (_, problems) = ScenarioParser.parse(candidateLine, sourceMap: .identity(file: "", lineCount: 1))
        guard problems.isEmpty else { return nil }
        return Action(
            title: "Set the expectation to the actual value (\(actual))",
            edit: TextEdit(range: replaced, newText: newText),
            diagnostics: analysis.diagnostics.filter {
                $0.location.line == lineNumber && $0.kind == .verification
            })
    }

    // MARK: - Suggestions

    /// `did you mean 'topic'?`: replace the misspelt word the message quotes (the quoted word closest to the
    /// suggestion) on the diagnostic's line.
    private func suggestionActions(_ lines: ClosedRange<Int>) -> [Action] {
        var actions: [Action] = []
        for diagnostic in analysis.diagnostics where lines.contains(diagnostic.location.line) {
            for note in diagnostic.notes {
                guard let suggestion = Self.quoted(in: note.message).first, note.message.hasPrefix("did you mean '"),
                    let misspelt = Self.quoted(in: diagnostic.message).filter({ $0 != suggestion })
                        .min(by: { Suggestion.editDistance($0, suggestion) < Suggestion.editDistance($1, suggestion) }),
                    let range = occurrence(of: misspelt, onLineOf: diagnostic.location)
                else { continue }
                actions.append(
                    Action(
                        title: "Change '\(misspelt)' to '\(suggestion)'",
                        edit: TextEdit(range: range, newText: suggestion), diagnostics: [diagnostic],
                        isPreferred: true))
            }
        }
        return actions
    }

    /// The bytes of `word` on the location's line, as a whole word (not part of a longer one), the first at or after
    /// the location's column, else the first on the line.
    private func occurrence(of word: String, onLineOf location: SourceLocation) -> Range<Int>? {
        let text = analysis.text
        let line = text.lineRange(location.line - 1)
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return nil }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "=")
                && byte != UInt8(ascii: "`") && byte != UInt8(ascii: ",")
        }
        var found: [Range<Int>] = []
        var index = line.lowerBound
        while index + needle.count <= line.upperBound {
            let end = index + needle.count
            if Array(text.bytes[index..<end]) == needle,
                index == line.lowerBound || !isWordByte(text.bytes[index - 1]),
                end == line.upperBound || !isWordByte(text.bytes[end])
            {
                found.append(index..<end)
            }
            index += 1
        }
        let column = text.offset(of: location)
        return found.first { $0.lowerBound >= column } ?? found.first
    }

    /// The texts between single quotes.
    static func quoted(in message: String) -> [String] {
        message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
