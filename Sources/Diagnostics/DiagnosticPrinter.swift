/// Renders diagnostics the way compilers do: `path:line:col: error: message`, then notes, then detail lines.
public struct DiagnosticPrinter: Sendable {
    /// Whether to colour the severity words with ANSI escapes.
    public var usesColor: Bool

    /// Creates a printer.
    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// The text of one diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = "\(diagnostic.location): \(label(diagnostic.severity)) \(diagnostic.message)\n"
        for note in diagnostic.notes {
            let prefix = "\(note.location ?? diagnostic.location): "
            out += "\(prefix)\(label(.note)) \(note.message)\n"
        }
        for line in diagnostic.detail {
            out += line + "\n"
        }
        return out
    }

    /// The text of all diagnostics, sorted by location.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(render).joined()
    }

    private func label(_ severity: Severity) -> String {
        let word = "\(severity.rawValue):"
        guard usesColor else { return word }
        switch severity {
        case .error: return "\u{1B}[1;31m\(word)\u{1B}[0m"
        case .warning: return "\u{1B}[1;35m\(word)\u{1B}[0m"
        case .note: return "\u{1B}[1;36m\(word)\u{1B}[0m"
        }
    }

    /// The severity type, named here for brevity.
    public typealias Severity = Diagnostic.Severity
}
