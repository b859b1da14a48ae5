/// Renders diagnostics the way compilers do: `path:line:col: error: message`, then notes, then detail lines.
///
/// Everything a diagnostic quotes (the path, the message, detail lines) is outside text: it reaches the terminal
/// through `ConsoleText`, so it can neither drive the terminal nor issue CI workflow commands. A quoted text too long
/// to read (a 40 MB unknown command) was cut to an excerpt when the diagnostic was made (`Excerpt`).
public struct DiagnosticPrinter: Sendable {
    /// Whether to colour the severity words with ANSI escapes.
    public var usesColor: Bool

    /// Creates a printer.
    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// The text of one diagnostic, ending with a newline.
    public func text(_ diagnostic: Diagnostic) -> ConsoleText {
        var out: ConsoleText =
            "\(diagnostic.location): \(label(diagnostic.severity)) \(diagnostic.message)\n"
        for note in diagnostic.notes {
            out += "\(note.location ?? diagnostic.location): \(label(.note)) \(note.message)\n"
        }
        for line in diagnostic.detail {
            out += "\(line)\n"
        }
        return out
    }

    /// The text of all diagnostics, sorted by location.
    public func text(_ diagnostics: [Diagnostic]) -> ConsoleText {
        diagnostics.sorted().map(text).joined()
    }

    /// The text of one diagnostic as it is written to a terminal (see `text(_:)`).
    public func render(_ diagnostic: Diagnostic) -> String {
        text(diagnostic).rendered
    }

    /// The text of all diagnostics, sorted by location, as it is written to a terminal.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        text(diagnostics).rendered
    }

    /// `replicalab: error: <message>`, for a failure that has no place in a lesson.
    public static func toolError(_ message: String) -> ConsoleText {
        "replicalab: error: \(message)\n"
    }

    private func label(_ severity: Severity) -> ConsoleText {
        let word = ConsoleText.trusted("\(severity.rawValue):")
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
