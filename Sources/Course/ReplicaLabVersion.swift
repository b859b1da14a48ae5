/// Versions that a verified site records, so a reader can tell which build verified what.
public enum ReplicaLabVersion {
    /// ReplicaLab's own version.
    public static let current = "0.1.0"
    /// The Kafka behaviour the engine models.
    public static let kafkaSemantics =
        "Kafka 4.0 KRaft with eligible leader replicas off; classic AdminUtils placement as in ZooKeeper mode"
}
