/// Renders diagnostics the way compilers do: `path:line:col: error: message`, then notes, then detail lines.
///
/// Everything a diagnostic quotes (the path, the message, detail lines) is outside text: it reaches the terminal
/// through `ConsoleText`, so it can neither drive the terminal nor issue CI workflow commands, and a quoted text too
/// long to read (a 40 MB unknown command) is shortened in the middle.
public struct DiagnosticPrinter: Sendable {
    /// Whether to colour the severity words with ANSI escapes.
    public var usesColor: Bool

    /// Lines longer than this many characters are shortened in the middle.
    public static let longestLine = 1_000

    /// Creates a printer.
    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// The text of one diagnostic, ending with a newline.
    public func text(_ diagnostic: Diagnostic) -> ConsoleText {
        var out: ConsoleText =
            "\(diagnostic.location): \(label(diagnostic.severity)) \(Self.shortened(diagnostic.message))\n"
        for note in diagnostic.notes {
            out += "\(note.location ?? diagnostic.location): \(label(.note)) \(Self.shortened(note.message))\n"
        }
        for line in diagnostic.detail {
            out += "\(Self.shortened(line))\n"
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

    /// `line`, or its start and end around `…(N characters left out)…` when it is longer than `longestLine`.
    static func shortened(_ line: String) -> String {
        guard line.utf8.count > longestLine, line.count > longestLine else { return line }
        let kept = longestLine / 2
        let omitted = line.count - 2 * kept
        return "\(line.prefix(kept))…(\(omitted) characters left out)…\(line.suffix(kept))"
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
