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
}
