/// A replacement of a byte range of a document, turned into the protocol's `TextEdit`.
struct TextEdit: Hashable, Sendable {
    /// The bytes replaced.
    var range: Range<Int>
    /// The new text.
    var newText: String

    /// The smallest edit turning `old` into `new`: their common prefix and suffix stay, cut at character
    /// boundaries so that neither side splits a UTF-8 sequence.
    static func between(_ old: [UInt8], _ new: [UInt8]) -> TextEdit? {
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, isContinuation(old, prefix) || isContinuation(new, prefix) { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        while suffix > 0, isContinuation(old, old.count - suffix) || isContinuation(new, new.count - suffix) {
            suffix -= 1
        }
        return TextEdit(
            range: prefix..<(old.count - suffix),
            newText: String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self))
    }

    private static func isContinuation(_ bytes: [UInt8], _ index: Int) -> Bool {
        index < bytes.count && bytes[index] & 0xC0 == 0x80
    }

    /// The edit as JSON, in a text's positions.
    func json(in text: SourceText, encoding: PositionEncoding) -> JSON {
        ["range": text.range(ofBytes: range, in: encoding).json, "newText": .string(newText)]
    }
}
