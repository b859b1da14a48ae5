/// The partition of a keyed record, as Kafka's producer computes it when no partition is given.
///
/// Kafka: `BuiltInPartitioner.partitionForKey` (called from `KafkaProducer.partition`); before 3.3 the same formula
/// lived in `DefaultPartitioner.partition`.
public enum DefaultPartitioner {
    /// `toPositive(murmur2(keyBytes)) % partitionCount`, where `partitionCount` counts **all** partitions of the topic,
    /// leaderless ones included.
    public static func partition(forKeyBytes keyBytes: some Collection<UInt8>, partitionCount: Int) -> Int {
        precondition(partitionCount > 0, "a topic has at least one partition")
        return Int(Murmur2.toPositive(Murmur2.hash(keyBytes))) % partitionCount
    }

    /// The partition of a record whose key is `key` serialized as UTF-8 (Kafka's `StringSerializer`).
    ///
    /// An empty key is not a null key: it is hashed like any other.
    public static func partition(forKey key: String, partitionCount: Int) -> Int {
        partition(forKeyBytes: key.utf8, partitionCount: partitionCount)
    }
}
