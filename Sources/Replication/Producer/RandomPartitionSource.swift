/// Where a null-key partitioner gets its random numbers: Kafka uses `ThreadLocalRandom`, the model injects a source.
public protocol RandomPartitionSource: Sendable {
    /// The next non-negative random number, like Kafka's `BuiltInPartitioner.randomPartition()`
    /// (`Utils.toPositive(ThreadLocalRandom.current().nextInt())`).
    mutating func randomPartition() -> Int32

    /// The next raw 32-bit random number, like `ThreadLocalRandom.current().nextInt()` (may be negative).
    mutating func nextInt() -> Int32
}

/// A deterministic random source driven by a seeded `SplitMix64`, for scenarios.
public struct SeededRandomPartitionSource: RandomPartitionSource, Hashable {
    private var generator: SplitMix64

    /// Creates a source; the same seed always gives the same partition choices.
    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// The high 32 bits of the next SplitMix64 draw.
    public mutating func nextInt() -> Int32 {
        Int32(truncatingIfNeeded: generator.next() >> 32)
    }

    /// `toPositive(nextInt())`, as Kafka's `BuiltInPartitioner.randomPartition`.
    public mutating func randomPartition() -> Int32 {
        Murmur2.toPositive(nextInt())
    }
}

/// A source returning 0, 1, 2, … as Kafka's `BuiltInPartitionerTest.SequentialPartitioner` does.
public struct SequentialRandomPartitionSource: RandomPartitionSource, Equatable {
    /// The value the next call returns.
    public var nextValue: Int32

    /// Creates a source starting at `start`.
    public init(start: Int32 = 0) {
        nextValue = start
    }

    /// The next value of the sequence (wrapping like Java's `AtomicInteger.getAndAdd`).
    public mutating func nextInt() -> Int32 {
        defer { nextValue &+= 1 }
        return nextValue
    }

    /// The next value of the sequence, as the Kafka test's `randomPartition()` override returns it.
    public mutating func randomPartition() -> Int32 {
        nextInt()
    }
}
