/// A source of `java.util.Random`-compatible numbers: anything that implements `next(bits)` the way a subclass of
/// `java.util.Random` overrides it, and inherits Random's derived methods.
///
/// Two implementations exist: `JavaRandom` (the JDK's own generator) and `MockRandom` (Kafka's test generator, which
/// overrides only `next`). The placer is generic over this protocol so it can replay both.
public protocol JavaRandomSource {
    /// Java: `Random.next(int bits)` — the next `bits` pseudo-random bits, as a 32-bit two's-complement int.
    mutating func next(bits: Int) -> Int32
}

extension JavaRandomSource {
    /// Java: `Random.nextInt()` — 32 random bits.
    public mutating func nextInt() -> Int32 { next(bits: 32) }

    /// Java: `Random.nextInt(int bound)` — uniform in `0..<bound`, with the power-of-two shortcut and the rejection
    /// loop of the JDK (the legacy algorithm that `java.util.Random` still uses in JDK 17+).
    public mutating func nextInt(bound: Int32) -> Int32 {
        precondition(bound > 0, "bound must be positive")
        var r = next(bits: 31)
        let m = bound &- 1
        if bound & m == 0 {
            // (int) ((bound * (long) r) >> 31)
            return Int32(truncatingIfNeeded: (Int64(bound) &* Int64(r)) >> 31)
        }
        // for (int u = r; u - (r = u % bound) + m < 0; u = next(31)); — int arithmetic wraps.
        var u = r
        while true {
            r = u % bound
            if u &- r &+ m >= 0 { break }
            u = next(bits: 31)
        }
        return r
    }

    /// `nextInt(bound:)` for a Swift `Int` bound, as Kafka's code passes collection sizes.
    public mutating func nextInt(_ bound: Int) -> Int {
        Int(nextInt(bound: Int32(bound)))
    }

    /// Java: `Collections.shuffle(List, Random)` for a random-access list — for `i` from `size` down to 2, swap
    /// element `i − 1` with element `nextInt(i)`.
    public mutating func shuffle<T>(_ list: inout [T]) {
        var i = list.count
        while i > 1 {
            list.swapAt(i - 1, nextInt(i))
            i -= 1
        }
    }
}

/// `java.util.Random`: a 48-bit linear congruential generator, exactly as the JDK implements it.
///
/// Kafka's controller uses an unseeded `new Random()`; a simulation needs a seed, so `JavaRandom(seed:)` reproduces
/// `new Random(seed)` bit for bit.
public struct JavaRandom: JavaRandomSource, Hashable, Sendable {
    static let multiplier: UInt64 = 0x5_DEEC_E66D
    static let addend: UInt64 = 0xB
    static let mask: UInt64 = (1 << 48) - 1

    /// The 48-bit internal state (`Random.seed` after scrambling).
    public private(set) var state: UInt64

    /// Java: `new Random(long seed)` — the seed is scrambled by XOR with the multiplier (`initialScramble`).
    public init(seed: Int64) {
        state = (UInt64(bitPattern: seed) ^ Self.multiplier) & Self.mask
    }

    /// Java: `Random.next(int bits)`.
    public mutating func next(bits: Int) -> Int32 {
        state = (state &* Self.multiplier &+ Self.addend) & Self.mask
        return Int32(truncatingIfNeeded: Int64(bitPattern: state) >> (48 - bits))
    }
}

/// Kafka's test-only `org.apache.kafka.server.util.MockRandom`: a 64-bit LCG starting at 17 that overrides
/// `next(bits)`; every `StripedReplicaPlacerTest` expectation is computed with it.
public struct MockRandom: JavaRandomSource, Hashable, Sendable {
    /// The 64-bit state.
    public private(set) var state: UInt64

    /// Kafka: `new MockRandom()` starts at 17; `new MockRandom(seed)` at `seed`.
    public init(state: UInt64 = 17) {
        self.state = state
    }

    /// Kafka: `MockRandom.next` — `state = state * 2862933555777941757 + 3037000493`, then the top `bits` bits.
    public mutating func next(bits: Int) -> Int32 {
        state = state &* 2_862_933_555_777_941_757 &+ 3_037_000_493
        return Int32(truncatingIfNeeded: state >> UInt64(64 - bits))
    }
}
