/// Kafka's 32-bit murmur2 hash, bit for bit, as the producer uses it to place keyed records.
///
/// Kafka: `org.apache.kafka.common.utils.Utils.murmur2` and `Utils.toPositive`.
public enum Murmur2 {
    private static let seed: UInt32 = 0x9747_b28c
    private static let m: UInt32 = 0x5bd1_e995
    private static let r: UInt32 = 24

    /// The murmur2 hash of `bytes` as Java's signed `int` (all arithmetic wraps modulo 2^32).
    public static func hash(_ bytes: some Collection<UInt8>) -> Int32 {
        let data = Array(bytes)
        let length = data.count
        var h = seed ^ UInt32(truncatingIfNeeded: length)
        let blocks = length / 4
        for block in 0..<blocks {
            let i = block * 4
            var k = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
            k = k &* m
            k ^= k >> r
            k = k &* m
            h = h &* m
            h ^= k
        }
        // Java's switch falls through from case 3 to case 1.
        let tail = length & ~3
        let remaining = length % 4
        if remaining >= 3 { h ^= UInt32(data[tail + 2]) << 16 }
        if remaining >= 2 { h ^= UInt32(data[tail + 1]) << 8 }
        if remaining >= 1 {
            h ^= UInt32(data[tail])
            h = h &* m
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    /// The murmur2 hash of the UTF-8 bytes of `key` (what Kafka's `StringSerializer` produces).
    public static func hash(utf8 key: String) -> Int32 {
        hash(key.utf8)
    }

    /// Clears the sign bit (`x & 0x7fffffff`); unlike `abs`, it maps `Int32.min` to 0.
    ///
    /// Kafka: `Utils.toPositive`.
    public static func toPositive(_ value: Int32) -> Int32 {
        value & 0x7fff_ffff
    }
}
