import Testing

@testable import Replication

/// The modelled Kafka releases and what differs between them.
@Suite struct KafkaVersionTests {
    @Test(arguments: [
        ("3.6", KafkaVersion.v36), ("3.6.2", .v36), ("3.7", .v37), ("3.8.1", .v38), ("3.9", .v39),
        ("4.0", .v40), ("4.0.0", .v40), ("4.1", .v41), ("4.1.0", .v41),
    ])
    func parses(_ text: String, _ version: KafkaVersion) {
        #expect(KafkaVersion(text) == version)
    }

    @Test(arguments: ["", "4", "3.5", "4.2", "3.6.", "3.6.x", "v4.1", "4.1.0.0", " 4.1", "04.01x"])
    func rejects(_ text: String) {
        #expect(KafkaVersion(text) == nil)
    }

    @Test func newestIsTheDefault() {
        #expect(KafkaVersion.newest == .v41)
        #expect(Cluster().kafka == .newest)
        #expect(KafkaVersion.allCases.map { $0.text } == ["3.6", "3.7", "3.8", "3.9", "4.0", "4.1"])
    }

    /// The switch table, release by release (`KafkaBehaviour.init` names the Kafka source of each).
    @Test func behaviourSwitches() {
        let rows = KafkaVersion.allCases.map { version -> [Bool] in
            let b = version.behaviour
            return [
                b.highWatermarkWaitsForMinIsr, b.effectiveMinIsrCappedByReplicas, b.describeShowsElr,
                b.controllerHonoursUncleanLeaderElection, b.periodicUncleanElection, b.eligibleLeaderReplicas,
                b.producerRejectsInFlightAboveFive,
            ]
        }
        #expect(
            rows == [
                [false, false, false, false, false, false, false],  // 3.6
                [true, true, false, false, false, false, false],  // 3.7
                [true, true, true, false, false, false, false],  // 3.8
                [true, true, true, true, true, false, false],  // 3.9
                [true, true, true, true, true, false, true],  // 4.0
                [true, true, true, true, true, true, true],  // 4.1
            ])
    }

    /// Kafka: PartitionTest.testHighWatermarkAdvanceShouldNotAdvanceWhenUnderMinISR (3.7) — min ISR 3, ISR of two:
    /// the HW stays at 0 even though both followers fetched everything, and moves to the LEO once the ISR has three.
    /// On 3.6 `maybeIncrementLeaderHW` has no min-ISR check, so the same writes are committed at once.
    @Test(arguments: [(KafkaVersion.v36, true), (.v37, false), (.v40, false), (.v41, false)])
    func highWatermarkUnderMinIsr(_ version: KafkaVersion, advances: Bool) throws {
        var cluster = TestCluster.make(minIsr: 3, kafka: version)
        try cluster.apply(.stall, to: 3)
        cluster.advance(by: .seconds(46))
        #expect(TestCluster.partition(cluster).isr == [1, 2])
        let request = TestCluster.produce(&cluster, 10, acks: .leader)
        #expect(request.outcome == .success(baseOffset: 0, count: 10))
        cluster.advance(by: .seconds(1))
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 10)
        #expect(TestCluster.partition(cluster).highWatermark == (advances ? 10 : 0))
        try cluster.apply(.resume, to: 3)
        cluster.advance(by: .seconds(1))
        #expect(TestCluster.partition(cluster).isr == [1, 2, 3])
        #expect(TestCluster.partition(cluster).highWatermark == 10)
    }

    /// Kafka 3.7+ `Partition.effectiveMinIsr` caps min ISR at the replica count; 3.6's `appendRecordsToLeader`
    /// compares with `min.insync.replicas` itself, so RF 3 with min ISR 4 rejects every acks=all write.
    @Test(arguments: [(KafkaVersion.v36, false), (.v37, true), (.v41, true)])
    func minIsrAboveReplicationFactor(_ version: KafkaVersion, accepts: Bool) {
        var cluster = TestCluster.make(minIsr: 4, kafka: version)
        let outcome = TestCluster.produce(&cluster, 1).outcome
        #expect(outcome == (accepts ? .success(baseOffset: 0, count: 1) : .failure(.notEnoughReplicas)))
    }

    /// `TopicCommand.PartitionDescription.printDescription`: 3.8+ prints `Elr:` and `LastKnownElr:`, 3.7 does not.
    @Test(arguments: [(KafkaVersion.v36, false), (.v37, false), (.v38, true), (.v40, true), (.v41, true)])
    func describeColumns(_ version: KafkaVersion, showsElr: Bool) {
        let cluster = TestCluster.make(kafka: version)
        let line = TopicDescription(cluster: cluster).lines[1]
        #expect(line.hasSuffix("Isr: 1,2,3") == !showsElr)
        #expect(line.hasSuffix("Isr: 1,2,3\tElr: \tLastKnownElr: ") == showsElr)
    }

    /// `ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic` returns false on 3.6–3.8 ("TODO: support
    /// configuring unclean leader election"); 3.9 reads the topic config. S7's last step: the empty broker 3 comes
    /// back while the last ISR member is gone.
    @Test(arguments: [(KafkaVersion.v38, false), (.v39, true), (.v40, true)])
    func uncleanElectionConfig(_ version: KafkaVersion, honoured: Bool) throws {
        var cluster = TestCluster.make(minIsr: 1, unclean: true, kafka: version)
        for broker in [3, 2, 1] {
            try cluster.apply(.crash, to: broker)
            cluster.advance(by: .seconds(10))
        }
        #expect(TestCluster.partition(cluster).leader == nil)
        try cluster.apply(.restart, to: 3)
        cluster.advance(by: .seconds(2))
        #expect(TestCluster.partition(cluster).leader == (honoured ? 3 : nil))
        // The operator's UNCLEAN election works on every release (`ReplicationControlManager.electLeader`).
        if !honoured {
            try cluster.elect(.unclean, partition: TestCluster.tp)
            #expect(TestCluster.partition(cluster).leader == 3)
        }
    }

    /// Kafka: KafkaProducerTest.testInflightRequestsAndIdempotenceForIdempotentProducers (3.x) — in-flight 6 with
    /// idempotence explicitly off keeps 6 and no idempotence; with idempotence unset, 3.x disables it. From 4.0
    /// (KAFKA-17927) the unset case is a ConfigException.
    @Test(arguments: [(KafkaVersion.v39, false), (.v40, true), (.v41, true)])
    func inFlightAboveFiveWithDefaultIdempotence(_ version: KafkaVersion, throwsError: Bool) throws {
        let explicit = try ProducerConfig(
            ["max.in.flight.requests.per.connection": "6", "enable.idempotence": "false"], kafka: version)
        #expect(!explicit.enableIdempotence)
        #expect(explicit.maxInFlightRequestsPerConnection == 6)
        do {
            let config = try ProducerConfig(["max.in.flight.requests.per.connection": "6"], kafka: version)
            #expect(!throwsError)
            #expect(!config.enableIdempotence)
        } catch {
            #expect(throwsError)
            #expect(error.name == "ConfigException")
        }
    }
}
