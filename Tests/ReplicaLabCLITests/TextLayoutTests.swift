import Diagnostics
import Testing

@testable import ReplicaLabCLI

/// Fitting text to a terminal's width: nothing is cut inside a word or a number, lines that fit are untouched.
struct TextLayoutTests {
    static let describeLine =
        "\tTopic: orders\tPartition: 0\tLeader: 0\tReplicas: 0,1,2\tIsr: 0,1,2\tElr: \tLastKnownElr: "

    @Test func linesThatFitAreLeftExactlyAsTheyAre() {
        let text = "a\tb  c\n\nPartition: 0\n"
        #expect(TextLayout.fit(text, width: 80) == text)
        #expect(TextLayout.fit("no newline at the end", width: 80) == "no newline at the end")
    }

    @Test func describeBreaksBetweenKafkasFields() {
        #expect(TextLayout.columns(Self.describeLine) > 80)
        let lines = TextLayout.wrap(Self.describeLine, width: 80)
        #expect(
            lines == [
                "        Topic: orders   Partition: 0    Leader: 0       Replicas: 0,1,2",
                "            Isr: 0,1,2  Elr:    LastKnownElr:",
            ])
    }

    @Test func proseBreaksBetweenWordsWithAHangingIndent() {
        let line = "orders-0: error LEADER_NOT_AVAILABLE after 0s: There is no leader for this topic-partition."
        let lines = TextLayout.wrap(line, width: 40)
        #expect(lines.allSatisfy { TextLayout.columns($0) <= 40 })
        #expect(lines.joined(separator: " ").split(separator: " ") == line.split(separator: " "))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
    }

    @Test func aLongListBreaksAfterACommaAndAWordWithoutOneAnywhere() {
        let list = "Replicas: " + (0..<40).map(String.init).joined(separator: ",")
        let lines = TextLayout.wrap(list, width: 30)
        #expect(lines.allSatisfy { TextLayout.columns($0) <= 30 })
        // Every number is whole on a line.
        let numbers = lines.flatMap { $0.split { $0 == "," || $0 == " " } }.compactMap { Int($0) }
        #expect(numbers == Array(0..<40))
        let word = String(repeating: "x", count: 50)
        #expect(TextLayout.wrap(word, width: 20).map(\.count) == [20, 20, 18])
    }

    @Test func colourSequencesTakeNoColumns() {
        let bold = "\u{1B}[1m$ describe orders\u{1B}[0m"
        #expect(TextLayout.columns(bold) == 17)
        #expect(TextLayout.wrap(bold, width: 20) == [bold])
        #expect(TextLayout.columns("a\tb") == 9)
    }

    @Test func aWideTableIsShownInColumnGroupsWithItsKeyColumn() {
        let table = [
            "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID               HOST            CLIENT-ID",
            "g               orders          0          6               10              4               c1-v9cDvjTaBhhyIq-5FhWWIA /127.0.0.1      c1",
            "g               orders          1          -               20              -               c2-p_t_PoDPimvs_n0qOo3lPA /127.0.0.1      c2",
        ]
        let lines = TextLayout.fit(lines: ["before"] + table + ["after"], width: 80)
        #expect(
            lines == [
                "before",
                "GROUP  TOPIC   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG",
                "g      orders  0          6               10              4",
                "g      orders  1          -               20              -",
                "",
                "PARTITION  CONSUMER-ID                HOST        CLIENT-ID",
                "0          c1-v9cDvjTaBhhyIq-5FhWWIA  /127.0.0.1  c1",
                "1          c2-p_t_PoDPimvs_n0qOo3lPA  /127.0.0.1  c2",
                "after",
            ])
        // Wide enough, the table is left as Kafka prints it.
        #expect(TextLayout.fit(lines: table, width: 200) == table)
    }

    @Test func candidatesAreListedInColumnsDownThenAcross() {
        let listed = LineEditor.columns((0..<12).map(String.init), width: 16)
        #expect(listed.rendered == "0   3   6   9\r\n1   4   7   10\r\n2   5   8   11")
        #expect(LineEditor.columns(["acks=all", "acks=1", "acks=0"], width: 80).rendered == "all  1    0")
    }

    @Test func candidatesAreOutsideTextPaddedByTheirWidthOnceMadeSafe() {
        // A topic named with an escape sequence and one that would start a workflow command on its line.
        let listed = LineEditor.columns(["::warning::x", "a\u{1B}[2J", "b"], width: 80).rendered
        #expect(listed == "\\u{3A}:warning::x  a\\u{1B}[2J         b")
    }

    @Test func fittingTextCannotMakeALessonsValueStartAWorkflowCommand() {
        // Wrapping breaks the line before `::warning::`, which would then start a line in a CI log.
        let value = "produce t value=" + String(repeating: "x", count: 30) + " ::warning::forged"
        let style = TerminalStyle(isFancy: false, width: 40, fitsText: true)
        let fitted = style.fit("$ \(value)\n").rendered
        #expect(fitted.split(separator: "\n").count > 1, "\(fitted)")
        #expect(!fitted.split(separator: "\n").contains { $0.drop { $0 == " " }.hasPrefix("::") }, "\(fitted)")
        #expect(fitted.contains("\\u{3A}:warning::forged"))
        // Outside text that starts a line after a colour sequence is escaped too.
        let bold: ConsoleText = "\u{1B}[1m\("::error::x")\n"
        #expect(bold.rendered == "\u{1B}[1m\\u{3A}:error::x\n")
    }
}
