@testable import Replication

/// Builders and probes shared by the engine tests.
enum TestCluster {
    static let tp = TopicPartition("t", 0)

    /// Brokers `ids`, topic `t` with one partition whose replicas are `ids` in order (leader = first).
    static func make(
        brokers ids: [BrokerID] = [1, 2, 3], minIsr: Int = 2, unclean: Bool = false, startIndex: Int = 0,
        kafka: KafkaVersion = .newest
    ) -> Cluster {
        var cluster = Cluster(seed: 1, kafka: kafka)
        for id in ids { try! cluster.addBroker(Broker(id: id)) }
        var configs = ["min.insync.replicas": String(minIsr)]
        if unclean { configs["unclean.leader.election.enable"] = "true" }
        try! cluster.createTopic(
            "t", partitions: 1, replicationFactor: ids.count, placement: .roundRobin(startIndex: startIndex),
            configs: configs)
        return cluster
    }

    /// Produces `count` records with acks=all and waits; returns the request.
    @discardableResult
    static func produce(
        _ cluster: inout Cluster, _ count: Int, prefix: String = "r", acks: Acks = .all, first: Int = 0
    ) -> ProduceRequest {
        try! cluster.produceAndWait(to: tp, values: (first..<(first + count)).map { "\(prefix)\($0)" }, acks: acks)
    }

    /// Advances in `step` increments until `condition` holds; returns the time it first held, or nil.
    static func advance(
        _ cluster: inout Cluster, upTo limit: Int64, step: Int64 = 100, until condition: (Cluster) -> Bool
    ) -> SimulatedInstant? {
        let end = cluster.now + .milliseconds(limit)
        while cluster.now < end {
            cluster.advance(by: .milliseconds(step))
            if condition(cluster) { return cluster.now }
        }
        return nil
    }

    static func partition(_ cluster: Cluster) -> PartitionState { cluster.partition(tp)! }

    static func log(_ cluster: Cluster, on broker: BrokerID) -> ReplicaLog { partition(cluster).logs[broker]! }
}
