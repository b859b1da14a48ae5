/// A named producer's settings, with Kafka's names and current (≥ 3.0) defaults.
///
/// Kafka: `org.apache.kafka.clients.producer.ProducerConfig`, including
/// `postProcessAndValidateIdempotenceConfigs` (which settings idempotence needs, and when it is silently turned off).
public struct ProducerConfig: Hashable, Sendable {
    /// `acks` (default all since 3.0).
    public var acks: Acks = .all
    /// `enable.idempotence` (default true since 3.0).
    public var enableIdempotence = true
    /// `retries` (default `Integer.MAX_VALUE`).
    public var retries = Int(Int32.max)
    /// `request.timeout.ms` (default 30000).
    public var requestTimeout = SimulatedDuration.seconds(30)
    /// `delivery.timeout.ms` (default 120000).
    public var deliveryTimeout = SimulatedDuration.seconds(120)
    /// `max.in.flight.requests.per.connection` (default 5).
    public var maxInFlightRequestsPerConnection = 5
    /// `retry.backoff.ms` (default 100).
    public var retryBackoff = SimulatedDuration.milliseconds(100)
    /// `retry.backoff.max.ms` (default 1000, KIP-580).
    public var retryBackoffMax = SimulatedDuration.seconds(1)
    /// `batch.size` (default 16384): the most bytes per batch, and the sticky partitioner's switch point.
    public var batchSize = 16_384
    /// `linger.ms`: how long a new batch waits for more records before it may be sent, unless it fills up. Default
    /// 5 ms since Kafka 4.0 (KIP-1030), 0 before; `init(_:kafka:)` sets the release's default.
    public var linger = SimulatedDuration.milliseconds(5)
    /// The null-key partitioner: KIP-794's sticky one (default) or the pre-2.4 round robin.
    public var partitioner: NullKeyPartitioning = .sticky
    /// `metadata.max.age.ms` (default 300000): how old the producer's metadata may get before a full update.
    public var metadataMaxAge = SimulatedDuration.minutes(5)

    /// How records without a key and without a partition are spread.
    public enum NullKeyPartitioning: String, Hashable, Sendable {
        /// Kafka ≥ 3.3 `BuiltInPartitioner` (KIP-794).
        case sticky
        /// Kafka ≤ 2.3 `DefaultPartitioner`: round robin per record.
        case roundRobin = "round-robin"
    }

    /// The keys `producer <name> <key>=<value>` accepts (`ConfigDef`'s producer keys).
    public static var keys: [String] { ConfigDef.keys(of: .producer).map { $0.name } }

    /// Creates the defaults.
    public init() {}

    /// Builds a config from `key=value` settings as `KafkaProducer`'s constructor of the `kafka` release validates
    /// them; throws Kafka's `ConfigException` message.
    public init(_ settings: [String: String], kafka: KafkaVersion = .newest) throws(KafkaError) {
        linger = kafka.behaviour.producerDefaultLinger
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            try set(key, value)
        }
        let idempotenceSet = settings["enable.idempotence"] != nil
        if enableIdempotence {
            // Kafka: ProducerConfig.postProcessAndValidateIdempotenceConfigs.
            func conflict(_ message: String) throws(KafkaError) {
                guard idempotenceSet else {
                    enableIdempotence = false
                    return
                }
                throw KafkaError("ConfigException", message)
            }
            if maxInFlightRequestsPerConnection > 5 {
                // Kafka 4.0 (KAFKA-17927, PR 17717): an error even with idempotence left at its default; before,
                // idempotence was disabled with a warning ("in v4.0.0 and onward, this will become an error").
                if kafka.behaviour.producerRejectsInFlightAboveFive {
                    throw KafkaError(
                        "ConfigException",
                        "To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is \(maxInFlightRequestsPerConnection)."
                    )
                }
                try conflict(
                    "To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is \(maxInFlightRequestsPerConnection)."
                )
            }
            if retries == 0 {
                try conflict("Must set retries to non-zero when using the idempotent producer.")
            }
            if acks != .all {
                try conflict(
                    "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence."
                )
            }
        }
        if deliveryTimeout < linger + requestTimeout {
            // Kafka: KafkaProducer.configureDeliveryTimeout (only when delivery.timeout.ms was set by the user).
            guard settings["delivery.timeout.ms"] == nil else {
                throw KafkaError(
                    "ConfigException",
                    "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms")
            }
            deliveryTimeout = linger + requestTimeout
        }
    }

    private mutating func set(_ key: String, _ value: String) throws(KafkaError) {
        guard let config = ConfigDef.key(key, of: .producer) else {
            throw KafkaError("ConfigException", "Unknown producer config name: \(key)")
        }
        if let problem = config.validate(value) { throw KafkaError("ConfigException", problem) }
        let number = Int(Int64(value) ?? 0)
        switch key {
        case "acks": acks = value == "0" ? .none : value == "1" ? .leader : .all
        case "enable.idempotence": enableIdempotence = value.lowercased() == "true"
        case "retries": retries = number
        case "request.timeout.ms": requestTimeout = .milliseconds(Int64(number))
        case "delivery.timeout.ms": deliveryTimeout = .milliseconds(Int64(number))
        case "max.in.flight.requests.per.connection": maxInFlightRequestsPerConnection = number
        case "retry.backoff.ms": retryBackoff = .milliseconds(Int64(number))
        case "retry.backoff.max.ms": retryBackoffMax = .milliseconds(Int64(number))
        case "batch.size": batchSize = max(1, number)
        case "linger.ms": linger = .milliseconds(Int64(number))
        case "metadata.max.age.ms": metadataMaxAge = .milliseconds(Int64(number))
        case "partitioner": partitioner = NullKeyPartitioning(rawValue: value) ?? .sticky
        default: preconditionFailure("producer config \(key) is in ConfigDef but not read by ProducerConfig")
        }
    }

    /// The wait before retry number `attempt` (1 for the first retry): `retry.backoff.ms · 2^(attempt−1)`, capped at
    /// `retry.backoff.max.ms`.
    ///
    /// Kafka: `RecordAccumulator.batchReady` → `ExponentialBackoff.backoff(attempts − 1)` (KIP-580), without its ±20 %
    /// jitter, which would need a random draw per retry.
    public func retryBackoff(attempt: Int) -> SimulatedDuration {
        var backoff = retryBackoff
        for _ in 1..<max(1, attempt) where backoff < retryBackoffMax { backoff = backoff * 2 }
        return max(.zero, min(backoff, max(retryBackoff, retryBackoffMax)))
    }
}
