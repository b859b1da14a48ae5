import LanguageServer
import Testing

/// Hover: the cluster after a scenario line, a partition's replicas, a command's help, a reference's value.
struct HoverTests {
    static let lesson = """
        # Hover

        ```scenario s
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        produce t partition=0 count=4
        crash 2
        expect isr t-0 == 0,1,2
        ```

        The high watermark is {{hw t-0}} and the leader {{s: leader t-0}}.

        """

    static func hover(_ line: Int, _ character: Int, in lesson: String = lesson) -> String? {
        var harness = ServerHarness()
        harness.open("01-h.md", lesson)
        let result = harness.request(
            "textDocument/hover",
            ["textDocument": ServerHarness.document("01-h.md"), "position": ServerHarness.position(line, character)])
        return result?["contents"]?["value"]?.string
    }

    @Test func aScenarioLineShowsTheBrokerTableAfterIt() throws {
        let text = try #require(Self.hover(6, 2))
        #expect(text.contains("**After line 7** `crash 2`"))
        #expect(text.contains("```text\nBrokers       Leaders  Followers  Followers\nB0            P0\n"))
        #expect(text.contains("\nB2 (crashed)                      P0\n"))
        // On the command word: its help too.
        #expect(text.contains("Kills a broker's process"))
    }

    @Test func aPartitionUnderTheCursorShowsItsReplicas() throws {
        let text = try #require(Self.hover(7, 12))
        #expect(text.contains("**t-0** leader 0, epoch 0, ISR 0,1,2, HW 4"))
        #expect(text.contains("| 2 | follower | 4 | 0 | yes | offline | 0 |"))
        #expect(text.contains("| Broker | Role | LEO | HW | ISR | Status | Lag |"))
        #expect(text.contains("| 0 | leader | 4 | 4 | yes | leader | 0 |"))
        #expect(!text.contains("Kills a broker"))
    }

    @Test func anExpectationShowsItsVerdict() throws {
        let text = try #require(Self.hover(7, 12))
        // Right after the crash the ISR has not shrunk yet.
        #expect(text.contains("✓ The claim holds."))
        let wrong = try #require(Self.hover(7, 12, in: Self.lesson.replacingOccurrences(of: "0,1,2", with: "0,1")))
        #expect(wrong.contains("✗ The claim is false: actually `0,1,2`."))
    }

    @Test func aLineBeforeAnyClusterSaysSo() throws {
        let lesson = "# H\n\n```scenario\n# a comment\nexplain t-0\n```\n"
        #expect(Self.hover(3, 3, in: lesson) == nil)
        #expect(try #require(Self.hover(4, 3, in: lesson)).contains("No cluster yet"))
    }

    @Test func aReferenceShowsItsValue() {
        #expect(Self.hover(10, 28) == "`{{hw t-0}}` = **4**")
        #expect(Self.hover(10, 55) == "`{{s: leader t-0}}` = **0**")
        #expect(Self.hover(10, 2) == nil)
    }

    @Test func aRoundedTimeShowsItsValue() {
        let lesson = Self.lesson + "It ends at {{time in ms}}.\n"
        let value = Self.hover(11, 14, in: lesson) ?? ""
        #expect(value.hasPrefix("`{{time in ms}}` = **") && value.hasSuffix("\u{A0}ms**"), "\(value)")
    }

    @Test func aReferenceInAQuestionsWhyLineShowsItsValue() {
        let lesson = Self.lesson + "```question\nWho leads?\nanswer: leader t-0\nwhy: the HW is {{hw t-0}}\n```\n"
        #expect(Self.hover(14, 17, in: lesson) == "`{{hw t-0}}` = **4**")
    }
}
