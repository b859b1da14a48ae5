/// HTML helpers. Every value that comes from a scenario or its output goes through `escape`.
enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    static func escape(_ text: String) -> String {
        // Most text (every broker table cell) has nothing to escape: return it as it is, and otherwise work on
        // UTF-8 bytes, which is several times faster than appending unicode scalars one by one.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
