/// The KRaft controller's choice of a partition leader.
///
/// Kafka: `metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java` — `electLeader`,
/// `electPreferredLeader`, `electAnyLeader`, `isValidNewLeader`, `canElectLastKnownLeader` (the ELR parts only
/// matter when the caller passes an ELR, i.e. on a Kafka with eligible leader replicas on).
public enum LeaderElection {
    /// Kafka's `PartitionChangeBuilder.Election`.
    public enum Kind: String, Hashable, Sendable {
        /// Preferred-leader election.
        case preferred = "PREFERRED"
        /// The default on failures: keep a valid leader, else the first valid replica.
        case online = "ONLINE"
        /// As online, then any acceptable replica even outside the ISR.
        case unclean = "UNCLEAN"
    }

    /// An election's result.
    public struct Result: Hashable, Sendable {
        /// The new leader, or nil for none.
        public var leader: BrokerID?
        /// Whether it was chosen from outside the ISR (an unclean election, or the last known leader).
        public var isUnclean: Bool
        /// Whether it was chosen from the ELR (the ISR was empty): a clean election.
        public var isFromElr = false
    }

    /// Elects a leader among `replicas` (assignment order) given the target ISR and who is acceptable.
    ///
    /// `targetElr` and `lastKnownElr` are empty unless ELR is on. A replica is valid when it is in the target ISR, or
    /// in the ELR while the target ISR is empty, and acceptable (`isValidNewLeader`). With neither ISR nor ELR, the
    /// single last known leader is elected when acceptable (`canElectLastKnownLeader`, counted as unclean: Kafka sets
    /// the ISR to it). Kafka's trunk of 2024-10 returns true there even for a leader that is not acceptable;
    /// KAFKA-19522 (2025-07) fixed that, and the fixed rule is modelled.
    public static func elect(
        _ kind: Kind, replicas: [BrokerID], targetIsr: [BrokerID], targetElr: [BrokerID] = [],
        lastKnownElr: [BrokerID] = [], currentLeader: BrokerID?, isAcceptable: (BrokerID) -> Bool
    ) -> Result {
        func isValid(_ broker: BrokerID?) -> Bool {
            guard let broker else { return false }
            let eligible = targetIsr.contains(broker) || (targetIsr.isEmpty && targetElr.contains(broker))
            return eligible && isAcceptable(broker)
        }
        func valid(_ broker: BrokerID) -> Result {
            Result(leader: broker, isUnclean: false, isFromElr: targetIsr.isEmpty && targetElr.contains(broker))
        }
        var lastKnownLeader: BrokerID? {
            guard targetIsr.isEmpty, targetElr.isEmpty, lastKnownElr.count == 1, isAcceptable(lastKnownElr[0])
            else { return nil }
            return lastKnownElr[0]
        }
        if kind == .preferred {
            if let preferred = replicas.first, isValid(preferred) { return valid(preferred) }
            if let currentLeader, isValid(currentLeader) { return valid(currentLeader) }
            if let online = replicas.dropFirst().first(where: isValid) { return valid(online) }
            if let lastKnownLeader { return Result(leader: lastKnownLeader, isUnclean: true) }
            return Result(leader: nil, isUnclean: false)
        }
        if let currentLeader, isValid(currentLeader) { return valid(currentLeader) }
        if let online = replicas.first(where: isValid) { return valid(online) }
        if let lastKnownLeader { return Result(leader: lastKnownLeader, isUnclean: true) }
        if kind == .unclean, let unclean = replicas.first(where: isAcceptable) {
            return Result(leader: unclean, isUnclean: true)
        }
        return Result(leader: nil, isUnclean: false)
    }
}
