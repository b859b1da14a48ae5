import Diagnostics
import Replication
import Testing

@testable import ScenarioLanguage

/// Every cap of `Limits` ends a scenario with a diagnostic that states the cap and how to raise it, never a hang.
struct LimitsTests {
    static func run(_ text: String) -> (transcript: Transcript, problems: [Diagnostic]) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: "s", lineCount: lineCount))
        return (ScenarioRunner.run(script), problems)
    }

    /// The one error of a scenario that parses; its note says how to raise the caps, in words a user of the
    /// binary can act on: no source file or Swift name of ours.
    static func capError(_ text: String) throws -> Diagnostic {
        let (transcript, problems) = run(text)
        #expect(problems.isEmpty)
        let error = try #require(transcript.diagnostics.first)
        #expect(transcript.diagnostics.count == 1)
        #expect(error.kind == .input)
        #expect(error.notes.map(\.message).contains { $0.contains("REPLICALAB_LIMIT_SCALE=<n> (1 to 1000)") })
        for text in [error.message] + error.notes.map(\.message) {
            #expect(!text.contains(".swift") && !text.contains("Sources/") && !text.contains("Limits."), "\(text)")
        }
        return error
    }

    @Test func partitionsPerCluster() throws {
        let error = try Self.capError(
            """
            cluster brokers=3
            topic a partitions=600 replication-factor=1
            topic b partitions=600 replication-factor=1
            describe
            """)
        #expect(error.message == "a cluster has at most 1000 partitions; this one would have 1200")
        #expect(error.location.line == 3)
    }

    @Test func replicasPerCluster() throws {
        let error = try Self.capError(
            """
            cluster brokers=10
            topic a partitions=600 replication-factor=10
            """)
        #expect(error.message.hasPrefix("a cluster has at most 5000 partition replicas"))
    }

    @Test func recordsPerScenario() throws {
        var text = "cluster brokers=3\ntopic t partitions=1 replication-factor=3\n"
        for _ in 0..<4 { text += "produce t count=10000 acks=1\n" }
        let error = try Self.capError(text)
        #expect(error.location.line == 6)
        #expect(error.message.contains("100000 records, counted once per replica"))
    }

    @Test func simulatedTimePerScenario() throws {
        var text = "cluster brokers=1\n"
        for _ in 0..<25 { text += "advance 1h\n" }
        text += "expect ok\n"
        let (transcript, _) = Self.run(text)
        let error = try #require(transcript.diagnostics.first)
        #expect(error.location.line == 26)
        #expect(error.message.hasPrefix("advancing 60m from 1440m passes the simulated-time cap of 1440m per scenario"))
        #expect(transcript.steps.count == 26, "the scenario stops at the cap: the expect line does not run")
    }

    @Test func outputPerScenario() throws {
        var text = "cluster brokers=1\ntopic t partitions=1000 replication-factor=1\n"
        for _ in 0..<40 { text += "describe\n" }
        let error = try Self.capError(text)
        #expect(error.message == "the scenario was stopped: its output passed 1000000 bytes")
        #expect(error.location.line < 42)
    }

    @Test func linesPerScenario() {
        let text = String(repeating: "expect ok\n", count: Limits.standard.lines + 5)
        let (_, problems) = Self.run(text)
        #expect(
            problems.map(\.message) == ["a scenario has at most 1000 lines; this one has 1005: split it"]
        )
        #expect(problems.first?.location.line == 1001)
    }

    /// Fuzzing: `slow <b> lag=` took any duration, and `now + lag` overflowed the clock.
    @Test func slowLagIsCapped() {
        let (_, problems) = Self.run("cluster brokers=2\nslow 1 lag=9223372036854775807ms\n")
        #expect(
            problems.map(\.message) == [
                "lag=9223372036854775807ms is above the limit of 1h"
            ])
    }

    /// Fuzzing: a broker setting past Int32.max overflowed the clock on the next fetch.
    @Test func hugeBrokerSettingIsAScriptError() {
        let (_, problems) = Self.run(
            """
            cluster brokers=3 replica.lag.time.max.ms=9223372036854775807
            topic t partitions=1 replication-factor=3
            advance 1m
            """)
        #expect(
            problems.map(\.message) == [
                "Invalid value 9223372036854775807 for configuration replica.lag.time.max.ms: Value must be no more than 2147483647"
            ])
    }

    /// An acks=all produce that can never complete ends at the request timeout, reported as Kafka reports it.
    @Test func produceThatCannotCompleteTimesOut() {
        let (transcript, problems) = Self.run(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            stall 1
            stall 2
            produce t acks=all
            expect error REQUEST_TIMED_OUT
            """)
        #expect(problems.isEmpty)
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
    }
}
