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
        var out = "\(diagnostic.location): \(label(diagnostic.severity)) \(Self.visible(diagnostic.message))\n"
        for note in diagnostic.notes {
            let prefix = "\(note.location ?? diagnostic.location): "
            out += "\(prefix)\(label(.note)) \(Self.visible(note.message))\n"
        }
        for line in diagnostic.detail {
            out += Self.visible(line) + "\n"
        }
        return out
    }

    /// Text with control characters (NUL, ESC, CR, …; not tab) written as `\u{1B}`, so a lesson's bytes quoted in a
    /// message can neither drive the terminal nor split the one-line-per-diagnostic format.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
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
