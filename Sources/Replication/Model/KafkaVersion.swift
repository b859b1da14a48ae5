/// A Kafka release the engine models (`cluster … kafka=4.1`, lesson front matter `kafka: 4.1`).
///
/// Where releases behave differently the engine asks `behaviour`, never the version itself, so every difference
/// between versions is listed once, in `KafkaBehaviour.init(_:)`, with the Kafka source it was read from.
///
/// Cases are named by major and minor release: `v36` is Kafka 3.6, `v41` is Kafka 4.1.
public enum KafkaVersion: Int, Hashable, Sendable, CaseIterable, Comparable {
    case v36 = 306
    case v37 = 307
    case v38 = 308
    case v39 = 309
    case v40 = 400
    case v41 = 401

    /// The newest modelled release: what a cluster runs unless a scenario or lesson says otherwise.
    public static let newest = KafkaVersion.v41

    /// `3.6`, `4.1`.
    public var text: String { "\(rawValue / 100).\(rawValue % 100)" }

    /// The releases a user can name, as text (`3.6, 3.7, …`).
    public static var names: String { allCases.map { $0.text }.joined(separator: ", ") }

    /// Reads `3.6`, `3.6.2` or `4.1.0` (a patch release behaves as its minor release here).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isNumber = { (part: Substring) in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy(isNumber),
            let major = Int(parts[0]), let minor = Int(parts[1]), minor < 100,
            let version = KafkaVersion(rawValue: major * 100 + minor)
        else { return nil }
        self = version
    }

    /// What this release does where releases differ.
    public var behaviour: KafkaBehaviour { KafkaBehaviour(self) }

    public static func < (lhs: KafkaVersion, rhs: KafkaVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The behaviour switches that differ between modelled Kafka releases, all decided here.
///
/// Sources: the release branches and tags 3.6.0–3.9 of apache/kafka, and trunk of 2024-10-25 (1eb7644) for what
/// 4.0 and 4.1 share with it. The 4.0.0 and 4.1.0 tags were not available to check; where a 4.x rule comes from a
/// later pull request, its comment names it.
public struct KafkaBehaviour: Hashable, Sendable {
    /// The leader's high watermark does not advance while the ISR is smaller than the effective min ISR.
    ///
    /// Kafka 3.7+ (KAFKA-15583): `Partition.maybeIncrementLeaderHW` returns early when `isUnderMinIsr`; 3.6.0's
    /// `maybeIncrementLeaderHW` has no such check, so acks=1 writes become visible with the leader alone in the ISR.
    public var highWatermarkWaitsForMinIsr: Bool
    /// The effective min ISR is `min(min.insync.replicas, replica count)`.
    ///
    /// Kafka 3.7+: `Partition.effectiveMinIsr`; 3.6.0's `appendRecordsToLeader` compares with
    /// `min.insync.replicas` itself, so a topic whose min ISR exceeds its replicas rejects every acks=all write.
    public var effectiveMinIsrCappedByReplicas: Bool
    /// `kafka-topics --describe` prints `Elr:` and `LastKnownElr:` on every partition line.
    ///
    /// Kafka 3.8+: `TopicCommand.PartitionDescription.printDescription` (tools); 3.7's has no such fields.
    public var describeShowsElr: Bool
    /// The KRaft controller honours the topic config `unclean.leader.election.enable`.
    ///
    /// Kafka 3.6–3.8: `ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic` returns false ("TODO:
    /// support configuring unclean leader election"); 3.9 reads the config (KAFKA-12670).
    public var controllerHonoursUncleanLeaderElection: Bool
    /// The controller runs the periodic unclean election for leaderless partitions.
    ///
    /// Kafka 3.9+: `ReplicationControlManager.maybeElectUncleanLeaders`, the `QuorumController` task "electUnclean".
    public var periodicUncleanElection: Bool
    /// Eligible leader replicas (KIP-966) are on: the ISR may shrink to empty, members that leave an ISR below min
    /// ISR become eligible leaders, and a broker back from an unclean shutdown leaves every ELR.
    ///
    /// Kafka 4.1: "ELR is enabled by default on new clusters starting 4.1" (docs, "Eligible Leader Replicas"; the
    /// feature `eligible.leader.replicas.version=1`). 3.7–4.0 have the code (`PartitionChangeBuilder`) but off.
    public var eligibleLeaderReplicas: Bool
    /// The producer refuses `max.in.flight.requests.per.connection` above 5 while idempotence is on, even by default.
    ///
    /// Kafka 4.0 (KAFKA-17927, PR 17717): `ProducerConfig.postProcessAndValidateIdempotenceConfigs` throws instead of
    /// disabling idempotence with a warning, as 3.x does ("in v4.0.0 and onward, this will become an error").
    public var producerRejectsInFlightAboveFive: Bool
    /// The producer's default `linger.ms`: how long a new batch waits for more records before it may be sent.
    ///
    /// Kafka 4.0 (KIP-1030, "Change constraints and default values for various configurations"): 5 ms, where 3.x
    /// had 0 (`ProducerConfig`'s `LINGER_MS_CONFIG` default).
    public var producerDefaultLinger: SimulatedDuration

    /// The switches of one release.
    public init(_ version: KafkaVersion) {
        highWatermarkWaitsForMinIsr = version >= .v37
        effectiveMinIsrCappedByReplicas = version >= .v37
        describeShowsElr = version >= .v38
        controllerHonoursUncleanLeaderElection = version >= .v39
        periodicUncleanElection = version >= .v39
        eligibleLeaderReplicas = version >= .v41
        producerRejectsInFlightAboveFive = version >= .v40
        producerDefaultLinger = .milliseconds(version >= .v40 ? 5 : 0)
    }
}
