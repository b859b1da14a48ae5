import Testing

@testable import ScenarioLanguage

/// The next word of an `expect` line, as completion everywhere reads it from the kinds' synopses.
@Suite struct ExpectationSlotTests {
    @Test func theWordsOfAnExpectLineFollowItsSynopsis() {
        #expect(ExpectationTable.slot(after: []) == .kind)
        #expect(ExpectationTable.slot(after: ["leader"]) == .argument(.partition))
        #expect(ExpectationTable.slot(after: ["leader", "t-0"]) == .words(["=="]))
        #expect(ExpectationTable.slot(after: ["leader", "t-0", "=="]) == .end)
        #expect(ExpectationTable.slot(after: ["error"]) == .errorName)
        #expect(ExpectationTable.slot(after: ["error", "NOT_LEADER_OR_FOLLOWER"]) == .end)
        #expect(ExpectationTable.slot(after: ["invariants"]) == .words(["ok"]))
        #expect(ExpectationTable.slot(after: ["ok"]) == .end)
        #expect(ExpectationTable.slot(after: ["assignment", "g"]) == .argument(.member))
        #expect(ExpectationTable.slot(after: ["lag"]) == .argument(.group))
        #expect(ExpectationTable.slot(after: ["lag", "g"]) == .argument(.partition))
        #expect(ExpectationTable.slot(after: ["partition"]) == .argument(.topic))
        #expect(ExpectationTable.slot(after: ["partition", "t"]) == .words(["key="]))
        #expect(ExpectationTable.slot(after: ["nonsense"]) == .end)
    }

    @Test func anOptionalGroupIsOfferedWithWhatMayComeInstead() {
        #expect(ExpectationTable.slot(after: ["hw", "t-0"]) == .words(["on", "=="]))
        #expect(ExpectationTable.slot(after: ["hw", "t-0", "on"]) == .argument(.broker))
        #expect(ExpectationTable.slot(after: ["hw", "t-0", "on", "2"]) == .words(["=="]))
        #expect(ExpectationTable.slot(after: ["leo", "t-0", "on", "2", "=="]) == .end)
    }

    /// Every kind's line can be written to its end by following the slots: each offers something until `==`.
    @Test(arguments: ExpectationTable.kinds.map { $0.name })
    func everyKindLeadsToItsEnd(kind: String) {
        var words = [kind]
        for _ in 0..<8 {
            switch ExpectationTable.slot(after: words) {
            case .end: return
            case .kind: Issue.record("the kind asked for again after \(words)")
            case .errorName: words.append("NOT_ENOUGH_REPLICAS")
            case .argument: words.append("x")
            case .words(let offered):
                // Take the last word offered: past an optional group, straight to `==`.
                words.append(offered.last ?? "")
                if offered.last == "==" { words.append("1") }
            }
        }
        Issue.record("\(words) never ends")
    }
}
