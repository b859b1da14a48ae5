import Testing

@testable import Replication

/// The `replication.partition_isr_hw` vectors (Kafka: PartitionTest), replayed on the engine's leader logic.
@Suite struct HighWatermarkTests {
    static let tp = TopicPartition("t", 0)

    /// Brokers 101…, replicas in order, ISR `isr`, `records` records of epoch `recordEpoch` on every replica.
    static func make(
        replicas: [BrokerID], isr: [BrokerID], minIsr: Int = 1, records: Int, recordEpoch: Int = 0, leaderEpoch: Int = 0
    ) -> Cluster {
        var cluster = Cluster(seed: 1)
        for id in replicas { try! cluster.addBroker(Broker(id: id)) }
        try! cluster.createTopic(
            "t", partitions: 1, replicationFactor: replicas.count, placement: .roundRobin(startIndex: 0),
            configs: ["min.insync.replicas": String(minIsr)])
        var state = cluster.partition(tp)!
        let batch = (0..<records).map { Record(offset: Int64($0), leaderEpoch: recordEpoch, value: "v\($0)") }
        for id in replicas {
            var log = ReplicaLog()
            log.append(batch)
            state.logs[id] = log
        }
        state.isr = isr
        state.leaderEpoch = leaderEpoch
        cluster.topics["t"]!.partitions[0] = state
        cluster.becomeLeader(tp, wasLeader: false)
        return cluster
    }

    /// One follower fetch, handled and answered in the same instant (the vectors do not depend on timing).
    static func fetch(_ cluster: inout Cluster, from follower: BrokerID) {
        let leader = cluster.partition(tp)!.leader!
        let response = cluster.handleFetch(tp, follower: follower, leader: leader)
        cluster.receive(response, follower: follower)
    }

    @Test func vectorsCoveredHereExist() throws {
        let names = try ReplicationVectors.partitionIsrHighWatermarkNames()
        #expect(names.contains("HW does not advance while ISR < min.insync.replicas (Kafka >= 3.7)"))
        #expect(names.contains("HW and caught-up out-of-ISR replica"))
    }

    @Test func highWatermarkFrozenUnderMinIsr() {
        var cluster = Self.make(replicas: [101, 102, 103], isr: [101, 102], minIsr: 3, records: 10, leaderEpoch: 5)
        #expect(cluster.partition(Self.tp)!.highWatermark == 0)
        Self.fetch(&cluster, from: 102)
        #expect(cluster.partition(Self.tp)!.highWatermark == 0)
        Self.fetch(&cluster, from: 103)
        #expect(cluster.partition(Self.tp)!.isr == [101, 102, 103])
        #expect(cluster.partition(Self.tp)!.highWatermark == 10)
    }

    @Test(arguments: [("unfenced", 10), ("fenced", 20), ("shutdown", 20)])
    func caughtUpFollowerOutsideIsrHoldsHighWatermark(state: String, expected: Int) {
        var cluster = Self.make(replicas: [101, 102], isr: [101, 102], records: 10)
        Self.fetch(&cluster, from: 102)
        #expect(cluster.partition(Self.tp)!.highWatermark == 10)
        var log = cluster.partition(Self.tp)!.logs[101]!
        log.append((10..<20).map { Record(offset: $0, leaderEpoch: 0, value: "w\($0)") })
        cluster.topics["t"]!.partitions[0].logs[101] = log
        cluster.topics["t"]!.partitions[0].isr = [101]
        if state == "fenced" { cluster.engine.runtimes[102]?.isFenced = true }
        if state == "shutdown" { cluster.engine.runtimes[102]?.state = .shutDown }
        cluster.maybeIncrementLeaderHighWatermark(Self.tp)
        #expect(cluster.partition(Self.tp)!.highWatermark == expected)
    }

    @Test func expansionNeedsAnOffsetOfTheCurrentEpoch() {
        var cluster = Self.make(replicas: [101, 102], isr: [101], records: 10, recordEpoch: 4, leaderEpoch: 5)
        #expect(cluster.partition(Self.tp)!.leaderEpochStartOffset == 10)
        #expect(cluster.partition(Self.tp)!.highWatermark == 10)
        cluster.topics["t"]!.partitions[0].logs[102]!.truncate(to: 3)
        Self.fetch(&cluster, from: 102)
        #expect(cluster.partition(Self.tp)!.isr == [101], "LEO 3 is below HW and the epoch start")
        Self.fetch(&cluster, from: 102)
        #expect(cluster.partition(Self.tp)!.isr == [101, 102])
    }
}
