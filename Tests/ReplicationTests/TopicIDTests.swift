import Replication
import Testing

struct TopicIDTests {
    @Test(arguments: [
        (UInt64(0), UInt64(0), "AAAAAAAAAAAAAAAAAAAAAA"),
        (0, 1, "AAAAAAAAAAAAAAAAAAAAAQ"),
        (UInt64.max, UInt64.max, "_____________________w"),
        (0xFB00_0000_0000_0000, 0, "-wAAAAAAAAAAAAAAAAAAAA"),
    ])
    func printsAsKafkasUuidToString(_ high: UInt64, _ low: UInt64, expected: String) {
        #expect(TopicID(mostSignificantBits: high, leastSignificantBits: low).description == expected)
    }

    @Test(arguments: ["orders", "t", "a.b_c-d"])
    func derivedIDsAre22Base64URLCharacters(_ name: String) {
        let text = TopicID.derived(seed: 1, name: name, ordinal: 0).description
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(text.count == 22)
        #expect(text.allSatisfy { alphabet.contains($0) })
    }

    @Test func derivedIDsAreDeterministicAndDistinct() {
        let a = TopicID.derived(seed: 1, name: "orders", ordinal: 0)
        #expect(a == TopicID.derived(seed: 1, name: "orders", ordinal: 0))
        #expect(a != TopicID.derived(seed: 2, name: "orders", ordinal: 0))
        #expect(a != TopicID.derived(seed: 1, name: "orderz", ordinal: 0))
        #expect(a != TopicID.derived(seed: 1, name: "orders", ordinal: 1))
    }
}

struct TopicIDDerivationTests {
    @Test func differentNamesAndOrdinalsGiveDifferentIDs() {
        // "t" created first and "u" created second once collided: the ordinal cancelled the name byte.
        let t = TopicID.derived(seed: 1, name: "t", ordinal: 0)
        let u = TopicID.derived(seed: 1, name: "u", ordinal: 1)
        #expect(t != u)
        var seen: Set<TopicID> = []
        for ordinal in 0..<20 {
            for name in ["a", "b", "c", "t", "u", "orders", "payments"] {
                seen.insert(TopicID.derived(seed: 1, name: name, ordinal: ordinal))
            }
        }
        #expect(seen.count == 140)
    }

    /// The id's text against Base64 written out by the alphabet (Kafka: `Uuid.toString`, URL-safe, unpadded), for
    /// seeded random ids: every digit of the alphabet turns up.
    @Test func textIsUrlSafeBase64OfTheBytes() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var random = SplitMix64(seed: 7)
        var digits: Set<Character> = []
        for _ in 0..<200 {
            let (high, low) = (random.next(), random.next())
            var bits: [Bool] = []
            for half in [high, low] { for bit in (0..<64).reversed() { bits.append(half >> UInt64(bit) & 1 == 1) } }
            bits += [false, false, false, false]  // 128 bits to 22 digits of 6: the last one padded with zeros
            let expected = String(
                stride(from: 0, to: bits.count, by: 6).map { start in
                    alphabet[bits[start..<start + 6].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }]
                })
            let text = TopicID(mostSignificantBits: high, leastSignificantBits: low).description
            #expect(text == expected)
            digits.formUnion(text)
        }
        #expect(digits.count == 64)
    }
}
