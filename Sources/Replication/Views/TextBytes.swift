/// A line's or a sentence's UTF-8 bytes, appended piece by piece and decoded once: a `String` interpolation costs
/// hundreds of instructions a piece, and the views and the site write such lines for every partition at every step.
public struct TextBytes {
    private var bytes: [UInt8] = []

    /// An empty text with room for `capacity` bytes.
    public init(capacity: Int = 96) { bytes.reserveCapacity(capacity) }

    /// Appends `text`.
    public mutating func append(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// Appends `text`.
    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends `value` in decimal, as `String(value)` writes it.
    public mutating func append(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends `value` in decimal.
    public mutating func append(_ value: Int) { append(Int64(value)) }

    /// Appends `ids` comma-separated (Kafka: `mkString(",")`).
    public mutating func append(csv ids: [BrokerID]) {
        for (index, id) in ids.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(id)
        }
    }

    /// The bytes as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
