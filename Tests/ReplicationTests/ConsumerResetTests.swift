import Testing

@testable import Replication

/// `auto.offset.reset` against a leader whose high watermark lags behind the start of its epoch (KIP-207): the
/// latest offset is not available until the HW reaches the epoch's start, so a consumer never starts below records
/// the previous leader had already exposed.
@Suite struct ConsumerResetTests {
    static let tp = TopicPartition("t", 0)

    /// Brokers 1–3, topic `t` (one partition, RF 3, `min.insync.replicas=2`), no records.
    static func cluster() throws -> Cluster {
        var cluster = Cluster(seed: 7)
        for id in 1...3 { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic(
            "t", partitions: 1, replicationFactor: 3, placement: .roundRobin(startIndex: 0),
            configs: ["min.insync.replicas": "2"])
        return cluster
    }

    static func latest() -> JoinOptions {
        var options = JoinOptions(topics: ["t"])
        options.autoCommit = false
        return options
    }

    /// Kafka: `PartitionTest.testMonotonicOffsetsAfterLeaderChange` — five records on the leader, HW 2; the leader
    /// becomes a follower and leader again, so its epoch starts at offset 5 with its HW still 2: a client's
    /// `LATEST_TIMESTAMP` fails with `OFFSET_NOT_AVAILABLE`, `EARLIEST_TIMESTAMP` answers 0, and once the followers
    /// fetch up to 5 the latest offset is 5.
    @Test func latestIsNotAvailableWhileTheHighWatermarkLagsTheEpochStart() throws {
        var cluster = try Self.cluster()
        var state = try #require(cluster.partition(Self.tp))
        let records = (0..<5).map { Record(offset: Int64($0), leaderEpoch: 0, value: "v\($0)") }
        var leaderLog = ReplicaLog()
        leaderLog.append(records)
        leaderLog.highWatermark = 2
        state.logs[1] = leaderLog
        cluster.topics["t"]?.partitions[0] = state
        #expect(cluster.resetPosition(of: try #require(cluster.partition(Self.tp)), toEarliest: false).offset == 2)

        // Follower, then leader again: the epoch starts at the log end, 5.
        state = try #require(cluster.partition(Self.tp))
        state.leaderEpoch += 2
        cluster.topics["t"]?.partitions[0] = state
        cluster.becomeLeader(Self.tp, wasLeader: false)
        let lagging = try #require(cluster.partition(Self.tp))
        #expect(lagging.leaderEpochStartOffset == 5)
        #expect(lagging.highWatermark == 2)
        let latest = cluster.resetPosition(of: lagging, toEarliest: false)
        #expect(latest.offset == nil)
        #expect(latest.failure?.hasPrefix("OFFSET_NOT_AVAILABLE from leader 1") == true)
        #expect(cluster.resetPosition(of: lagging, toEarliest: true).offset == 0, "EARLIEST skips the check")

        // The followers fetch up to 5: the HW reaches the epoch's start, and the error goes away.
        state = lagging
        state.logs[1]?.highWatermark = 5
        cluster.topics["t"]?.partitions[0] = state
        let caughtUp = try #require(cluster.partition(Self.tp))
        #expect(cluster.resetPosition(of: caughtUp, toEarliest: false).offset == 5)
    }

    /// Through the engine: five acks=all records, follower 3 stalls, leader 1 crashes. Broker 2 leads from offset 5
    /// with its follower HW behind, and with 3 stalled (then out of the ISR, below min ISR) the HW cannot move, so a
    /// new consumer with the default `auto.offset.reset=latest` gets no position and reads nothing; it does not start
    /// below the five records. Once 3 resumes and catches up, the consumer starts at 5 and reads only what follows.
    @Test func aNewConsumerWaitsForTheNewLeadersHighWatermark() throws {
        var cluster = try Self.cluster()
        cluster.advance(by: .seconds(1))
        _ = try cluster.produceAndWait(to: Self.tp, values: (0..<5).map { "r\($0)" }, acks: .all)
        try cluster.apply(.stall, to: 3)
        try cluster.apply(.crash, to: 1)
        cluster.advance(by: .seconds(40))
        let state = try #require(cluster.partition(Self.tp))
        #expect(state.leader == 2)
        #expect(state.leaderEpochStartOffset == 5)
        #expect(state.highWatermark < 5, "the new leader's HW is the one it had as a follower")

        try cluster.join(group: "g", member: "c1", options: Self.latest())
        #expect(try cluster.poll(group: "g", member: "c1").isEmpty)
        #expect(cluster.engine.groups["g"]?.member(named: "c1")?.positions[Self.tp] == nil, "no position yet")
        #expect(cluster.engine.eventLog.last?.contains("c1 cannot reset t-0 yet: OFFSET_NOT_AVAILABLE") == true)

        try cluster.apply(.resume, to: 3)
        cluster.advance(by: .seconds(5))
        #expect(try #require(cluster.partition(Self.tp)).highWatermark == 5)
        #expect(try cluster.poll(group: "g", member: "c1").isEmpty)
        #expect(cluster.engine.groups["g"]?.member(named: "c1")?.positions[Self.tp] == 5)
        _ = try cluster.produceAndWait(to: Self.tp, values: ["r5"], acks: .all)
        #expect(try cluster.poll(group: "g", member: "c1").map(\.value) == ["r5"])
    }

    /// A leader that is gone cannot answer `ListOffsets`: the reset waits (both policies) instead of starting from
    /// the dead leader's high watermark.
    @Test func aCrashedLeaderLeavesTheResetPending() throws {
        var cluster = try Self.cluster()
        cluster.advance(by: .seconds(1))
        _ = try cluster.produceAndWait(to: Self.tp, values: ["a", "b"], acks: .all)
        try cluster.apply(.crash, to: 1)
        let state = try #require(cluster.partition(Self.tp))
        #expect(state.leader == 1, "the controller has not noticed yet")
        for earliest in [false, true] {
            let reset = cluster.resetPosition(of: state, toEarliest: earliest)
            #expect(reset.offset == nil)
            #expect(reset.failure?.hasPrefix("no reachable leader") == true)
        }
    }
}
