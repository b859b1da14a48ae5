/// Versions that a verified site records, so a reader can tell which build verified what.
public enum ReplicaLabVersion {
    /// ReplicaLab's own version.
    public static let current = "0.1.0"
    /// The Kafka behaviour the engine models.
    public static let kafkaSemantics =
        "Kafka 3.6–4.1 KRaft (4.1 with eligible leader replicas on); classic AdminUtils placement as in ZooKeeper mode"
}
