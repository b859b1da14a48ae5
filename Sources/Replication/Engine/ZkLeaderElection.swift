/// The ZooKeeper-era controller's leader election, kept for version comparisons (KRaft is what the engine runs).
///
/// Kafka (branch 3.9): `core/src/main/scala/kafka/controller/PartitionStateMachine.scala`, object
/// `PartitionLeaderElectionAlgorithms`.
public enum ZkLeaderElection {
    /// Kafka: `offlinePartitionLeaderElection` — first live ISR member in assignment order; else, when unclean
    /// election is enabled, the first live replica.
    public static func offline(
        assignment: [BrokerID], isr: [BrokerID], liveReplicas: Set<BrokerID>, uncleanLeaderElectionEnabled: Bool
    ) -> BrokerID? {
        if let leader = assignment.first(where: { liveReplicas.contains($0) && isr.contains($0) }) { return leader }
        return uncleanLeaderElectionEnabled ? assignment.first(where: liveReplicas.contains) : nil
    }

    /// Kafka: `reassignPartitionLeaderElection` — first live ISR member of the new assignment.
    public static func reassign(assignment: [BrokerID], isr: [BrokerID], liveReplicas: Set<BrokerID>) -> BrokerID? {
        assignment.first { liveReplicas.contains($0) && isr.contains($0) }
    }

    /// Kafka: `preferredReplicaPartitionLeaderElection` — the first assigned replica, only if live and in the ISR.
    public static func preferred(assignment: [BrokerID], isr: [BrokerID], liveReplicas: Set<BrokerID>) -> BrokerID? {
        guard let first = assignment.first, liveReplicas.contains(first), isr.contains(first) else { return nil }
        return first
    }

    /// Kafka: `controlledShutdownPartitionLeaderElection` — first live ISR member not shutting down.
    public static func controlledShutdown(
        assignment: [BrokerID], isr: [BrokerID], liveReplicas: Set<BrokerID>, shuttingDown: Set<BrokerID>
    ) -> BrokerID? {
        assignment.first { liveReplicas.contains($0) && isr.contains($0) && !shuttingDown.contains($0) }
    }
}
