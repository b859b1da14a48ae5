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
