import Testing

@testable import Replication

/// A producer's metadata and the isolated leader that keeps taking acks=1 writes.
///
/// Kafka: a KRaft broker cut off from the quorum does not fence itself (`Partition.appendRecordsToLeader` goes on
/// appending while it is leader in its own state), and a producer sends to the leader its metadata names until an
/// update: requested by a disconnect, a timeout or an `InvalidMetadataException` (`Sender.completeBatch`,
/// `NetworkClient.handleServerDisconnect`), or `metadata.max.age.ms` after the last full update
/// (`Metadata.timeToNextUpdate`). A successful acks=1 answer requests nothing.
@Suite struct ProducerMetadataTests {
    let tp = TestCluster.tp

    /// Kafka: MetadataTest.testTimeToNextUpdate (`checkTimeToNextUpdate`) — after an update the next is due
    /// `metadataExpireMs` later; a requested update is due at once (the refresh backoff is not modelled); updating
    /// again resets it; once the age has passed it is due.
    @Test(arguments: [Int64(1_000), 100, 0])
    func timeToNextUpdate(_ expireMs: Int64) {
        let now = SimulatedInstant.milliseconds(10_000)
        var metadata = ProducerMetadata(maxAge: .milliseconds(expireMs))
        #expect(metadata.isUpdateDue(at: now), "before the first update")
        metadata.update(at: now, leaders: [:])
        #expect(metadata.isUpdateDue(at: now) == (expireMs == 0))
        metadata.requestUpdate()
        #expect(metadata.isUpdateDue(at: now))
        metadata.update(at: now, leaders: [:])
        #expect(metadata.isUpdateDue(at: now) == (expireMs == 0))
        #expect(metadata.isUpdateDue(at: now + .milliseconds(expireMs)))
        #expect(metadata.isUpdateDue(at: now + .milliseconds(expireMs + 1)))
    }

    /// Kafka: MetadataTest.testPartialMetadataUpdate — a new topic is a partial update and leaves the age alone
    /// (`Metadata.update` sets `lastSuccessfulRefreshMs` only for full updates).
    @Test func partialUpdateForANewTopicKeepsTheAge() {
        var metadata = ProducerMetadata(maxAge: .milliseconds(1_000))
        metadata.update(at: .start, leaders: [:])
        metadata.learn([TopicPartition("topic", 0): .init(broker: 1, epoch: 0)])
        #expect(metadata.leaders[TopicPartition("topic", 0)]?.broker == 1)
        #expect(metadata.lastRefresh == .start)
        #expect(metadata.isUpdateDue(at: .milliseconds(1_000)))
    }

    /// An update that only waited for the age happened when the age ran out: the next one is due an age later.
    @Test func ageBasedUpdatesKeepTheirGrid() {
        var metadata = ProducerMetadata(maxAge: .minutes(5))
        metadata.update(at: .start, leaders: [:])
        metadata.update(at: .milliseconds(700_000), leaders: [:])
        #expect(metadata.lastRefresh == .milliseconds(600_000))
        #expect(!metadata.isUpdateDue(at: .milliseconds(899_999)))
        #expect(metadata.isUpdateDue(at: .milliseconds(900_000)))
    }

    /// The isolated leader keeps taking acks=1 writes after the controller replaced it; they are acknowledged and
    /// lost when it heals and truncates to the new leader's log.
    @Test func isolatedLeaderKeepsTakingAcksOneWrites() throws {
        var cluster = TestCluster.make()
        TestCluster.produce(&cluster, 3)
        try cluster.apply(.isolate, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        #expect(TestCluster.partition(cluster).leader == 2)
        let stale = TestCluster.produce(&cluster, 2, prefix: "s", acks: .leader, first: 3)
        #expect(stale.leader == 1 && stale.leaderEpoch == 0 && stale.isServedByFormerLeader)
        #expect(stale.outcome == .success(baseOffset: 3, count: 2))
        let again = TestCluster.produce(&cluster, 1, prefix: "s", acks: .leader, first: 5)
        #expect(again.leader == 1, "a successful answer requests no metadata update")
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 6)
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 3)
        try cluster.apply(.heal, to: 1)
        cluster.advance(by: .milliseconds(5_000))
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 3)
        #expect(cluster.lostOffsets(of: tp) == [3, 4, 5])
        #expect(
            cluster.engine.eventLog.contains { $0.contains("records lost at offsets 3..5 (acknowledged by broker 1") })
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    /// `metadata.max.age.ms` ends the window: a producer whose metadata is older goes to the new leader.
    @Test func metadataMaxAgeEndsTheWindow() throws {
        var cluster = TestCluster.make()
        var settings = ["acks": "1", "enable.idempotence": "false"]
        try cluster.createProducer("old", config: ProducerConfig(settings))
        settings["metadata.max.age.ms"] = "5000"
        try cluster.createProducer("young", config: ProducerConfig(settings))
        for name in ["old", "young"] { _ = try cluster.sendAndWait(producer: name, topic: "t", values: ["a"]) }
        try cluster.apply(.isolate, to: 1)
        cluster.advance(by: .milliseconds(10_000))
        let old = try cluster.sendAndWait(producer: "old", topic: "t", values: ["o"])
        let young = try cluster.sendAndWait(producer: "young", topic: "t", values: ["y"])
        #expect(Self.leader(of: old, in: cluster) == 1)
        #expect(Self.leader(of: young, in: cluster) == 2)
        #expect(cluster.engine.producer(named: "young")?.metadata.lastRefresh == .milliseconds(10_000))
        cluster.advance(by: .minutes(5))
        let later = try cluster.sendAndWait(producer: "old", topic: "t", values: ["l"])
        #expect(Self.leader(of: later, in: cluster) == 2)
    }

    /// The broker the last request of a one-batch send went to.
    static func leader(of batches: [ProducerBatch], in cluster: Cluster) -> BrokerID? {
        guard let batch = batches.first else { return nil }
        return cluster.engine.requests.values.last { $0.batchID == batch.id }?.leader
    }

    /// Kafka: SenderTest.testWhenProduceResponseReturnsWithALeaderShipChangeErrorButNoNewLeaderInformation —
    /// NOT_LEADER_OR_FOLLOWER requests a metadata update (`metadata.updateRequested()`); a successful answer does not.
    @Test func notLeaderOrFollowerRequestsAnUpdate() throws {
        var cluster = TestCluster.make()
        _ = try cluster.produceAndWait(to: tp, values: ["ok"], acks: .all)
        #expect(!cluster.engine.defaultProducerMetadata.isUpdateRequested)
        try cluster.apply(.stall, to: 3)
        try cluster.apply(.stall, to: 2)
        let id = try cluster.produce(to: tp, values: ["x"], acks: .all)
        try cluster.apply(.shutdown, to: 1)
        #expect(cluster.engine.requests[id]?.outcome == .failure(.notLeaderOrFollower))
        #expect(cluster.engine.defaultProducerMetadata.isUpdateRequested)
    }
}
