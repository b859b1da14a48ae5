import Diagnostics
import Testing

struct SuggestionTests {
    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("topic", "topic", 0),
        ("topik", "topic", 1),
        ("kitten", "sitting", 3),
        ("ab", "ba", 1),
        ("brokres", "brokers", 1),
        ("flaw", "lawn", 2),
    ])
    func editDistance(_ a: String, _ b: String, expected: Int) {
        #expect(Suggestion.editDistance(a, b) == expected)
        #expect(Suggestion.editDistance(b, a) == expected)
    }

    static let commands = ["cluster", "broker", "topic", "add-partitions", "describe", "brokers", "expect"]

    @Test(arguments: [
        ("topik", "topic"),
        ("TOPIC", "topic"),
        ("clustr", "cluster"),
        ("describ", "describe"),
        ("add-partition", "add-partitions"),
    ])
    func closestFindsTheTypo(_ word: String, expected: String) {
        #expect(Suggestion.closest(to: word, in: Self.commands) == expected)
    }

    @Test func farWordsGetNoSuggestion() {
        #expect(Suggestion.closest(to: "zzzzzz", in: Self.commands) == nil)
        #expect(Suggestion.closest(to: "x", in: ["topic"]) == nil)
        #expect(Suggestion.closest(to: "topic", in: [String]()) == nil)
    }

    @Test func theNearestCandidateWins() {
        #expect(Suggestion.closest(to: "broker", in: ["brokers", "broker"]) == "broker")
        #expect(Suggestion.closest(to: "brokerz", in: ["brokers", "broker"]) == "brokers")
    }

    @Test func aTruncatedKeySuggestsTheFullKey() {
        let keys = ["partitions", "replication-factor", "placement", "start-index"]
        #expect(Suggestion.closest(to: "replication", in: keys) == "replication-factor")
        #expect(Suggestion.note(for: "replication", in: keys) == "did you mean 'replication-factor'?")
    }

    @Test func anAbbreviationSuggestsTheOneKeyWithThoseInitials() {
        let keys = ["partitions", "replication-factor", "placement", "start-index", "min.insync.replicas"]
        #expect(Suggestion.closest(to: "rf", in: keys) == "replication-factor")
        #expect(Suggestion.closest(to: "RF", in: keys) == "replication-factor")
        #expect(Suggestion.closest(to: "mir", in: keys) == "min.insync.replicas")
        #expect(Suggestion.closest(to: "si", in: keys) == "start-index")
        // Two keys with the same initials: no guess.
        #expect(Suggestion.closest(to: "sx", in: ["start-x", "stop-x"]) == nil)
        // A one-part word has no initials to match.
        #expect(Suggestion.closest(to: "pq", in: ["pattern", "query"]) == nil)
    }

    @Test func noteWordsTheSuggestion() {
        #expect(Suggestion.note(for: "topik", in: Self.commands) == "did you mean 'topic'?")
        #expect(Suggestion.note(for: "qqqqqq", in: Self.commands) == nil)
    }
}
