/// Splits a piece of raw HTML into what a browser would see in it: tags with their attributes, comments, and
/// everything it would treat as a comment or declaration (`<!DOCTYPE>`, `<![CDATA[`, `<?…>`). Text between them is
/// skipped. Offsets are byte offsets into the scanned text.
///
/// It follows the WHATWG tokenizer's data, tag and attribute states closely enough that anything a browser takes
/// for a tag, this takes for one too: a tag name runs to whitespace, `/` or `>`; attribute values are quoted with
/// `"` or `'` or run to whitespace or `>`; a `/` between attributes is whitespace. A tag or quoted value that the
/// text ends inside is reported as unterminated, because the browser would go on reading whatever follows it
/// (the next paragraph) as part of the tag.
struct HTMLScanner {
    struct Attribute: Equatable {
        /// Lowercased.
        var name: String
        /// The value as written (character references not decoded); nil for a bare attribute.
        var value: String?
        /// Where the attribute's name starts.
        var offset: Int
    }

    enum Token: Equatable {
        /// `<name …>`; the name lowercased.
        case startTag(name: String, attributes: [Attribute], offset: Int)
        /// `</name …>`; the name lowercased.
        case endTag(name: String, offset: Int)
        /// `<!-- … -->`; `isClosed` is false when the text ends inside it.
        case comment(isClosed: Bool, offset: Int)
        /// `<!…>`, `<![CDATA[…`, `<?…>`, `</` not followed by a letter: what a browser turns into a "bogus comment"
        /// or a doctype, hiding the text up to the next `>`.
        case declaration(offset: Int)
        /// A tag or quoted attribute value the text ends inside.
        case unterminated(offset: Int)
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Every token, in order.
    static func tokens(_ text: String) -> [Token] {
        var scanner = HTMLScanner(text)
        var tokens: [Token] = []
        while let token = scanner.next() { tokens.append(token) }
        return tokens
    }

    /// Skips to just past the end tag `</name` (for elements whose content a browser does not parse as HTML).
    mutating func skipRawText(until name: String) {
        let needle = Array("</\(name)".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + needle.count <= bytes.count,
                zip(bytes[index..<(index + needle.count)], needle).allSatisfy({ lowered($0) == $1 })
            {
                return
            }
            index += 1
        }
    }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let start = index
            let next = bytes[index + 1]
            if isLetter(next) {
                index += 1
                return startTag(at: start)
            }
            if next == UInt8(ascii: "/") {
                if index + 2 < bytes.count, isLetter(bytes[index + 2]) {
                    index += 2
                    let name = readName()
                    // A browser reads attributes in an end tag too (and ignores them): skip them the same way.
                    guard readAttributes() != nil else { return .unterminated(offset: start) }
                    return .endTag(name: name, offset: start)
                }
                return bogusComment(at: start)
            }
            if next == UInt8(ascii: "!") {
                if starts(with: "<!--") { return comment(at: start) }
                return bogusComment(at: start)
            }
            if next == UInt8(ascii: "?") { return bogusComment(at: start) }
            index += 1
        }
        return nil
    }

    private mutating func startTag(at start: Int) -> Token {
        let name = readName()
        guard let attributes = readAttributes() else { return .unterminated(offset: start) }
        return .startTag(name: name, attributes: attributes, offset: start)
    }

    /// Attributes up to and including the `>` that ends the tag; nil when the text ends first.
    private mutating func readAttributes() -> [Attribute]? {
        var attributes: [Attribute] = []
        while true {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return attributes
            }
            let nameStart = index
            // The first character may be `=` (the tokenizer takes it as part of the name).
            index += 1
            while index < bytes.count, !isSpace(bytes[index]),
                ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[index])
            {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index].map(lowered), as: UTF8.self)
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value: String?
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = index + 1
                    guard let end = bytes[valueStart...].firstIndex(of: quote) else { return nil }
                    value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
                    index = end + 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            attributes.append(Attribute(name: name, value: value, offset: nameStart))
        }
    }

    private mutating func comment(at start: Int) -> Token {
        index = start + 4
        // `<!-->` and `<!--->` are complete (empty) comments.
        if starts(with: ">") || starts(with: "->") {
            index += starts(with: ">") ? 1 : 2
            return .comment(isClosed: true, offset: start)
        }
        while index < bytes.count {
            if starts(with: "-->") {
                index += 3
                return .comment(isClosed: true, offset: start)
            }
            if starts(with: "--!>") {
                index += 4
                return .comment(isClosed: true, offset: start)
            }
            index += 1
        }
        return .comment(isClosed: false, offset: start)
    }

    private mutating func bogusComment(at start: Int) -> Token {
        index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        index = min(bytes.count, index + 1)
        return .declaration(offset: start)
    }

    private mutating func readName() -> String {
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]),
            bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">")
        {
            index += 1
        }
        return String(decoding: bytes[nameStart..<index].map(lowered), as: UTF8.self)
    }

    private func starts(with text: String) -> Bool {
        let needle = Array(text.utf8)
        return index + needle.count <= bytes.count && Array(bytes[index..<(index + needle.count)]) == needle
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func lowered(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The current byte offset.
    var offset: Int { index }
}
