import Testing

@testable import Replication

/// docs/kafka-scenarios.md S10 and the classic group protocol: crash, session timeout, rebalance, at-least-once redelivery,
/// the describe views, and partitioning on the produce path.
@Suite struct ConsumerGroupTests {
    /// Topic `t` with `partitions` partitions on brokers 1..3, HW `records` on each.
    static func cluster(partitions: Int = 4, records: Int = 100) -> Cluster {
        var cluster = Cluster(seed: 7)
        for id in 1...3 { try! cluster.addBroker(Broker(id: id)) }
        try! cluster.createTopic(
            "t", partitions: partitions, replicationFactor: 3, placement: .roundRobin(startIndex: 0))
        for index in 0..<partitions where records > 0 {
            _ = try! cluster.produceAndWait(
                to: TopicPartition("t", index), values: (0..<records).map { "p\(index)-\($0)" }, acks: .all)
        }
        return cluster
    }

    static func manual(_ topics: [String] = ["t"]) -> JoinOptions {
        var options = JoinOptions(topics: topics)
        options.autoCommit = false
        options.resetToEarliest = true
        return options
    }

    @Test func s10CrashRebalanceRedeliversFromTheLastCommit() throws {
        var cluster = Self.cluster()
        try cluster.join(group: "g", member: "c1", options: Self.manual())
        try cluster.join(group: "g", member: "c2", options: Self.manual())
        let group = try #require(cluster.engine.groups["g"])
        #expect(group.member(named: "c1")?.assignment == [TopicPartition("t", 0), TopicPartition("t", 1)])
        #expect(group.member(named: "c2")?.assignment == [TopicPartition("t", 2), TopicPartition("t", 3)])
        #expect(try cluster.poll(group: "g", member: "c1", max: 50).map(\.offset) == Array(0..<50))
        try cluster.commit(group: "g", member: "c1")
        #expect(try cluster.poll(group: "g", member: "c1", max: 8).map(\.offset) == Array(50..<58))
        try cluster.crashConsumer(group: "g", member: "c1")
        cluster.advance(by: .milliseconds(44_000))
        #expect(cluster.engine.groups["g"]?.state == .stable, "still Stable with c1 listed")
        let c1 = try #require(cluster.engine.groups["g"]?.member(named: "c1")?.memberID)
        let row = ConsumerGroupDescription(cluster: cluster, group: "g").lines.first {
            $0.hasPrefix("g ") && $0.contains(" c1")
        }
        #expect(
            row?.split(separator: " ").map(String.init) == ["g", "t", "0", "50", "100", "50", c1, "/127.0.0.1", "c1"])
        cluster.advance(by: .milliseconds(1_000))
        #expect(cluster.engine.groups["g"]?.members.map(\.clientID) == ["c2"], "expelled after session.timeout.ms")
        #expect(cluster.engine.groups["g"]?.member(named: "c2")?.assignment.count == 4)
        let redelivered = try cluster.poll(group: "g", member: "c2", max: 8)
        #expect(redelivered.map(\.offset) == Array(50..<58), "8 duplicates, nothing skipped")
        #expect(redelivered.allSatisfy { $0.partition == TopicPartition("t", 0) })
        _ = try cluster.poll(group: "g", member: "c2", max: 10_000)
        try cluster.commit(group: "g", member: "c2")
        let lags = ConsumerGroupDescription(cluster: cluster, group: "g").lines.dropFirst(2)
            .map { $0.split(separator: " ").map(String.init)[5] }
        #expect(lags == ["0", "0", "0", "0"])
    }

    @Test func rebalanceWaitsForACrashedMemberAndDescribeSaysSo() throws {
        var cluster = Self.cluster()
        try cluster.join(group: "g", member: "c1", options: Self.manual())
        try cluster.crashConsumer(group: "g", member: "c1")
        try cluster.join(group: "g", member: "c2", options: Self.manual())
        #expect(cluster.engine.groups["g"]?.state == .preparingRebalance)
        #expect(try cluster.poll(group: "g", member: "c2").isEmpty, "c2 waits in JoinGroup")
        #expect(throws: KafkaError.self) { try cluster.commit(group: "g", member: "c2") }
        let lines = ConsumerGroupDescription(cluster: cluster, group: "g").lines
        #expect(lines.prefix(2) == ["", "Warning: Consumer group 'g' is rebalancing."])
        cluster.advance(by: .milliseconds(45_000))
        #expect(cluster.engine.groups["g"]?.state == .stable)
    }

    @Test func emptyGroupAndUnknownGroupMessages() throws {
        var cluster = Self.cluster()
        try cluster.join(group: "g", member: "c1", options: Self.manual())
        _ = try cluster.poll(group: "g", member: "c1", max: 3)
        try cluster.commit(group: "g", member: "c1")
        try cluster.leave(group: "g", member: "c1")
        let lines = ConsumerGroupDescription(cluster: cluster, group: "g").lines
        #expect(lines.prefix(2) == ["", "Consumer group 'g' has no active members."])
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "g               t               0          3               100             97              -")
            })
        #expect(
            ConsumerGroupDescription(cluster: cluster, group: "nope").lines
                == ["", "Error: Consumer group 'nope' does not exist."])
        let state = ConsumerGroupDescription(cluster: cluster, group: "g", view: .state).lines
        // Kafka: ConsumerGroupCommand.printStates widths (the first column as wide as the coordinator column), and no
        // protocol for a group that is not Stable.
        let widths = [25, 25, 20, 15]
        let expected = zip(["g", "broker1:9092  (1)", "", "Empty"], widths).map { value, width in
            value + String(repeating: " ", count: width - value.count)
        }
        #expect(state.last == (expected + ["0"]).joined(separator: " "))
    }

    @Test func newGroupWithLatestStartsAtTheHighWatermark() throws {
        var cluster = Self.cluster(partitions: 1, records: 10)
        try cluster.join(group: "g", member: "c1", options: JoinOptions(topics: ["t"]))
        #expect(try cluster.poll(group: "g", member: "c1").isEmpty)
        _ = try cluster.produceAndWait(to: TopicPartition("t", 0), values: ["new"], acks: .all)
        #expect(try cluster.poll(group: "g", member: "c1").map(\.value) == ["new"])
    }

    @Test func autoCommitCommitsThePreviousPollOnly() throws {
        var cluster = Self.cluster(partitions: 1, records: 30)
        var options = JoinOptions(topics: ["t"])
        options.resetToEarliest = true
        try cluster.join(group: "g", member: "c1", options: options)
        _ = try cluster.poll(group: "g", member: "c1", max: 10)
        cluster.advance(by: .milliseconds(5_000))
        _ = try cluster.poll(group: "g", member: "c1", max: 10)
        #expect(cluster.engine.groups["g"]?.committed[TopicPartition("t", 0)] == 10, "the previous poll's position")
        try cluster.crashConsumer(group: "g", member: "c1")
        cluster.advance(by: .milliseconds(46_000))
        try cluster.join(group: "g", member: "c2", options: options)
        #expect(try cluster.poll(group: "g", member: "c2", max: 10).first?.offset == 10, "records 10..19 again")
    }

    @Test func cooperativeStickyKeepsPartitionsAcrossAJoin() throws {
        var cluster = Self.cluster(partitions: 4, records: 1)
        var options = Self.manual()
        options.assignor = "cooperative-sticky"
        try cluster.join(group: "g", member: "c1", options: options)
        try cluster.join(group: "g", member: "c2", options: options)
        let group = try #require(cluster.engine.groups["g"])
        #expect(group.member(named: "c1")!.assignment.count == 2)
        #expect(group.member(named: "c2")!.assignment.count == 2)
        #expect(group.generation == 3, "one rebalance to revoke, a second to assign")
        var mismatch = Self.manual()
        mismatch.assignor = "range"
        #expect(throws: KafkaError.self) { try cluster.join(group: "g", member: "c3", options: mismatch) }
    }

    static let rackAwareSelector = "org.apache.kafka.common.replica.RackAwareReplicaSelector"

    /// Kafka: `ReplicaManagerTest.testDefaultReplicaSelector` — without `replica.selector.class` (default null) there
    /// is no selector, `findPreferredReadReplica` gives none, and a consumer in a follower's rack reads from the leader.
    @Test func withoutAReplicaSelectorEveryConsumerReadsFromTheLeader() throws {
        var cluster = Cluster(seed: 1)
        for id in 1...3 { try cluster.addBroker(Broker(id: id, rack: "R\(id)")) }
        try cluster.createTopic("t", partitions: 1, replicationFactor: 3, placement: .roundRobin(startIndex: 0))
        let tp = TopicPartition("t", 0)
        _ = try cluster.produceAndWait(to: tp, values: ["a", "b"], acks: .all)
        cluster.advance(by: .milliseconds(600))
        #expect(cluster.preferredReadReplica(tp, rack: "R3") == 1)
        #expect(cluster.consume(topic: "t", rack: "R3").allSatisfy { $0.replica == 1 })
    }

    /// Kafka: `ReplicaManagerTest.testPreferredReplicaAsLeaderWhenSameRackFollowerIsOutOfIsr` — with the rack-aware
    /// selector, a same-rack follower outside the ISR is not chosen: the leader serves.
    @Test func sameRackFollowerOutOfTheIsrIsNotPreferred() throws {
        var cluster = Cluster(seed: 1)
        for id in 1...3 { try cluster.addBroker(Broker(id: id, rack: "R\(id)")) }
        try cluster.setStartupConfig("replica.selector.class", Self.rackAwareSelector)
        try cluster.createTopic("t", partitions: 1, replicationFactor: 3, placement: .roundRobin(startIndex: 0))
        let tp = TopicPartition("t", 0)
        _ = try cluster.produceAndWait(to: tp, values: ["a"], acks: .all)
        cluster.advance(by: .milliseconds(600))
        #expect(cluster.preferredReadReplica(tp, rack: "R3") == 3)
        try cluster.apply(.stall, to: 3)
        _ = try cluster.produce(to: tp, values: ["b"], acks: .leader)
        cluster.advance(by: .seconds(50))
        #expect(cluster.partition(tp)?.isr == [1, 2])
        #expect(cluster.preferredReadReplica(tp, rack: "R3") == 1)
    }

    @Test func followerFetchingReadsUpToTheFollowersHighWatermark() throws {
        var cluster = Cluster(seed: 1)
        for id in 1...3 { try cluster.addBroker(Broker(id: id, rack: "R\(id)")) }
        try cluster.setStartupConfig("replica.selector.class", Self.rackAwareSelector)
        try cluster.createTopic("t", partitions: 1, replicationFactor: 3, placement: .roundRobin(startIndex: 0))
        let tp = TopicPartition("t", 0)
        _ = try cluster.produceAndWait(to: tp, values: ["a", "b"], acks: .all)
        try cluster.apply(.slow(lag: .milliseconds(5_000)), to: 3)
        _ = try cluster.produce(to: tp, values: ["c"], acks: .leader)
        cluster.advance(by: .milliseconds(600))
        #expect(cluster.preferredReadReplica(tp, rack: "R3") == 3)
        let follower = cluster.partition(tp)!.logs[3]!.highWatermark
        let fromFollower = cluster.consume(topic: "t", rack: "R3")
        #expect(fromFollower.allSatisfy { $0.replica == 3 && $0.offset < follower })
        #expect(cluster.consume(topic: "t", rack: "R1").allSatisfy { $0.replica == 1 })
    }

    @Test(arguments: ["a", "b", "key-17", "", "orders-42", "ünïcode"])
    func keyedProduceLandsWhereMurmur2Says(key: String) throws {
        var cluster = Self.cluster(partitions: 6, records: 0)
        try cluster.createProducer("p", config: ProducerConfig())
        let expected = DefaultPartitioner.partition(forKey: key, partitionCount: 6)
        #expect(cluster.choosePartition(topic: "t", key: key, value: "v") == expected)
        let batch = try cluster.sendAndWait(producer: "p", topic: "t", key: key, values: ["v"])[0]
        #expect(batch.partition == TopicPartition("t", expected))
        #expect(cluster.partition(batch.partition)!.leaderLog!.records.map(\.key) == [key])
    }

    @Test func keyedPartitioningCountsLeaderlessPartitions() throws {
        var cluster = Self.cluster(partitions: 3, records: 0)
        for broker in 1...3 { try cluster.apply(.crash, to: broker) }
        cluster.advance(by: .milliseconds(10_000))
        #expect(
            cluster.choosePartition(topic: "t", key: "k", value: "v")
                == DefaultPartitioner.partition(forKey: "k", partitionCount: 3))
    }

    @Test func nullKeysStickToOnePartitionUntilBatchSize() throws {
        var cluster = Self.cluster(partitions: 4, records: 0)
        try cluster.createProducer("p", config: ProducerConfig(["batch.size": "100"]))
        let ids = try cluster.send(producer: "p", topic: "t", values: (0..<30).map { "value-\($0)" })
        let partitions = ids.map { cluster.engine.batches[$0]!.partition }
        #expect(Set(partitions).count > 1, "switches after batch.size bytes")
        #expect(ids.count < 30, "several records per batch")
        try cluster.createProducer("rr", config: ProducerConfig(["partitioner": "round-robin"]))
        let rr = try cluster.send(producer: "rr", topic: "t", values: (0..<4).map { "v\($0)" })
        #expect(Set(rr.map { cluster.engine.batches[$0]!.partition.partition }) == [0, 1, 2, 3], "one each")
    }
}
