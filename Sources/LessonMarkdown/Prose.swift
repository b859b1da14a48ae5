import Diagnostics

/// A prose block of a lesson (paragraph, list, quote, raw HTML, code that is not a scenario): its HTML as cmark
/// renders it, cut where `{{…}}` references stand, and its plain text.
///
/// The references are pieces of their own, so whoever fills them in (the site, with verified values) never has to
/// find them again inside HTML.
public struct Prose: Hashable, Sendable {
    /// One piece of the block: HTML as cmark wrote it, or a reference to fill in.
    public enum Piece: Hashable, Sendable {
        /// HTML (lessons are trusted: raw HTML in them is kept).
        case html(String)
        /// A `{{…}}` reference; its value is computed when the lesson is verified.
        case reference(ProseReference)
    }

    /// The pieces, in order.
    public var pieces: [Piece]
    /// The block's words without markup (for search): text, code and the text of raw HTML; references left out.
    public var text: String

    /// Creates a prose block.
    public init(pieces: [Piece], text: String) {
        self.pieces = pieces
        self.text = text
    }

    /// The references of the block, in order.
    public var references: [ProseReference] {
        pieces.compactMap { if case .reference(let reference) = $0 { reference } else { nil } }
    }
}

/// A `{{…}}` reference in prose, filled in from the verified state when the site is built.
///
/// `{{hw orders-0}}` reads the final state of the scenario just above; `{{rack-loss: leader orders-4}}` names the
/// scenario; `{{rack-loss/step-3: isr orders-4}}` a step of it.
public struct ProseReference: Hashable, Sendable {
    /// The text between the braces.
    public var expression: String
    /// Where the enclosing paragraph starts (libcmark gives no positions for inline text).
    public var location: SourceLocation
    /// How many scenario blocks come before the reference in the lesson.
    public var scenariosBefore: Int

    /// Creates a reference.
    public init(expression: String, location: SourceLocation, scenariosBefore: Int) {
        self.expression = expression
        self.location = location
        self.scenariosBefore = scenariosBefore
    }

    /// The character that opens a reference's placeholder while the lesson is parsed.
    static let placeholderStart: Unicode.Scalar = "\u{E000}"
    /// The character that closes a reference's placeholder.
    static let placeholderEnd: Unicode.Scalar = "\u{E001}"

    /// The placeholder the HTML cmark renders holds for reference `index` while the lesson is parsed (the prose is
    /// then cut there): private-use characters that a lesson cannot contain, as typed ones are escaped first
    /// (`PrivateUseEscape`).
    static func placeholder(_ index: Int) -> String {
        "\(Character(placeholderStart))\(index)\(Character(placeholderEnd))"
    }
}
