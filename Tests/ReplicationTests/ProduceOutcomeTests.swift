import Testing

@testable import Replication

/// Produce outcomes that need a moving leader or a dead one.
@Suite struct ProduceOutcomeTests {
    let tp = TestCluster.tp

    @Test func leadershipMovingAwayAnswersNotLeaderOrFollower() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.shutdown, to: 1)
        try cluster.apply(.restart, to: 1)
        cluster.advance(by: .milliseconds(2_500))
        #expect(TestCluster.partition(cluster).isr == [2, 3, 1])
        try cluster.apply(.stall, to: 3)
        let id = try cluster.produce(to: tp, values: ["x"], acks: .all)
        cluster.advance(by: .milliseconds(1_000))
        #expect(cluster.engine.requests[id]?.outcome == nil, "broker 3 holds the HW back")
        try cluster.elect(.preferred, partition: tp)
        #expect(TestCluster.partition(cluster).leader == 1)
        #expect(cluster.engine.requests[id]?.outcome == .failure(.notLeaderOrFollower))
    }

    /// A leader whose process died refuses the connection: the request fails at once with NETWORK_EXCEPTION
    /// (Kafka: `NetworkClient.handleDisconnections`, `Sender.handleProduceResponse`), before the controller has
    /// even fenced it.
    @Test func crashedLeaderRefusesAtOnce() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.crash, to: 1)
        let request = TestCluster.produce(&cluster, 1)
        #expect(request.outcome == .failure(.disconnected(1)))
        #expect(request.completedAt == .start)
        #expect(TestCluster.partition(cluster).leader == 1, "not fenced yet")
    }

    /// A powered-off leader's host is gone: nothing answers until request.timeout.ms.
    @Test func poweredOffLeaderNeverAnswers() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.powerOff, to: 1)
        let request = TestCluster.produce(&cluster, 1)
        #expect(request.outcome == .failure(.requestTimedOut))
        #expect(request.completedAt == .milliseconds(30_000))
        #expect(TestCluster.partition(cluster).leader == 2, "fenced and replaced meanwhile")
    }

    @Test func acksZeroGetsNoAnswer() throws {
        var cluster = TestCluster.make()
        let request = TestCluster.produce(&cluster, 2, acks: .none)
        #expect(request.outcome == .noResponse(baseOffset: 0, count: 2))
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 2)
    }

    @Test func effectiveMinIsrIsCappedAtReplicaCount() throws {
        var cluster = TestCluster.make(minIsr: 5)
        #expect(TestCluster.produce(&cluster, 1).outcome == .success(baseOffset: 0, count: 1))
    }

    @Test func isolatedLeaderIsReplacedAndTruncatesAfterHealing() throws {
        var cluster = TestCluster.make()
        TestCluster.produce(&cluster, 3)
        try cluster.apply(.isolate, to: 1)
        let stranded = TestCluster.produce(&cluster, 1, acks: .leader, first: 3)
        #expect(stranded.outcome == .success(baseOffset: 3, count: 1))
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).leader == 2)
        TestCluster.produce(&cluster, 2, prefix: "n")
        try cluster.apply(.heal, to: 1)
        cluster.advance(by: .milliseconds(5_000))
        #expect(TestCluster.log(cluster, on: 1).records.map(\.value) == ["r0", "r1", "r2", "n0", "n1"])
        #expect(TestCluster.partition(cluster).isr.contains(1))
        #expect(cluster.lostOffsets(of: TestCluster.tp) == [3])
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }
}

@Suite struct QuickRestartTests {
    /// Kafka: `ClusterControlManager.registerBroker` refuses a new incarnation while the old session is valid, so a
    /// quick restart has the timeline of a crash: leadership moves when the session expires, then it registers
    /// fenced and is unfenced at its next heartbeat.
    @Test func restartBeforeSessionExpiryWaitsForIt() throws {
        var cluster = TestCluster.make()
        TestCluster.produce(&cluster, 3)
        try cluster.apply(.crash, to: 1)
        cluster.advance(by: .milliseconds(1_000))
        try cluster.apply(.restart, to: 1)
        #expect(cluster.state(of: 1) == .restarting)
        #expect(TestCluster.partition(cluster).leader == 1)
        #expect(TestCluster.partition(cluster).leaderEpoch == 0)
        cluster.advance(by: .milliseconds(7_999) - cluster.now.sinceStart)
        #expect(TestCluster.partition(cluster).leader == 1, "the old session runs until 9 s")
        cluster.advance(by: .milliseconds(9_000) - cluster.now.sinceStart)
        #expect(TestCluster.partition(cluster).leader == 2)
        #expect(TestCluster.partition(cluster).leaderEpoch == 1)
        #expect(cluster.state(of: 1) == .up)
        #expect(cluster.engine.runtimes[1]?.isFenced == true, "registered, fenced until its next heartbeat")
        cluster.advance(by: .milliseconds(1_000))
        #expect(cluster.engine.runtimes[1]?.isFenced == false)
        cluster.advance(by: .milliseconds(1_000))
        #expect(TestCluster.partition(cluster).isr == [2, 3, 1])
        #expect(cluster.engine.eventLog.contains { $0.contains("DUPLICATE_BROKER_REGISTRATION") })
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }
}
