/// Text on its way to a terminal or a CI log, which knows which of its parts ReplicaLab wrote and which came from
/// outside (a lesson, a file name, a transcript value, anything a user typed).
///
/// Outside text can neither drive the terminal nor the CI system reading the log:
/// - control characters (C0 except tab, DEL, C1, the line and paragraph separators and the bidirectional overrides)
///   are written visibly as `\u{1B}`, so `ESC ]52;…` (OSC 52 writes the clipboard) or a file name that clears the
///   screen prints as text;
/// - no line may start (after spaces) with `::` or contain `##[` because of outside text: GitHub Actions runs such a
///   line as a workflow command (`::warning::…`, `::add-mask::…`). The first character is then written as `\u{3A}` or
///   `\u{23}`.
///
/// String literals and ReplicaLab's own escape sequences are trusted; everything interpolated into a `ConsoleText`
/// is outside text unless it is itself a `ConsoleText`:
///
/// ```swift
/// let line: ConsoleText = "\(location): error: \(message)\n"   // location and message made safe
/// ```
public struct ConsoleText: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    fileprivate struct Piece: Hashable, Sendable {
        var text: String
        var isTrusted: Bool
        /// Outside text whose line breaks are real line breaks (a block of transcript lines), not to be escaped.
        var keepsLineBreaks = false
    }

    fileprivate var pieces: [Piece] = []

    /// Empty text.
    public init() {}

    /// Trusted text: a literal written in ReplicaLab's source.
    public init(stringLiteral value: String) {
        pieces = value.isEmpty ? [] : [Piece(text: value, isTrusted: true)]
    }

    /// Builds text from a literal with interpolations (see `StringInterpolation`).
    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
    }

    /// Outside text on one line: a line break in it is shown as `\u{A}`.
    public static func text(_ outside: String) -> ConsoleText {
        var text = ConsoleText()
        if !outside.isEmpty { text.pieces = [Piece(text: outside, isTrusted: false)] }
        return text
    }

    /// Outside text of several lines (a transcript, a diff): its line breaks stay line breaks, and each line is made
    /// safe like `text(_:)`.
    public static func lines(_ outside: String) -> ConsoleText {
        var text = ConsoleText()
        if !outside.isEmpty { text.pieces = [Piece(text: outside, isTrusted: false, keepsLineBreaks: true)] }
        return text
    }

    /// Text ReplicaLab made itself and vouches for as a whole (escape sequences it computed, a workflow command whose
    /// outside parts it already escaped). Never pass outside text here.
    public static func trusted(_ text: String) -> ConsoleText {
        ConsoleText(stringLiteral: text)
    }

    public static func + (lhs: ConsoleText, rhs: ConsoleText) -> ConsoleText {
        var result = lhs
        result.pieces += rhs.pieces
        return result
    }

    public static func += (lhs: inout ConsoleText, rhs: ConsoleText) {
        lhs.pieces += rhs.pieces
    }

    /// Whether there is no text at all.
    public var isEmpty: Bool { pieces.allSatisfy { $0.text.isEmpty } }

    /// How many characters the text takes on screen once made safe (for padding table cells).
    public var width: Int { rendered.count }

    /// The text followed by spaces up to `width` characters on screen (nothing added when it is as wide already).
    public func padded(to width: Int) -> ConsoleText {
        let missing = width - self.width
        return missing > 0 ? self + .trusted(String(repeating: " ", count: missing)) : self
    }

    /// The bytes to write: trusted parts as they are, outside parts made safe.
    public var rendered: String {
        var out = ""
        // Scalars written since the last line break are only spaces, tabs or colour sequences: the next scalar
        // starts the line.
        var line = LineStart()
        for (index, piece) in pieces.enumerated() {
            if piece.isTrusted {
                for scalar in piece.text.unicodeScalars { line.track(scalar) }
                out += piece.text
                continue
            }
            let scalars = Array(piece.text.unicodeScalars)
            for (offset, scalar) in scalars.enumerated() {
                if scalar == "\n" && piece.keepsLineBreaks {
                    out.unicodeScalars.append(scalar)
                    line.track(scalar)
                    continue
                }
                if Self.isControl(scalar) {
                    out += Self.escaped(scalar)
                    line.atStart = false
                    continue
                }
                let next = offset + 1 < scalars.count ? scalars[offset + 1] : firstScalar(after: index)
                let third = offset + 2 < scalars.count ? scalars[offset + 2] : nil
                Self.append(scalar, before: next, third, to: &out, line: &line)
            }
        }
        return out
    }

    /// The text made safe, laid out again by `layout`, and checked again as a whole.
    ///
    /// `layout` may only move text between lines — break a line, indent, regroup a table's columns (fitting text
    /// to a terminal's width) — so it cannot add a control character; but it can make outside text start a line.
    /// Every line of the result is therefore checked as outside text is: a `::` that starts a line (after spaces or
    /// colour sequences) or a `##[` gets its first character written as `\u{3A}` or `\u{23}`. The result is trusted
    /// as a whole, so text laid out this way must not hold a workflow command written on purpose.
    public func laidOut(_ layout: (String) -> String) -> ConsoleText {
        let scalars = Array(layout(rendered).unicodeScalars)
        var out = ""
        var line = LineStart()
        for (offset, scalar) in scalars.enumerated() {
            let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
            let third = offset + 2 < scalars.count ? scalars[offset + 2] : nil
            Self.append(scalar, before: next, third, to: &out, line: &line)
        }
        return .trusted(out)
    }

    /// Appends `scalar` (followed by `next` and `third`) to `out`, written `\u{…}` when it would let a CI system read
    /// a workflow command: `::` at the start of a line, or `##[` anywhere.
    private static func append(
        _ scalar: Unicode.Scalar, before next: Unicode.Scalar?, _ third: Unicode.Scalar?, to out: inout String,
        line: inout LineStart
    ) {
        if (scalar == ":" && next == ":" && line.atStart) || (scalar == "#" && next == "#" && third == "[") {
            out += escaped(scalar)
        } else {
            out.unicodeScalars.append(scalar)
        }
        line.track(scalar)
    }

    public var description: String { rendered }

    /// The first scalar of the pieces after `index`, if any.
    private func firstScalar(after index: Int) -> Unicode.Scalar? {
        pieces[(index + 1)...].lazy.compactMap { $0.text.unicodeScalars.first }.first
    }

    /// Whether the text written so far ends at the start of a line: after a line break and nothing but spaces, tabs
    /// and ANSI escape sequences (colours, which a terminal does not show and a CI log may strip).
    private struct LineStart {
        var atStart = true
        /// Inside an escape sequence: `ESC`, then `[` and parameters up to a final byte in `@`…`~`.
        private var inEscape = false

        mutating func track(_ scalar: Unicode.Scalar) {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else if scalar == "\n" || scalar == "\r" {
                atStart = true
            } else if scalar != " " && scalar != "\t" {
                atStart = false
            }
        }
    }

    /// Outside text with every control character written as `\u{…}` (line breaks included).
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether a scalar may not reach a terminal as it is: C0 controls but tab, DEL, C1 controls, the Unicode line
    /// and paragraph separators, and the bidirectional embeddings, overrides and isolates (which reorder what a
    /// terminal shows).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// Trusted and outside text as it is built by interpolation: literals are trusted, interpolated values are outside
    /// text unless they are `ConsoleText` already.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var pieces: [Piece] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { pieces.append(Piece(text: literal, isTrusted: true)) }
        }

        /// Console text keeps what it knows about its parts.
        public mutating func appendInterpolation(_ text: ConsoleText) {
            pieces += text.pieces
        }

        /// Any other value is outside text on one line: what it says of itself (`description`).
        public mutating func appendInterpolation<Value: CustomStringConvertible>(_ value: Value) {
            let text = value.description
            if !text.isEmpty { pieces.append(Piece(text: text, isTrusted: false)) }
        }
    }
}

extension Sequence where Element == ConsoleText {
    /// The texts one after the other, with `separator` between them.
    public func joined(separator: ConsoleText = ConsoleText()) -> ConsoleText {
        var result = ConsoleText()
        for (index, text) in enumerated() {
            if index > 0 { result += separator }
            result += text
        }
        return result
    }
}
