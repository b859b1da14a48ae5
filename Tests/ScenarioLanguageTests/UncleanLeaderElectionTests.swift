import Diagnostics
import Replication
import ScenarioLanguage
import Testing

/// Kafka's `UncleanLeaderElectionTest` (core/src/test/scala/unit/kafka/integration), KRaft variant: two brokers, one
/// partition assigned to both (`replicaAssignment = Map(0 -> Seq(brokerId1, brokerId2))`), the broker-wide
/// `unclean.leader.election.enable` on the cluster line and the topic's own override. Run on 4.0 (ELR off, as the
/// test's default metadata version).
@Suite struct UncleanLeaderElectionTests {
    static func run(cluster: String, topic: String) -> Transcript {
        let (transcript, problems) = EngineCommandTests.run(
            """
            cluster brokers=2 kafka=4.0\(cluster)
            topic t replica-assignment=0:1\(topic)
            expect leader t-0 == 0
            produce t value=first
            shutdown 1
            produce t value=second
            shutdown 0
            restart 1
            advance 5s

            """ + verification(cluster: cluster, topic: topic))
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        return transcript
    }

    static func isEnabled(cluster: String, topic: String) -> Bool {
        topic.contains("=true") || (cluster.contains("=true") && !topic.contains("=false"))
    }

    /// `verifyUncleanLeaderElectionEnabled` / `verifyUncleanLeaderElectionDisabled`.
    static func verification(cluster: String, topic: String) -> String {
        if isEnabled(cluster: cluster, topic: topic) {
            // The follower is elected uncleanly; "second" is lost: the log reads first, third.
            return """
                expect leader t-0 == 1
                produce t value=third
                expect ok
                expect lost t-0 == 1
                consume t
                """
        }
        // No unclean election: no leader, the ISR keeps the old leader; producing fails. The old leader comes back,
        // takes "third", the follower rejoins the ISR, and a clean election to it keeps first, second, third.
        return """
            expect leader t-0 == none
            expect isr t-0 == 0
            produce t value=third
            expect error LEADER_NOT_AVAILABLE
            restart 0
            advance 5s
            expect leader t-0 == 0
            produce t value=third
            advance 5s
            expect isr t-0 == 0,1
            shutdown 0
            expect leader t-0 == 1
            expect lost t-0 == none
            consume t
            """
    }

    static func consumed(_ transcript: Transcript) -> [String] {
        (transcript.steps.last?.output ?? []).compactMap { line in
            line.hasPrefix("Partition:") ? line.split(separator: "\t").last.map(String.init) : nil
        }
    }

    /// Kafka: `UncleanLeaderElectionTest.testUncleanLeaderElectionEnabled`.
    @Test func enabled() {
        let transcript = Self.run(cluster: " unclean.leader.election.enable=true", topic: "")
        #expect(Self.consumed(transcript) == ["first", "third"])
    }

    /// Kafka: `UncleanLeaderElectionTest.testUncleanLeaderElectionDisabled`.
    @Test func disabled() {
        let transcript = Self.run(cluster: "", topic: "")
        #expect(Self.consumed(transcript) == ["first", "second", "third"])
    }

    /// Kafka: `UncleanLeaderElectionTest.testUncleanLeaderElectionEnabledByTopicOverride`.
    @Test func enabledByTopicOverride() {
        let transcript = Self.run(
            cluster: " unclean.leader.election.enable=false", topic: " unclean.leader.election.enable=true")
        #expect(Self.consumed(transcript) == ["first", "third"])
    }

    /// Kafka: `UncleanLeaderElectionTest.testUncleanLeaderElectionDisabledByTopicOverride`.
    @Test func disabledByTopicOverride() {
        let transcript = Self.run(
            cluster: " unclean.leader.election.enable=true", topic: " unclean.leader.election.enable=false")
        #expect(Self.consumed(transcript) == ["first", "second", "third"])
    }
}
