import ScenarioLanguage

/// One completion proposal.
struct CompletionItem: Hashable, Sendable {
    /// The protocol's kinds the server uses.
    enum Kind: Int, Hashable, Sendable {
        case property = 10
        case value = 12
        case keyword = 14
        case reference = 18
        case enumMember = 20
        case constant = 21
    }

    /// What the list shows and what is inserted (unless `insertText` says otherwise).
    var label: String
    /// Its kind.
    var kind: Kind
    /// A short line beside the label (a synopsis, a value's meaning).
    var detail: String?
    /// Markdown shown for the selected item (a command's help).
    var documentation: String?
    /// What to insert instead of the label (`partitions=` for the key `partitions`).
    var insertText: String?

    /// The item as JSON, replacing `range` (the word being typed) with its text.
    func json(replacing range: TextRange, order: Int) -> JSON {
        .compact([
            "label": .string(label),
            "kind": .integer(kind.rawValue),
            "detail": JSON(detail),
            "documentation": documentation.map { ["kind": "markdown", "value": .string($0)] },
            "textEdit": ["range": range.json, "newText": .string(insertText ?? label)],
            "filterText": .string(insertText ?? label),
            // Keep the server's order (commands as `help` lists them, brokers by id) rather than the client's sort.
            "sortText": .string(String(format4(order))),
        ])
    }

    private func format4(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}

extension CompletionItem {
    /// The protocol's item for a candidate of the shared completion.
    init(_ candidate: CompletionCandidate) {
        let kind: Kind =
            switch candidate.role {
            case .command, .keyword, .flag: .keyword
            case .key: .property
            case .choice: .enumMember
            case .value, .variable: .value
            case .errorName: .constant
            }
        self.init(
            label: candidate.label, kind: kind, detail: candidate.detail, documentation: candidate.documentation)
    }
}
