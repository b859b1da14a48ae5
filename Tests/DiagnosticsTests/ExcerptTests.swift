import Diagnostics
import ReplicaLabTestSupport
import Testing

/// A diagnostic quotes at most an excerpt of its input: about 60 characters, then `…` and the length.
struct ExcerptTests {
    static let huge = String(repeating: "x", count: 200_000)
    static let location = FileLocation(file: "s.scenario", line: 1, column: 17)

    @Test func shortMessagesAreUnchanged() {
        for message in [
            "unknown command 'topik'", "brokers must be a whole number, not 'many'",
            "expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1",
            "the scenario was stopped at 1h: it used up the engine-work cap of 2000000 (every event counts once)",
        ] {
            #expect(Excerpt.bounded(message) == message)
        }
    }

    @Test func aHugeQuotedArgumentBecomesAnExcerptWithItsLength() {
        let message = Excerpt.bounded("brokers must be a whole number, not '\(Self.huge)'")
        #expect(
            message
                == "brokers must be a whole number, not '\(String(repeating: "x", count: 60))…' (200000 characters)")
    }

    @Test func theTextAfterTheQuoteIsKept() {
        let message = Excerpt.bounded("unknown key '\(Self.huge)' for 'cluster'")
        #expect(message == "unknown key '\(String(repeating: "x", count: 60))…' (200000 characters) for 'cluster'")
    }

    @Test func aQuotedArgumentWithSpacesIsOneExcerpt() {
        let value = String(repeating: "ab ", count: 1_000)
        let message = Excerpt.bounded("topic name '\(value)' is illegal")
        #expect(message == "topic name '\(value.prefix(60))…' (3000 characters) is illegal")
    }

    @Test func anUnquotedEchoIsCutWhenItIsFarLongerThanAnExcerpt() {
        let message = Excerpt.bounded("Invalid value \(Self.huge) for configuration retention.ms: Not a number")
        #expect(
            message
                == "Invalid value \(String(repeating: "x", count: 60))… (200000 characters) for configuration retention.ms: Not a number"
        )
        // Values of moderate length that the engine prints (a list of offsets) stay whole.
        let offsets = (0..<25).map(String.init).joined(separator: ",")
        #expect(
            Excerpt.bounded("read of t-0 is \(offsets), expected none") == "read of t-0 is \(offsets), expected none")
    }

    @Test func aLineOfManyShortWordsIsCutAtTheLineLimit() {
        let words = String(repeating: "a ", count: 100_000)
        let message = Excerpt.bounded("after replacing captured values the line reads: \(words)")
        #expect(message.count < Excerpt.lineLimit + 40)
        #expect(message.hasSuffix("… (200048 characters)"))
    }

    @Test func unclosedQuotesAreLeftAsTheyAre() {
        let line = String(repeating: "'a ", count: 200)
        #expect(Excerpt.bounded(line) == line)
        #expect(Excerpt.bounded("it's a 'word") == "it's a 'word")
    }

    @Test func excerptOfShortTextIsTheText() {
        #expect(Excerpt.of("topik") == "topik")
        #expect(
            Excerpt.of(String(repeating: "é", count: 61)) == String(repeating: "é", count: 60) + "… (61 characters)")
    }

    @Test func diagnosticsNotesAndDetailLinesAreBounded() {
        let diagnostic = Diagnostic(
            .error, kind: .verification, at: Self.location, "unknown topic '\(Self.huge)'",
            notes: [.init("did you mean '\(Self.huge)'?")], detail: ["-Created topic \(Self.huge)."])
        let printed = DiagnosticPrinter().render(diagnostic)
        #expect(printed.utf8.count < 1_000)
        #expect(diagnostic.message.hasSuffix("…' (200000 characters)"))
        #expect(diagnostic.notes.first?.message.hasSuffix("…'? (200000 characters)") == true)
        #expect(diagnostic.detail.first?.hasSuffix("…. (200000 characters)") == true)
    }
}
