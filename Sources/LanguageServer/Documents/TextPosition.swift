/// A position as the protocol writes it: a 0-based line and a 0-based offset in the line, counted in the code units
/// of the session's `PositionEncoding` (UTF-16 unless the client offers another).
public struct TextPosition: Hashable, Sendable, Comparable {
    /// The 0-based line.
    public var line: Int
    /// The 0-based offset in the line, in code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Reads `{"line": …, "character": …}`.
    public init?(_ json: JSON?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer, line >= 0,
            character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    /// The position as JSON.
    public var json: JSON { ["line": .integer(line), "character": .integer(character)] }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A range between two positions, end exclusive.
public struct TextRange: Hashable, Sendable {
    /// Where it starts.
    public var start: TextPosition
    /// Where it ends (exclusive).
    public var end: TextPosition

    /// Creates a range.
    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    /// Reads `{"start": …, "end": …}`; nil when malformed or when the end is before the start.
    public init?(_ json: JSON?) {
        guard let start = TextPosition(json?["start"]), let end = TextPosition(json?["end"]), start <= end else {
            return nil
        }
        self.init(start: start, end: end)
    }

    /// The range as JSON.
    public var json: JSON { ["start": start.json, "end": end.json] }

    /// Whether the position is inside the range (an empty range contains its position).
    public func contains(_ position: TextPosition) -> Bool {
        start <= position && (position < end || position == start)
    }
}

/// The unit the protocol counts characters in; LSP 3.17 lets the client and server agree on one.
public enum PositionEncoding: String, Hashable, Sendable {
    /// UTF-8 bytes (what ReplicaLab's diagnostics count natively).
    case utf8 = "utf-8"
    /// UTF-16 code units: the protocol's default, the only one every client supports.
    case utf16 = "utf-16"
    /// Unicode scalars.
    case utf32 = "utf-32"

    /// How many units a scalar whose UTF-8 encoding starts with `lead` takes.
    func units(forLeadByte lead: UInt8) -> Int {
        switch self {
        case .utf8: SourceText.scalarLength(lead)
        case .utf16: lead >= 0xF0 ? 2 : 1
        case .utf32: 1
        }
    }
}
