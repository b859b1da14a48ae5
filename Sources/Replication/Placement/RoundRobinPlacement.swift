/// The course slides' simplified placement, kept so lessons can show the slide and then what Kafka really does.
///
/// Partition `p`'s leader sits at position `(p + startIndex) mod n` of the rack-alternated broker list (brokers by id
/// when no broker has a rack) and its followers at the next `replicationFactor - 1` positions. Unlike
/// `AdminUtils` there is no shift bump every `n` partitions, so partition `p` repeats partition `p mod n`.
public enum RoundRobinPlacement {
    /// Assigns `partitions` partitions numbered from `firstPartition`.
    public static func assign(
        _ brokers: [Broker], partitions: Int, replicationFactor: Int, startIndex: Int, firstPartition: Int
    ) throws(KafkaError) -> [[BrokerID]] {
        // The slides' tool takes the same checks as Kafka's classic placement.
        try AdminUtilsPlacement.validate(
            partitions: partitions, replicationFactor: replicationFactor, brokerCount: brokers.count)
        let list = Cluster.displayOrder(of: brokers).map { $0.id }
        let n = list.count
        return (firstPartition..<(firstPartition + partitions)).map { partition in
            (0..<replicationFactor).map { list[(partition + startIndex + $0) % n] }
        }
    }
}
