/// A topic id: 128 bits, printed as Kafka's `Uuid.toString` does (URL-safe base64 without padding, 22 characters).
public struct TopicID: Hashable, Sendable, CustomStringConvertible {
    /// The most significant 64 bits.
    public var mostSignificantBits: UInt64
    /// The least significant 64 bits.
    public var leastSignificantBits: UInt64

    /// Creates an id from its two halves.
    public init(mostSignificantBits: UInt64, leastSignificantBits: UInt64) {
        self.mostSignificantBits = mostSignificantBits
        self.leastSignificantBits = leastSignificantBits
    }

    /// A deterministic id for a topic: a function of the scenario seed, the topic name and how many topics existed.
    ///
    /// Real Kafka draws `Uuid.randomUuid()`; a simulation needs the same id on every run, so we hash instead.
    public static func derived(seed: UInt64, name: String, ordinal: Int) -> TopicID {
        var hasher = SplitMix64(seed: seed ^ 0x7261_6C69_6361_7265)
        // Mix the ordinal through the generator first, so that no (ordinal, name) pair can cancel another out.
        var ordinalMixer = SplitMix64(seed: hasher.next() &+ UInt64(truncatingIfNeeded: ordinal))
        var state = ordinalMixer.next()
        for byte in name.utf8 {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        hasher = SplitMix64(seed: state)
        return TopicID(mostSignificantBits: hasher.next(), leastSignificantBits: hasher.next())
    }

    public var description: String {
        // Kafka: Uuid.toString → Base64.getUrlEncoder().withoutPadding() over the 16 big-endian bytes. Written as
        // bytes: `--describe` prints an id on every topic line it makes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for half in [mostSignificantBits, leastSignificantBits] {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: half >> UInt64(shift)))
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(22)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for byte in chunk { value = value << 8 | Int(byte) }
            value <<= 8 * (3 - chunk.count)
            let characters = chunk.count + 1
            for position in 0..<characters {
                out.append(Self.base64URL((value >> (18 - 6 * position)) & 63))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The URL-safe Base64 digit of `value` (0...63): `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`.
    private static func base64URL(_ value: Int) -> UInt8 {
        switch value {
        case 0..<26: UInt8(65 + value)
        case 26..<52: UInt8(97 + value - 26)
        case 52..<62: UInt8(48 + value - 52)
        case 62: 45
        default: 95
        }
    }
}
