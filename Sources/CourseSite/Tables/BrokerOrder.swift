import Replication

/// A cluster's brokers in display order (`Cluster.brokersInDisplayOrder`: the rack-alternated list, worked out with
/// a placement of its own), kept while the brokers stay the same: a scenario's steps mostly share their brokers, and
/// the picture and the broker table of each step list them.
struct BrokerOrder {
    /// The brokers the order is of, and the order.
    private var kept: (brokers: [BrokerID: Broker], order: [Broker])?

    /// `cluster.brokersInDisplayOrder`.
    mutating func brokers(of cluster: Cluster) -> [Broker] {
        if let kept, kept.brokers == cluster.brokers { return kept.order }
        let order = cluster.brokersInDisplayOrder
        kept = (cluster.brokers, order)
        return order
    }
}
