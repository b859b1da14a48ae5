import Diagnostics
import Replication
import Testing

@testable import ScenarioLanguage

/// The engine commands and expectations, parsed and run end to end.
@Suite struct EngineCommandTests {
    static func run(_ text: String, kafka: KafkaVersion = .newest) -> (Transcript, [Diagnostic]) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (script, problems) = ScenarioParser.parse(text, sourceMap: .identity(file: "s.md", lineCount: lineCount))
        return (ScenarioRunner.run(script, kafka: kafka), problems)
    }

    static let setup = """
        broker 1
        broker 2
        broker 3
        topic t partitions=1 replication-factor=3 placement=round-robin min.insync.replicas=2

        """

    @Test func expectSeesAsyncAnswersThatArrivedDuringAnAdvance() {
        let (transcript, problems) = Self.run(
            Self.setup + """
                stall 2
                stall 3
                produce t value=x async
                expect ok
                advance 10s
                expect ok
                advance 25s
                expect error REQUEST_TIMED_OUT
                resume 2
                expect ok
                produce t value=y acks=1 async
                advance 1s
                expect ok
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        #expect(transcript.failedExpectationCount == 0)
    }

    @Test func s4AsAScenario() {
        let (transcript, problems) = Self.run(
            Self.setup + """
                produce t count=10 value=r
                expect ok
                expect hw t-0 == 10
                crash 3
                advance 10s
                expect isr t-0 == 1,2
                crash 2
                advance 10s
                describe --under-min-isr-partitions
                produce t value=x
                expect error NOT_ENOUGH_REPLICAS
                expect leo t-0 == 10
                expect leo t-0 on 3 == 10
                produce t value=y acks=1
                expect ok
                expect hw t-0 == 10
                restart 2
                advance 3s
                expect hw t-0 == 11
                expect epoch t-0 == 0
                expect lost t-0 == none
                expect invariants ok
                brokers
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.diagnostics.isEmpty, "\(transcript.diagnostics)")
        #expect(transcript.failedExpectationCount == 0)
        let text = transcript.text
        #expect(text.contains("t-0: offsets 0..9 (acks=all, after 3ms)"))
        #expect(text.contains("t-0: error NOT_ENOUGH_REPLICAS after 0s"))
        // Kafka 4.1 (ELR on): broker 2 left an ISR at the minimum, so it is an eligible leader replica.
        #expect(text.contains("\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1\tElr: 2\tLastKnownElr: "))
        #expect(text.contains("controller fences broker 3 (session expired)"))
        #expect(text.contains("B3 (crashed)"))
    }

    @Test func s6AsAScenarioWithLostAndReplicas() {
        let (transcript, problems) = Self.run(
            Self.setup + """
                produce t count=10
                advance 1s
                produce t value=m acks=1
                crash 1
                advance 10s
                expect leader t-0 == 2
                expect epoch t-0 == 1
                expect lost t-0 == 10
                produce t value=n
                restart 1
                advance 3s
                replicas t-0
                expect leo t-0 on 1 == 11
                expect invariants ok
                """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        #expect(transcript.text.contains("broker 1 truncates t-0 from 11 to 10 (diverging epoch)"))
        #expect(transcript.text.contains("Broker  Role      LEO  HW  LogEpoch  ISR  Status     Lag"))
    }

    @Test func failingEngineExpectationsAreReported() {
        let (transcript, _) = Self.run(
            Self.setup + """
                produce t count=3
                expect hw t-0 == 2
                expect lost t-0 == 0..1
                """)
        #expect(transcript.failedExpectationCount == 2)
        #expect(transcript.diagnostics.contains { $0.message.contains("HW of t-0 is 3, expected 2") })
    }

    /// S7 as written for Kafka 4.0 (ELR off: the last ISR member stays in the ISR).
    @Test func s7UncleanElectionByConfig() {
        let (transcript, problems) = Self.run(
            """
            broker 1
            broker 2
            broker 3
            topic t partitions=1 replication-factor=3 placement=round-robin
            crash 3
            advance 10s
            produce t count=5
            crash 2
            advance 10s
            produce t count=5
            expect hw t-0 == 10
            crash 1
            advance 10s
            expect leader t-0 == none
            describe --unavailable-partitions
            produce t
            expect error LEADER_NOT_AVAILABLE
            restart 3
            advance 2s
            expect leader t-0 == none
            config t unclean.leader.election.enable=true
            expect leader t-0 == none
            advance 5m
            expect leader t-0 == 3
            expect lost t-0 == 0..9
            expect invariants ok
            """, kafka: .v40)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        #expect(transcript.text.contains("finding: DataLoss t-0: committed records lost at offsets 0..9"))
        #expect(transcript.text.contains("\tTopic: t\tPartition: 0\tLeader: none\tReplicas: 1,2,3\tIsr: 1\t"))
    }

    @Test func parseErrorsPointAtArguments() {
        let (_, problems) = Self.run(
            """
            advance soon
            advance 2h
            crash 1 gently
            elect sideways t-0
            produce t acks=2
            slow 1 lag=fast
            config broker nonsense.key=1
            expect leo t-0 on x == 1
            expect invariants fine
            """)
        #expect(problems.count == 9, "\(problems.map(\.message))")
    }

    /// Kafka: `DynamicBrokerConfig.validateConfigs` — a read-only broker config cannot change on a running cluster
    /// (`ConfigCommandIntegrationTest.testExitWithNonZeroStatusOnUpdatingUnallowedConfig`: "Cannot update these configs
    /// dynamically: Set(security.inter.broker.protocol)");
    /// the cluster-wide log defaults can (`DynamicLogConfig.ReconfigurableConfigs`).
    @Test func staticBrokerConfigIsInvalidRequestAndClusterWideDefaultsApply() {
        let (transcript, problems) = Self.run(
            """
            cluster brokers=3 replica.lag.time.max.ms=10000
            topic t partitions=1 replication-factor=3
            config broker replica.lag.time.max.ms=5000
            expect error INVALID_REQUEST
            config broker min.insync.replicas=2
            expect ok
            config broker unclean.leader.election.enable=true
            describe t
            config t min.insync.replicas=3
            describe t
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        #expect(
            transcript.text.contains(
                "Error while executing config command : Cannot update these configs dynamically: Set(replica.lag.time.max.ms)"
            ))
        #expect(transcript.text.contains("Configs: min.insync.replicas=2,unclean.leader.election.enable=true"))
        #expect(transcript.text.contains("Configs: min.insync.replicas=3,unclean.leader.election.enable=true"))
        let cluster = try? #require(transcript.steps.last?.cluster)
        #expect(cluster?.engine.config.replicaLagTimeMax == .seconds(10))
        #expect(cluster?.minInsyncReplicas(of: "t") == 3)
    }

    /// `help configs` is the table: every key with its type, default and update mode.
    @Test func helpListsTheConfigTable() throws {
        let lines = try #require(CommandHelp.details(for: "configs"))
        #expect(lines.count == ConfigDef.keys.count + 3)
        #expect(
            lines.contains(
                "  replica.lag.time.max.ms=30000  (LONG, read-only) how long a follower may lag before the leader drops it from the ISR"
            ))
        #expect(lines.contains { $0.hasPrefix("  min.insync.replicas=1  (INT, cluster-wide)") })
    }

    /// The cluster-wide `min.insync.replicas` default is what an acks=all write is checked against
    /// (`Partition.appendRecordsToLeader` reads the log config, topic override over broker default).
    @Test func clusterWideMinIsrRefusesAcksAllWrites() {
        let (transcript, problems) = Self.run(
            """
            cluster brokers=3 min.insync.replicas=3
            topic t partitions=1 replication-factor=3
            stall 2
            advance 50s
            produce t acks=all
            expect error NOT_ENOUGH_REPLICAS
            produce t acks=1
            expect ok
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
    }

    @Test func faultInWrongStateIsAnInputError() {
        let (transcript, _) = Self.run(Self.setup + "resume 1\n")
        #expect(transcript.diagnostics.contains { $0.message == "cannot resume broker 1: it is up" })
    }

    @Test func brokerConfigAndAsyncProduce() {
        let (transcript, problems) = Self.run(
            """
            cluster brokers=3 replica.lag.time.max.ms=10000
            topic t partitions=1 replication-factor=3 placement=round-robin min.insync.replicas=2
            stall 2
            produce t count=2 async
            advance 20s
            expect isr t-0 == 0,1
            expect hw t-0 == 2
            heal
            elect preferred t
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        #expect(transcript.text.contains("request 1 sent (acks=all, async)"))
        #expect(transcript.text.contains("request 1 to t-0 answered: offsets 0..1"))
        #expect(transcript.text.contains("No broker is isolated."))
        #expect(transcript.text.contains("Valid replica already elected for partitions t-0"))
        #expect(
            transcript.steps.last?.outcome
                == .kafkaError(KafkaError("ELECTION_NOT_NEEDED", "Leader election not needed for topic partition.")))
    }

    @Test func commandsAreInTheTable() {
        for name in [
            "advance", "crash", "restart", "shutdown", "stall", "resume", "slow", "isolate", "heal", "elect",
            "config", "produce", "replicas", "flush",
        ] {
            #expect(CommandTable.command(named: name) != nil, "\(name)")
        }
        for name in ["hw", "leo", "epoch", "lost", "invariants"] {
            #expect(ExpectationTable.names.contains(name))
        }
    }
}

/// `topic … replica-assignment=` as `kafka-topics --create --replica-assignment` (Kafka: `TopicCommand`,
/// `ReplicationControlManager.createTopic`).
@Suite struct ReplicaAssignmentCommandTests {
    @Test func manualAssignmentCreatesThoseReplicas() {
        let (transcript, problems) = EngineCommandTests.run(
            """
            cluster brokers=3
            topic t replica-assignment=0:1:2,1:2:0 min.insync.replicas=2
            expect replicas t-1 == 1,2,0
            expect leader t-1 == 1
            topic u replica-assignment=0:0
            expect error AdminCommandFailedException
            topic v replica-assignment=0:5
            expect error INVALID_REPLICA_ASSIGNMENT
            add-partitions t count=3
            expect ok
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        #expect(
            transcript.text.contains(
                "Error while executing topic command : The manual partition assignment includes broker 5, but no such broker is registered."
            ))
    }

    /// Kafka: `TopicCommand` — `--replica-assignment` can't be used with `--partitions` or `--replication-factor`.
    @Test func manualAssignmentExcludesCounts() {
        let (_, problems) = EngineCommandTests.run(
            """
            cluster brokers=3
            topic t partitions=2 replica-assignment=0:1,1:2
            """)
        #expect(problems.map(\.message) == ["replica-assignment= places the partitions itself: leave out partitions="])
        #expect(
            problems.first?.notes.first?.message
                == "Kafka: Option \"[replica-assignment]\" can't be used with option \"[partitions]\"")
    }
}
