import Replication
import Testing

@testable import ScenarioLanguage

/// One script on two Kafka releases: the steps whose output differs, side by side.
@Suite struct VersionComparisonTests {
    static let minIsr = """
        cluster brokers=3
        topic orders partitions=1 replication-factor=3 min.insync.replicas=2
        produce orders partition=0 value=a count=3
        crash 2
        advance 10s
        crash 1
        advance 10s
        describe orders
        produce orders partition=0 value=b acks=1
        expect hw orders-0 == 3

        """

    static func compare(_ left: KafkaVersion, _ right: KafkaVersion, _ text: String = minIsr) -> VersionComparison {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: "s", lineCount: lineCount))
        #expect(problems.isEmpty, "\(problems)")
        return VersionComparison(
            left, ScenarioRunner.run(script, kafka: left), right, ScenarioRunner.run(script, kafka: right))
    }

    /// 3.6 lets the HW pass below min ISR and has no ELR; 4.1 freezes the HW and keeps broker 1 eligible.
    @Test func minIsrDiffersInTheElrAndTheHighWatermark() {
        let comparison = Self.compare(.v36, .v41)
        #expect(comparison.rows.map(\.line) == [7, 8, 10])
        #expect(comparison.rows[0].right.contains("[19s] orders-0: Isr: 0, Elr: 1"))
        #expect(comparison.rows[0].left.contains("[19s] orders-0: Isr: 0"))
        #expect(comparison.rows[2].left == ["✗ fails (actual: 4)"] && comparison.rows[2].right == ["✓ holds"])
    }

    @Test func releasesThatAgreeHaveNoRows() {
        let comparison = Self.compare(.v37, .v40, "cluster brokers=3\ntopic t partitions=1 replication-factor=3\n")
        #expect(comparison.rows.isEmpty)
        #expect(comparison.plainText().hasPrefix("Kafka 3.7 and 4.0: every step gives the same output."))
    }

    /// Two columns under a `$ command` line; no line wider than asked, tabs turned into spaces.
    @Test(arguments: [60, 100])
    func plainTextFitsTheWidth(_ width: Int) {
        let text = Self.compare(.v36, .v41).plainText(width: width)
        #expect(text.hasPrefix("Kafka 3.6 and 4.1 differ in 3 of 10 steps:\n"))
        #expect(text.contains("line 8: $ describe orders\n"))
        #expect(text.contains("line 10: expect hw orders-0 == 3\n"))
        for line in text.split(separator: "\n") {
            #expect(line.count <= width, "\(line)")
            #expect(!line.contains("\t"))
        }
        #expect(text.contains("│ Kafka 4.1"))
    }
}
