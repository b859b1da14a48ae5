import Testing

@testable import Replication

/// The oracle checks only the partitions an event wrote (all of them when a broker starts or stops running): seeded
/// random schedules of faults and produces, on topics that lose data through unclean elections, find the same
/// findings with the same text in the same order, and leave the same event log and cluster, as checking every
/// partition after every event.
@Suite struct InvariantCheckerTests {
    static func makeCluster(seed: UInt64) -> Cluster {
        var cluster = Cluster(seed: seed)
        for id in 0..<6 { try! cluster.addBroker(Broker(id: id, rack: "R\(id * 2 / 6 + 1)")) }
        try! cluster.createTopic(
            "a", partitions: 4, replicationFactor: 3, placement: .adminUtils(startIndex: 0),
            configs: ["unclean.leader.election.enable": "true", "min.insync.replicas": "1"])
        try! cluster.createTopic(
            "b", partitions: 3, replicationFactor: 3, placement: .roundRobin(startIndex: 1),
            configs: ["min.insync.replicas": "2"])
        return cluster
    }

    @Test(arguments: 0..<24)
    func checkingTouchedPartitionsFindsWhatCheckingAllFinds(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        var touchedOnly = Self.makeCluster(seed: UInt64(seed))
        var everything = touchedOnly
        everything.engine.touched.checksEveryPartition = true
        var clusters = [touchedOnly, everything]
        var counter = 0
        for index in 0..<40 {
            IdleTimeTests.step(&clusters, &random, counter: &counter)
            (touchedOnly, everything) = (clusters[0], clusters[1])
            #expect(touchedOnly.findings == everything.findings, "step \(index)")
            #expect(touchedOnly.engine.eventLog == everything.engine.eventLog, "step \(index)")
            #expect(touchedOnly == everything, "step \(index): the clusters differ")
            if touchedOnly != everything { return }
        }
    }

    /// S7 of docs/kafka-scenarios.md on three partitions at once (the last ISR member dies, an empty replica is
    /// elected uncleanly): the data loss is found, with the same text at the same time, either way.
    @Test func uncleanElectionsAreFoundEitherWay() throws {
        var touchedOnly = Cluster(seed: 7, kafka: .v40)
        for id in 1...3 { try touchedOnly.addBroker(Broker(id: id)) }
        try touchedOnly.createTopic(
            "t", partitions: 3, replicationFactor: 3, placement: .adminUtils(startIndex: 0),
            configs: ["min.insync.replicas": "1"])
        var everything = touchedOnly
        everything.engine.touched.checksEveryPartition = true
        func run(_ cluster: inout Cluster) throws {
            func produce(_ prefix: String) {
                for partition in 0..<3 {
                    _ = try? cluster.produceAndWait(
                        to: TopicPartition("t", partition), values: (0..<5).map { "\(prefix)\($0)" }, acks: .all)
                }
            }
            for broker in [3, 2, 1] {
                produce("before-\(broker)-")
                cluster.advance(by: .seconds(1))
                try cluster.apply(.crash, to: broker)
                cluster.advance(by: .seconds(10))
            }
            try cluster.apply(.restart, to: 3)
            cluster.advance(by: .seconds(2))
            try cluster.setTopicConfig("t", "unclean.leader.election.enable", "true")
            cluster.advance(by: .seconds(300))
            try cluster.apply(.restart, to: 2)
            try cluster.apply(.restart, to: 1)
            cluster.advance(by: .seconds(30))
        }
        try run(&touchedOnly)
        try run(&everything)
        #expect(touchedOnly.findings.contains { $0.kind == .dataLoss })
        #expect(touchedOnly.findings == everything.findings)
        #expect(touchedOnly.engine.eventLog == everything.engine.eventLog)
        #expect(touchedOnly == everything)
    }
}
