import Diagnostics
import ReplicaLabTestSupport
import Replication
import ScenarioLanguage
import Testing

/// Running scenarios: each command's output, Kafka errors as outcomes, expectations, and the transcript text.
struct TranscriptTests {
    static let file = "s.scenario"

    static func run(_ text: String) -> (Transcript, parseProblems: [Diagnostic]) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: file, lineCount: lineCount))
        return (ScenarioRunner.run(script), problems)
    }

    @Test func thePlacementExamplePasses() {
        let (transcript, problems) = Self.run(Samples.placementScript)
        #expect(problems.isEmpty)
        #expect(transcript.diagnostics.isEmpty)
        #expect(transcript.expectationCount == 1)
        #expect(transcript.failedExpectationCount == 0)
        #expect(
            transcript.text
                == """
                $ cluster brokers=6 racks=2
                6 brokers: R1 = 0,1,2; R2 = 3,4,5
                $ topic t partitions=10 replication-factor=3 placement=admin-utils
                Created topic t.

                """)
    }

    @Test func aFailedExpectationIsLocatedAtItsValue() throws {
        let (transcript, _) = Self.run(
            """
            cluster brokers=6 racks=2
            topic t partitions=10 replication-factor=3 placement=admin-utils
            expect replicas t-6 == 0,3,1
            expect leader t-6 == 3
            """)
        #expect(transcript.expectationCount == 2)
        #expect(transcript.failedExpectationCount == 2)
        // The commands are the timeline's entries: `commandCount` counts them without building it.
        #expect(transcript.commandCount == 2)
        #expect(transcript.commandCount == transcript.timeline.entries.count)
        #expect(
            transcript.diagnostics == [
                .failure(
                    "expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1",
                    at: FileLocation(file: Self.file, line: 3, column: 24)),
                .failure(
                    "expectation failed: leader of t-6 is 0, expected 3",
                    at: FileLocation(file: Self.file, line: 4, column: 22)),
            ])
        #expect(transcript.diagnostics.exitCode == 1)
        let step = try #require(transcript.steps.last)
        #expect(step.expectation?.passed == false)
        #expect(step.expectation?.actual == "0")
    }

    @Test(arguments: [
        ("cluster brokers=3", "3 brokers: 0,1,2"),
        ("cluster brokers=1", "1 broker: 0"),
        ("cluster brokers=5 racks=2", "5 brokers: R1 = 0,1,2; R2 = 3,4"),
        ("cluster brokers=6 racks=3", "6 brokers: R1 = 0,1; R2 = 2,3; R3 = 4,5"),
    ])
    func clusterSummaryLine(_ command: String, summary: String) throws {
        let (transcript, _) = Self.run(command)
        #expect(try #require(transcript.steps.first).output == [summary])
    }

    @Test func brokersCanBeAddedOneByOne() {
        let (transcript, _) = Self.run("broker 2 rack=R1\nbroker 0\nbroker 0")
        #expect(transcript.steps.map(\.output) == [["Added broker 2 in rack R1."], ["Added broker 0."], []])
        #expect(transcript.diagnostics.count == 1)
        #expect(transcript.diagnostics.first?.location == FileLocation(file: Self.file, line: 3, column: 8))
    }

    @Test func kafkaErrorsAreOutcomesAndExpectErrorPasses() throws {
        let (transcript, problems) = Self.run(
            """
            cluster brokers=3
            topic t partitions=2 replication-factor=4
            expect error INVALID_REPLICATION_FACTOR
            """)
        #expect(problems.isEmpty)
        #expect(transcript.diagnostics.isEmpty)
        let step = transcript.steps[1]
        #expect(
            step.outcome
                == .kafkaError(
                    KafkaErrorShape.invalidReplicationFactor))
        #expect(
            step.output == [
                "Error while executing topic command : Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.",
                "error: INVALID_REPLICATION_FACTOR",
            ])
        #expect(transcript.steps[2].expectation?.passed == true)
        #expect(transcript.steps[2].expectation?.actual == "INVALID_REPLICATION_FACTOR")
    }

    @Test func expectOkAfterAnErrorFailsAtOk() {
        let (transcript, _) = Self.run(
            "cluster brokers=3\ntopic t partitions=2 replication-factor=4\nexpect ok\nexpect error TOPIC_ALREADY_EXISTS"
        )
        #expect(
            transcript.diagnostics == [
                .failure(
                    "expectation failed: the previous command ended with INVALID_REPLICATION_FACTOR, expected ok",
                    at: FileLocation(file: Self.file, line: 3, column: 8)),
                .failure(
                    "expectation failed: the previous command ended with INVALID_REPLICATION_FACTOR, expected TOPIC_ALREADY_EXISTS",
                    at: FileLocation(file: Self.file, line: 4, column: 14)),
            ])
    }

    @Test func expectOkPassesAfterSuccess() {
        let (transcript, _) = Self.run("cluster brokers=3\ntopic t partitions=2 replication-factor=3\nexpect ok")
        #expect(transcript.diagnostics.isEmpty)
        #expect(transcript.steps.last?.expectation?.passed == true)
        #expect(transcript.steps.last?.expectation?.actual == "ok")
    }

    @Test func expectOkNeedsACommandBefore() {
        let (transcript, _) = Self.run("expect ok")
        #expect(transcript.diagnostics.map(\.kind) == [.input])
        #expect(transcript.diagnostics.exitCode == 2)
    }

    @Test func isrIsComparedAsASet() {
        let (transcript, _) = Self.run(
            "cluster brokers=3\ntopic t partitions=1 replication-factor=3\nexpect isr t-0 == 2,1,0\nexpect isr t-0 == 0,1"
        )
        #expect(transcript.failedExpectationCount == 1)
        #expect(transcript.diagnostics.map(\.location.line) == [4])
    }

    @Test func unknownTopicInAnExpectationIsAnInputErrorWithSuggestion() {
        let (transcript, _) = Self.run(
            "cluster brokers=3\ntopic orders partitions=1 replication-factor=1\nexpect leader order-0 == 0\nexpect leader orders-5 == 0"
        )
        #expect(
            transcript.diagnostics == [
                .error(
                    "unknown topic 'order'", at: FileLocation(file: Self.file, line: 3, column: 1),
                    notes: [.init("did you mean 'orders'?")]),
                .error(
                    "unknown partition orders-5: topic 'orders' has partitions 0 to 0",
                    at: FileLocation(file: Self.file, line: 4, column: 1)),
            ])
    }

    @Test func commandsBeforeAClusterAreErrors() {
        let (transcript, _) = Self.run("topic t partitions=1 replication-factor=1")
        #expect(transcript.diagnostics.first?.message.hasPrefix("there is no cluster yet") == true)
        #expect(transcript.diagnostics.exitCode == 2)
    }

    @Test func addPartitionsAndDescribe() {
        let (transcript, _) = Self.run(
            """
            cluster brokers=2
            topic t partitions=1 replication-factor=2 # trailing comment
            add-partitions t count=2
            describe t
            describe nope
            """)
        #expect(transcript.steps[2].output == ["Topic t now has 2 partitions."])
        let describe = transcript.steps[3].output
        #expect(describe.count == 3)
        #expect(describe[0].hasPrefix("Topic: t\tTopicId: "))
        #expect(describe[2] == "\tTopic: t\tPartition: 1\tLeader: 1\tReplicas: 1,0\tIsr: 1,0\tElr: \tLastKnownElr: ")
        #expect(
            transcript.steps[4].output == [
                "Error while executing topic command : Topic 'nope' does not exist as expected",
                "error: UNKNOWN_TOPIC_OR_PARTITION",
            ])
        #expect(transcript.text.contains("$ topic t partitions=1 replication-factor=2\n"))
        #expect(!transcript.text.contains("comment"))
    }

    @Test func brokersPrintsTheCourseTable() {
        let (transcript, _) = Self.run(
            "cluster brokers=6 racks=2\ntopic t partitions=10 replication-factor=3 placement=round-robin\nbrokers t")
        #expect(
            transcript.steps[2].output == [
                "Brokers  Leaders  Followers  Followers",
                "R1-B0    P0 P6    P5         P4",
                "R2-B3    P1 P7    P0 P6      P5",
                "R1-B1    P2 P8    P1 P7      P0 P6",
                "R2-B4    P3 P9    P2 P8      P1 P7",
                "R1-B2    P4       P3 P9      P2 P8",
                "R2-B5    P5       P4         P3 P9",
            ])
    }
}

enum KafkaErrorShape {
    static let invalidReplicationFactor = KafkaError(
        "INVALID_REPLICATION_FACTOR",
        "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
    )
}
