import Diagnostics
import Replication
import ScenarioLanguage
import Testing

/// A crashed broker process is a disconnect; a powered-off or isolated host is silence.
///
/// Kafka: `NetworkClient.handleDisconnections` → `Sender.handleProduceResponse` (NETWORK_EXCEPTION, "Disconnected
/// from node N") for a closed connection; `Sender` REQUEST_TIMED_OUT ("Disconnected from node N due to timeout")
/// after `request.timeout.ms` when nothing answers.
@Suite struct DisconnectTests {
    static let setup = """
        cluster brokers=3
        topic orders partitions=1 replication-factor=3 min.insync.replicas=2
        produce orders partition=0 value=a count=10

        """

    /// Kafka: SenderTest.testRetries — a disconnect while the batch is in flight takes the request out of flight
    /// at once ("Client ready status should be false"), and the batch is retried and completes on a later send.
    /// Here the producer can reconnect only to the new leader, elected when the controller fences broker 0. The
    /// batch leaves the accumulator when its `linger.ms` (5 ms on Kafka 4.x) ends; the crash comes as it arrives.
    @Test func crashedLeaderDisconnectsAndTheRetryReachesTheNewLeader() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.setup + """
                producer safe
                produce orders value=s producer=safe async
                advance 5ms
                crash 0
                advance 10s
                expect leader orders-0 == 1
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        let text = transcript.text
        #expect(text.contains("[8ms] producer safe: batch 1 to orders-0 (s, sequence 0) got NETWORK_EXCEPTION"))
        #expect(text.contains("[9s] producer safe resends batch 1 to orders-0 (s, sequence 0) (attempt 2)"))
        #expect(text.contains("producer safe: batch 1 to orders-0 (s, sequence 0) acknowledged at offset 10"))
        #expect(!text.contains("REQUEST_TIMED_OUT"))
    }

    /// A host that loses power answers nothing: the attempt times out after request.timeout.ms (30 s) and its
    /// unflushed records are gone.
    @Test func poweredOffLeaderIsSilent() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.setup + """
                producer safe
                produce orders value=s producer=safe async
                advance 5ms
                power-off 0
                advance 31s
                restart 0
                advance 3s
                """)
        #expect(problems.isEmpty, "\(problems)")
        let text = transcript.text
        #expect(text.contains("broker 0 loses power and loses its unflushed records"))
        #expect(text.contains("broker 0 loses orders-0 offsets 0..10 (not flushed)"))
        #expect(text.contains("[30.008s] producer safe: batch 1 to orders-0 (s, sequence 0) got REQUEST_TIMED_OUT"))
        #expect(!text.contains("NETWORK_EXCEPTION"))
    }

    /// A single `produce` to a leader whose process is gone is refused at once; to a powered-off leader it waits
    /// out its timeout.
    @Test(arguments: [
        ("crash 0", "error NETWORK_EXCEPTION after 0s: Disconnected from node 0"),
        ("power-off 0", "error REQUEST_TIMED_OUT after 30s"),
    ])
    func plainProduceToADeadLeader(_ fault: String, _ answer: String) {
        let (transcript, problems) = EngineCommandTests.run(
            Self.setup + """
                \(fault)
                produce orders partition=0 value=b
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.text.contains("orders-0: \(answer)"), "\(transcript.text)")
    }

    /// An isolated leader is a silent host too: its in-flight acks=all request gets no answer before the timeout.
    @Test func isolatedLeaderIsSilent() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.setup + """
                produce orders partition=0 value=m acks=all async
                isolate 0
                advance 31s
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.text.contains("request 2 to orders-0 answered: REQUEST_TIMED_OUT"), "\(transcript.text)")
        #expect(!transcript.text.contains("NETWORK_EXCEPTION"))
    }
}
