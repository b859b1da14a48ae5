import Diagnostics

/// Turns ReplicaLab's diagnostics into the protocol's: the same message at the same position (the range covers the
/// word the diagnostic points at), notes and detail lines (an output diff) after the message.
struct DiagnosticPublishing {
    /// How the client counts characters.
    var encoding: PositionEncoding
    /// Whether the client shows notes that point elsewhere as related information (else they join the message).
    var supportsRelatedInformation: Bool

    /// The most detail lines (a diff) a message carries; a longer diff ends with a line saying how many were left out.
    static let maximumDetailLines = 24

    /// The protocol's diagnostics for one file.
    func json(_ diagnostics: [Diagnostic], in text: SourceText, path: String) -> JSON {
        .array(diagnostics.sorted().filter { $0.location.file == path }.map { json($0, in: text) })
    }

    func json(_ diagnostic: Diagnostic, in text: SourceText) -> JSON {
        var message = diagnostic.message
        var related: [JSON] = []
        for note in diagnostic.notes {
            if let location = note.location, supportsRelatedInformation {
                related.append([
                    "location": [
                        "uri": .string(DocumentURI.uri(ofPath: location.file)),
                        "range": relatedRange(of: location, diagnostic: diagnostic, in: text).json,
                    ],
                    "message": .string(note.message),
                ])
            } else if let location = note.location, location.file != diagnostic.location.file {
                message += "\n\(location): note: \(note.message)"
            } else if let location = note.location {
                message += "\nline \(location.line): note: \(note.message)"
            } else {
                message += "\nnote: \(note.message)"
            }
        }
        if !diagnostic.detail.isEmpty {
            let shown = diagnostic.detail.prefix(Self.maximumDetailLines)
            message += "\n" + shown.joined(separator: "\n")
            let hidden = diagnostic.detail.count - shown.count
            if hidden > 0 { message += "\n… \(hidden) more line\(hidden == 1 ? "" : "s") (see replicalab check)" }
        }
        let severity: Int =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
        return .compact([
            "range": range(of: diagnostic.location, in: text).json,
            "severity": .integer(severity),
            "source": "replicalab",
            "code": .string(diagnostic.kind == .verification ? "verification" : "input"),
            "message": .string(message),
            "relatedInformation": related.isEmpty ? nil : .array(related),
        ])
    }

    /// The range of a note's location: the word there in this file; in another file, whose text the server may not
    /// have, the position of its column (exact for ASCII, which is what lesson lines that notes point at hold).
    private func relatedRange(of location: SourceLocation, diagnostic: Diagnostic, in text: SourceText) -> TextRange {
        if location.file == diagnostic.location.file { return range(of: location, in: text) }
        let position = TextPosition(line: location.line - 1, character: location.column - 1)
        return TextRange(start: position, end: position)
    }

    /// The range a location points at: the word starting there (to the end of the line when it points at a space or
    /// the line's end).
    func range(of location: SourceLocation, in text: SourceText) -> TextRange {
        let start = text.offset(of: location)
        let line = text.lineRange(location.line - 1)
        var end = start
        while end < line.upperBound, text.bytes[end] != UInt8(ascii: " "), text.bytes[end] != UInt8(ascii: "\t") {
            end += 1
        }
        if end == start { end = line.upperBound }
        return text.range(ofBytes: start..<end, in: encoding)
    }
}
