/// The KRaft controller's choice of a partition leader.
///
/// Kafka: `metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java` — `electLeader`,
/// `electPreferredLeader`, `electAnyLeader`, `isValidNewLeader` (ELR is not modelled: it is off).
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
        /// Whether it was chosen from outside the ISR.
        public var isUnclean: Bool
    }

    /// Elects a leader among `replicas` (assignment order) given the target ISR and who is acceptable.
    public static func elect(
        _ kind: Kind, replicas: [BrokerID], targetIsr: [BrokerID], currentLeader: BrokerID?,
        isAcceptable: (BrokerID) -> Bool
    ) -> Result {
        func isValid(_ broker: BrokerID?) -> Bool {
            guard let broker else { return false }
            return targetIsr.contains(broker) && isAcceptable(broker)
        }
        if kind == .preferred {
            if let preferred = replicas.first, isValid(preferred) { return Result(leader: preferred, isUnclean: false) }
            if isValid(currentLeader) { return Result(leader: currentLeader, isUnclean: false) }
            if let online = replicas.dropFirst().first(where: isValid) {
                return Result(leader: online, isUnclean: false)
            }
            return Result(leader: nil, isUnclean: false)
        }
        if isValid(currentLeader) { return Result(leader: currentLeader, isUnclean: false) }
        if let online = replicas.first(where: isValid) { return Result(leader: online, isUnclean: false) }
        if kind == .unclean, let unclean = replicas.first(where: isAcceptable) {
            return Result(leader: unclean, isUnclean: true)
        }
        return Result(leader: nil, isUnclean: false)
    }
}
