/// An error as Kafka reports it: the name from `org.apache.kafka.common.protocol.Errors` and Kafka's message.
///
/// Where Kafka throws an exception that has no protocol error code (e.g. `AdminOperationException` from
/// `AdminUtils`), `name` is the exception's class name.
public struct KafkaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error name as Kafka spells it (`INVALID_REPLICATION_FACTOR`, `NOT_ENOUGH_REPLICAS`, …).
    public var name: String
    /// Kafka's message for this occurrence.
    public var message: String

    /// Creates an error.
    public init(_ name: String, _ message: String) {
        self.name = name
        self.message = message
    }

    public var description: String { "\(name): \(message)" }

    /// The Java exception Kafka's clients raise for this error (`NOT_ENOUGH_REPLICAS` →
    /// `org.apache.kafka.common.errors.NotEnoughReplicasException`), as Kafka's tools print it.
    public var javaException: String {
        if name.hasSuffix("Exception") { return name }
        let camel = name.lowercased().split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return "org.apache.kafka.common.errors.\(camel)Exception"
    }

    // Errors.java names and the messages Kafka's code attaches to them.
    static func invalidPartitions(_ message: String) -> KafkaError { KafkaError("INVALID_PARTITIONS", message) }
    static func invalidReplicationFactor(_ message: String) -> KafkaError {
        KafkaError("INVALID_REPLICATION_FACTOR", message)
    }
    static func topicAlreadyExists(_ topic: String) -> KafkaError {
        KafkaError("TOPIC_ALREADY_EXISTS", "Topic '\(topic)' already exists.")
    }
    static func unknownTopicOrPartition(_ message: String) -> KafkaError {
        KafkaError("UNKNOWN_TOPIC_OR_PARTITION", message)
    }
    static func invalidTopic(_ message: String) -> KafkaError { KafkaError("INVALID_TOPIC_EXCEPTION", message) }
    static func invalidConfig(_ message: String) -> KafkaError { KafkaError("INVALID_CONFIG", message) }
    static func adminOperation(_ message: String) -> KafkaError { KafkaError("AdminOperationException", message) }
}
