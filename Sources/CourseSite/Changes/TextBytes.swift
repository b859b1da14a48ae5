import Replication

/// A sentence's or a caption's UTF-8 bytes, appended piece by piece and decoded once: a `String` interpolation
/// costs hundreds of instructions a piece.
struct TextBytes {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(96) }

    mutating func append(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `value` in decimal, as `String(value)` writes it.
    mutating func append(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// `value` in decimal.
    mutating func append(_ value: Int) { append(Int64(value)) }

    /// `from → to`.
    mutating func append(_ from: Int64, to: Int64) {
        append(from)
        append(" → ")
        append(to)
    }

    /// `B1 0 → 3, B2 0 → 3`.
    mutating func append(_ moves: [(broker: BrokerID, from: Int64, to: Int64)]) {
        for (index, move) in moves.enumerated() {
            if index > 0 { append(", ") }
            append("B")
            append(Int64(move.broker))
            append(" ")
            append(move.from, to: move.to)
        }
    }

    /// The bytes with the sentence's full stop, as a string.
    mutating func sentence() -> String {
        bytes.append(UInt8(ascii: "."))
        return text
    }

    /// The bytes as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
