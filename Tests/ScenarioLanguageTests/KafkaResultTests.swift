import Diagnostics
import Replication
import ScenarioLanguage
import Testing

/// Claims a lesson can make about Kafka's answers and about one replica.
@Suite struct KafkaResultTests {
    static let exception = "org.apache.kafka.common.errors.UnknownTopicOrPartitionException"

    /// Kafka: ReplicationControlManager.electLeader answers UNKNOWN_TOPIC_OR_PARTITION ("No such topic as t",
    /// "No such partition as t-9"), which `kafka-leader-election` prints as a failed partition: a result, not a
    /// script error.
    @Test(arguments: [
        ("elect preferred nope-0", "nope-0: \(Self.exception): No such topic as nope"),
        ("elect preferred t-9", "t-9: \(Self.exception): No such partition as t-9"),
    ])
    func electOnAnUnknownPartitionIsKafkasErrorResult(_ line: String, _ failure: String) {
        let (transcript, problems) = EngineCommandTests.run(
            EngineCommandTests.setup + line + "\nexpect error UNKNOWN_TOPIC_OR_PARTITION\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        #expect(transcript.text.contains("Error completing leader election (PREFERRED) for partition: \(failure)"))
        #expect(transcript.text.contains("Error: 1 replica(s) could not be elected"))
    }

    /// A follower's own HW lags the leader's: it learns the HW from its next fetch response (docs/engine.md, S2).
    /// Kafka: ReplicaFetcherThread.processPartitionData sets min(leader HW, its LEO).
    @Test func aFollowersHighWatermark() {
        let (transcript, problems) = EngineCommandTests.run(
            EngineCommandTests.setup + """
                produce t partition=0 value=x count=3
                expect hw t-0 == 3
                expect hw t-0 on 1 == 3
                expect hw t-0 on 2 == 0
                advance 1s
                expect hw t-0 on 2 == 3
                expect hw t-0 on 7 == 3
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 1)
        #expect(transcript.diagnostics.map { $0.message } == ["broker 7 holds no replica of t-0"])
    }
}

/// `max.message.bytes` is enforced as the leader's log does it.
@Suite struct MaxMessageBytesTests {
    /// Kafka: UnifiedLog.analyzeAndValidateRecords (RecordTooLargeException → MESSAGE_TOO_LARGE, nothing appended),
    /// read from the source (no Kafka test translated here). A one-record batch of a 10-byte value is 61 + 17 = 78
    /// bytes (DefaultRecordBatch.RECORD_BATCH_OVERHEAD + DefaultRecord.sizeInBytes).
    @Test func anOversizedBatchIsRefusedAndNothingIsAppended() {
        let (transcript, problems) = EngineCommandTests.run(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3 max.message.bytes=77
            produce t partition=0 value=0123456789
            expect error MESSAGE_TOO_LARGE
            expect leo t-0 == 0
            produce t partition=0 value=012345678
            expect ok
            expect leo t-0 == 1
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        #expect(
            transcript.text.contains(
                "The record batch size in the append to t-0 is 78 bytes which exceeds the maximum configured value of 77."
            ))
    }
}
