import Testing

@testable import Replication

/// Expected values were printed by OpenJDK's own `java.util.Random`, `Collections.shuffle` and `HashMap`
/// (a throw-away `java J.java` run on this machine), not computed by the code under test.
struct JavaRandomTests {
    struct Known: Sendable, CustomTestStringConvertible {
        let seed: Int64
        let ints: [Int32]
        let bound10: [Int32]
        let bound16: [Int32]
        let bound1500M: [Int32]
        let shuffled: [Int]
        var testDescription: String { "new Random(\(seed))" }
    }

    static let known: [Known] = [
        Known(
            seed: 0, ints: [-1_155_484_576, -723_955_400, 1_033_096_058], bound10: [0, 8, 9, 7, 5, 3, 1, 1, 9, 4],
            bound16: [11, 13, 3, 9, 10],
            bound1500M: [516_548_029, 1_302_116_447, 1_368_843_515, 663_681_053, 1_182_054_491],
            shuffled: [4, 8, 9, 6, 3, 5, 2, 1, 7, 0]),
        Known(
            seed: 42, ints: [-1_170_105_035, 234_785_527, -1_360_544_799], bound10: [0, 3, 8, 4, 0, 5, 5, 8, 9, 3],
            bound16: [11, 0, 10, 0, 4],
            bound1500M: [117_392_763, 1_467_211_248, 102_948_884, 662_969_970, 595_021_505],
            shuffled: [4, 6, 2, 1, 7, 9, 8, 5, 3, 0]),
        Known(
            seed: 1, ints: [-1_155_869_325, 431_529_176, 1_761_283_695], bound10: [5, 8, 7, 3, 4, 4, 4, 6, 8, 8],
            bound16: [11, 1, 6, 6, 3],
            bound1500M: [215_764_588, 880_641_847, 874_970_313, 446_064_254, 77_814_904],
            shuffled: [6, 9, 7, 8, 4, 2, 0, 3, 1, 5]),
        Known(
            seed: -1, ints: [1_155_099_827, 1_887_904_451, 52_699_159], bound10: [3, 5, 9, 9, 4, 8, 7, 8, 5, 1],
            bound16: [4, 7, 0, 8, 10],
            bound1500M: [577_549_913, 943_952_225, 26_349_579, 1_176_895_439, 1_421_815_604],
            shuffled: [8, 4, 7, 1, 9, 2, 6, 0, 5, 3]),
    ]

    @Test(arguments: known)
    func nextIntMatchesTheJDK(_ known: Known) {
        var random = JavaRandom(seed: known.seed)
        #expect(known.ints.map { _ in random.nextInt() } == known.ints)
        random = JavaRandom(seed: known.seed)
        #expect(known.bound10.map { _ in random.nextInt(bound: 10) } == known.bound10)
    }

    @Test(arguments: known)
    func powerOfTwoShortcutMatchesTheJDK(_ known: Known) {
        var random = JavaRandom(seed: known.seed)
        #expect(known.bound16.map { _ in random.nextInt(bound: 16) } == known.bound16)
    }

    @Test(arguments: known)
    func rejectionLoopBoundMatchesTheJDK(_ known: Known) {
        var random = JavaRandom(seed: known.seed)
        #expect(known.bound1500M.map { _ in random.nextInt(bound: 1_500_000_000) } == known.bound1500M)
    }

    @Test(arguments: known)
    func collectionsShuffleMatchesTheJDK(_ known: Known) {
        var random = JavaRandom(seed: known.seed)
        var list = Array(0..<10)
        random.shuffle(&list)
        #expect(list == known.shuffled)
    }

    @Test func stringHashCodeMatchesTheJDK() {
        #expect(JavaHashMapOrder.stringHashCode("R1") == 2591)
        #expect(JavaHashMapOrder.stringHashCode("us-east-1a") == 231_268_849)
        #expect(JavaHashMapOrder.stringHashCode("") == 0)
        #expect(JavaHashMapOrder.stringHashCode("Aa") == JavaHashMapOrder.stringHashCode("BB"))
        #expect(JavaHashMapOrder.rackHashCode(nil) == 0)
    }

    /// Keys inserted as `Optional.empty()` first, then the strings in order; expected key sets printed by Java.
    @Test(
        arguments: [
            (["R1", "R2", "R3"], ["R2", "R3", "R1"]),
            (
                ["rack-c", "rack-a", "rack-b", "us-east-1a", "us-east-1b"],
                ["rack-c", "rack-b", "rack-a", "us-east-1a", "us-east-1b"]
            ),
            (["3", "1", "2"], ["1", "2", "3"]),
            (["Aa", "BB", "zz", ""], ["Aa", "BB", "zz", ""]),
            (
                ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"],
                ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"]
            ),
        ])
    func hashMapIterationOrderMatchesTheJDK(inserted: [String], iterated: [String]) {
        let keys: [String?] = [nil] + inserted
        #expect(JavaHashMapOrder.iterationOrder(racks: keys) == [nil] + iterated)
    }

    @Test func hashMapResizesAfterTwelveEntries() {
        // 'a'…'q' are 97…113: in 16 buckets 'q' (113 & 15 = 1) would follow 'a'; after the resize to 32 it does not.
        #expect(JavaHashMapOrder.finalCapacity(hashCodes: (0..<12).map { Int32($0) }) == 16)
        #expect(JavaHashMapOrder.finalCapacity(hashCodes: (0..<13).map { Int32($0) }) == 32)
        #expect(JavaHashMapOrder.finalCapacity(hashCodes: (0..<25).map { Int32($0) }) == 64)
    }

    @Test func mockRandomFollowsKafkasTestGenerator() {
        // Kafka's MockRandom: state = state * 2862933555777941757 + 3037000493 from 17; top bits.
        var random = MockRandom()
        let state = UInt64(17) &* 2_862_933_555_777_941_757 &+ 3_037_000_493
        #expect(random.next(bits: 32) == Int32(truncatingIfNeeded: state >> 32))
        #expect(random.state == state)
    }
}
