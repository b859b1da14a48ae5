/// The escape `CmarkDocument.escapePrivateUse` writes for U+E000, U+E001 (the characters of a `{{…}}` reference's
/// placeholder, `ProseReference.placeholder`) and itself (U+E002).
enum PrivateUseEscape {
    static let escape: Unicode.Scalar = "\u{E002}"
    private static let escaped: [Unicode.Scalar: Unicode.Scalar] = ["\u{E000}": "a", "\u{E001}": "b", "\u{E002}": "c"]
    /// The first byte of the three characters' UTF-8 encodings (U+E000…U+E002 are EE 80 80…EE 80 82).
    static let leadByte: UInt8 = 0xEE

    /// The escape code of one of the three characters, nil for any other.
    private static func code(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        (0xE000...0xE002).contains(scalar.value) ? escaped[scalar] : nil
    }

    /// `text` with the three characters escaped, or nil when it has none of them.
    static func escaped(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { code(of: $0) != nil }) else { return nil }
        var out = ""
        for scalar in text.unicodeScalars {
            if let code = code(of: scalar) {
                out.unicodeScalars.append(escape)
                out.unicodeScalars.append(code)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with every escape back to the character it stands for (for plain text, which is not HTML).
    static func unescaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(escape) else { return text }
        let original = Dictionary(uniqueKeysWithValues: escaped.map { ($0.value, $0.key) })
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == escape, let code = scalars.next() else {
                out.unicodeScalars.append(scalar)
                continue
            }
            out.unicodeScalars.append(original[code] ?? code)
        }
        return out
    }

    /// The character reference an escape code stands for.
    static func reference(_ code: Unicode.Scalar) -> String {
        switch code {
        case "a": "&#xE000;"
        case "b": "&#xE001;"
        default: "&#xE002;"
        }
    }
}
