/// A word of a scenario line, with its position.
public struct Token: Hashable, Sendable {
    /// The token's text as written (quotes removed from quoted values).
    public var text: String
    /// The 1-based column (UTF-8 bytes) where the token starts in its line.
    public var column: Int

    /// For `key=value` tokens: the key.
    public var key: String?
    /// For `key=value` tokens: the value.
    public var value: String?
    /// For `key=value` tokens: the column where the value starts.
    public var valueColumn: Int

    /// Whether the token is `key=value`.
    public var isKeyValue: Bool { key != nil }
}

/// Splits one scenario line into tokens: whitespace-separated words, `key=value` pairs (the value may be
/// double-quoted, with `\"` and `\\` escapes), `#` starts a comment outside quotes.
public enum Lexer {
    /// The result of lexing a line.
    public struct Line: Hashable, Sendable {
        /// The tokens.
        public var tokens: [Token]
        /// The line without its comment and surrounding whitespace (what transcripts echo).
        public var text: String
        /// A problem, with its column, if the line could not be lexed.
        public var error: (column: Int, message: String)?

        public static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.tokens == rhs.tokens && lhs.text == rhs.text && lhs.error?.column == rhs.error?.column
                && lhs.error?.message == rhs.error?.message
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(tokens)
            hasher.combine(text)
        }
    }

    /// The text of a line that holds only a comment: after the `#` and one space, without trailing spaces
    /// (`"  # (b) Both followers fetched."` → `"(b) Both followers fetched."`); nil for any other line and for an
    /// empty comment.
    public static func comment(in line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "#" else { return nil }
        var text = trimmed.dropFirst()
        if text.first == " " { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text.allSatisfy({ $0 == " " || $0 == "\t" }) ? nil : String(text)
    }

    /// Lexes one line (without its newline).
    public static func lex(_ line: String) -> Line {
        var line = line
        return line.withUTF8 { lex(bytes: $0) }
    }

    /// Lexes one line's UTF-8 bytes: a token's text is decoded from the line where it stands, not gathered byte by
    /// byte; only a token with a quoted value (whose quotes and escapes are not part of its text) is gathered.
    private static func lex(bytes: UnsafeBufferPointer<UInt8>) -> Line {
        var tokens: [Token] = []
        var index = 0
        var textEnd = 0
        var error: (Int, String)?
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#")
        let text = { (range: Range<Int>) in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        while index < bytes.count {
            if bytes[index] == space || bytes[index] == tab || bytes[index] == UInt8(ascii: "\r") {
                index += 1
                continue
            }
            if bytes[index] == hash { break }
            let start = index
            // The token as gathered, once it has a quoted value (until then it is `bytes[start..<index]`).
            var word: [UInt8] = []
            var isGathered = false
            var keyLength: Int?
            var valueStart = start
            while index < bytes.count, bytes[index] != space, bytes[index] != tab, bytes[index] != UInt8(ascii: "\r") {
                let byte = bytes[index]
                if byte == UInt8(ascii: "="), keyLength == nil, index > start,
                    !(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "=")),
                    bytes[index - 1] != UInt8(ascii: "=")
                {
                    keyLength = index - start
                    index += 1
                    valueStart = index
                    if index < bytes.count, bytes[index] == quote {
                        word.append(contentsOf: bytes[start..<index])
                        isGathered = true
                        index += 1
                        var closed = false
                        while index < bytes.count {
                            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                                word.append(bytes[index + 1])
                                index += 2
                                continue
                            }
                            if bytes[index] == quote {
                                closed = true
                                index += 1
                                break
                            }
                            word.append(bytes[index])
                            index += 1
                        }
                        if !closed && error == nil { error = (valueStart + 1, "unterminated quoted value") }
                    }
                    continue
                }
                if isGathered { word.append(byte) }
                index += 1
            }
            var token = Token(
                text: isGathered ? String(decoding: word, as: UTF8.self) : text(start..<index), column: start + 1,
                key: nil, value: nil, valueColumn: start + 1)
            if let keyLength {
                token.key = text(start..<start + keyLength)
                token.value =
                    isGathered
                    ? String(decoding: word[(keyLength + 1)...], as: UTF8.self) : text(start + keyLength + 1..<index)
                token.valueColumn = valueStart + 1
            }
            tokens.append(token)
            textEnd = index
        }
        let firstColumn = tokens.first.map { $0.column - 1 } ?? 0
        return Line(tokens: tokens, text: text(firstColumn..<max(firstColumn, textEnd)), error: error)
    }
}
