import Diagnostics
import Replication
import Testing

@testable import ScenarioLanguage

/// Producers, consumers and consumer groups as scenario lines.
@Suite struct ClientCommandTests {
    static let setup = EngineCommandTests.setup

    @Test func s9aAndBAsAScenario() {
        let (transcript, problems) = EngineCommandTests.run(
            Self.setup + """
                produce t partition=0 count=7 value=r
                producer plain enable.idempotence=false
                producer safe
                drop-responses 1
                produce t value=m1 producer=plain
                expect ok
                expect read t-0 == r0,r1,r2,r3,r4,r5,r6,m1,m1
                drop-responses 1 count=1
                produce t value=m2 producer=safe
                expect ok
                expect read t-0 == r0,r1,r2,r3,r4,r5,r6,m1,m1,m2
                expect partition t key=a == 0
                consume t from=earliest max=2
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        let text = transcript.text
        #expect(text.contains("Created producer plain (acks=all, enable.idempotence=false)."))
        #expect(text.contains("Created producer safe (acks=all, enable.idempotence=true, producer id 0, epoch 0)."))
        #expect(text.contains("t-0 m1: offset 8 (after 30.107s, 2 attempts)"))
        #expect(text.contains("t-0 m2: offset 9 (after 30.105s, 2 attempts)"))
        #expect(text.contains("Partition:0\tOffset:1\tr1"))
        #expect(text.contains("Processed a total of 2 messages"))
    }

    /// An async send reports where its batch is: still in the accumulator (`linger.ms` is 5 ms from Kafka 4.0), or
    /// gone to the leader (3.x sends a new batch at once).
    @Test(arguments: [("4.1", "queued (async)"), ("3.6", "sent (async)")])
    func anAsyncSendSaysWhetherItsBatchLeft(kafka: String, state: String) {
        let (transcript, problems) = EngineCommandTests.run(
            """
            cluster brokers=3 kafka=\(kafka)
            topic t partitions=1 replication-factor=3
            producer p
            produce t value=a producer=p async
            produce t value=b producer=p async
            """)
        #expect(problems.isEmpty, "\(problems)")
        let text = transcript.text
        #expect(text.contains("p: batch 1 to t-0 (1 record) \(state)"))
        // While batch 1 lingers, b joins it; once it has left, b starts batch 2.
        #expect(text.contains(kafka == "4.1" ? "p: batch 1 to t-0 (2 records) queued (async)" : "p: batch 2 to t-0"))
    }

    @Test func s10AsAScenario() {
        let (transcript, problems) = EngineCommandTests.run(
            """
            cluster brokers=3
            topic t partitions=4 replication-factor=3
            produce t partition=0 count=100
            produce t partition=1 count=100
            produce t partition=2 count=100
            produce t partition=3 count=100
            join g member=c1 topics=t enable.auto.commit=false auto.offset.reset=earliest
            join g member=c2 topics=t enable.auto.commit=false auto.offset.reset=earliest
            expect assignment g c1 == t-0,t-1
            expect assignment g c2 == t-3,t-2
            poll g member=c1 max=50
            commit g member=c1
            poll g member=c1 max=8
            crash-consumer g member=c1
            advance 30s
            groups describe g
            expect lag g t-0 == 50
            expect committed g t-0 == 50
            expect committed g t-2 == none
            expect lag g t-2 == -
            advance 15s
            expect assignment g c2 == t-0,t-1,t-2,t-3
            poll g member=c2 max=8
            groups describe g --members
            groups describe g --state
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        let text = transcript.text
        #expect(
            text.contains(
                "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID"
            ))
        #expect(text.contains("Partition:0\tOffset:50\tv50"))
        #expect(text.contains("c2 polled 8 records"))
        #expect(text.contains("coordinator removes c1-"))
        #expect(text.contains("range                Stable          1"))
    }

    @Test(arguments: [
        ("produce t value=x producer=nobody", "unknown producer 'nobody'"),
        ("produce t value=x producer=p acks=1", "acks is a setting of the producer"),
        ("consume t from=5", "from=<offset> needs partition=<p>"),
        ("join g member=c1 topics=t assignor=sticcky", "assignor must be one of"),
        ("groups list g", "expected 'describe'"),
        ("expect lag g t-0 == x", "expected a number or -"),
        ("expect partition t == 0", "expected '<topic> key=<k>'"),
    ])
    func problemsAreReported(line: String, message: String) {
        let (transcript, problems) = EngineCommandTests.run(Self.setup + line)
        let all = problems + transcript.diagnostics
        #expect(all.contains { $0.message.contains(message) }, "\(all.map(\.message))")
    }

    @Test func invalidProducerConfigIsAKafkaError() {
        let (transcript, _) = EngineCommandTests.run(Self.setup + "producer p acks=2\nexpect error ConfigException")
        #expect(transcript.failedExpectationCount == 0)
        #expect(
            transcript.text.contains(
                "error: ConfigException: Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1"))
    }

    @Test func failingExpectationsFail() {
        let (transcript, _) = EngineCommandTests.run(
            Self.setup + """
                produce t value=a
                expect read t-0 == b
                expect partition t key=a == 1
                """)
        #expect(transcript.failedExpectationCount == 2)
    }
}
