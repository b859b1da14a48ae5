/// Versions that a verified site records, so a reader can tell which build verified what.
public enum ReplicaLabVersion {
    /// ReplicaLab's own version.
    public static let current = "0.1.0"
    /// The Kafka behaviour the engine models.
    public static let kafkaSemantics = "Kafka 4.x (KRaft), AdminUtils placement as in 3.x"
}
