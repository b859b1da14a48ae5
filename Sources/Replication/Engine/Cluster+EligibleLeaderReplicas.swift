/// Eligible leader replicas (KIP-966), on when the cluster's Kafka has them (`KafkaBehaviour.eligibleLeaderReplicas`).
///
/// Read from Kafka's trunk of 2024-10-25 (`PartitionChangeBuilder`, `ReplicationControlManager`), which 4.1 enables
/// by default, and KAFKA-18635 (PR 18277, 2025) for how the controller tells a clean shutdown from an unclean one.
extension Cluster {
    /// The ELR for a target ISR: empty when the ISR meets the controller's min ISR, else the current ELR and ISR
    /// without the target ISR's members and without a broker back from an unclean shutdown.
    ///
    /// Kafka: `PartitionChangeBuilder.maybePopulateTargetElr`. Kafka collects the candidates in a `HashSet`; for
    /// broker ids that small its iteration order is ascending, which is the order kept here.
    func eligibleLeaderReplicas(
        of state: PartitionState, targetIsr: [BrokerID], uncleanShutdown: BrokerID?
    ) -> [BrokerID] {
        guard targetIsr.count < controllerMinIsr(state.id) else { return [] }
        var candidates: [BrokerID] = []
        for broker in state.elr + state.isr where !candidates.contains(broker) { candidates.append(broker) }
        return candidates.filter { !targetIsr.contains($0) && $0 != uncleanShutdown }.sorted()
    }

    /// The last known ELR after a change: the leader before the change when the ISR becomes empty, cleared once the
    /// partition has (or keeps) a leader.
    ///
    /// Kafka: `PartitionChangeBuilder.maybeUpdateLastKnownLeader` with `useLastKnownLeaderInBalancedRecovery` (true:
    /// nothing in the controller sets it false). Kafka writes the old leader even when there was none (-1); this
    /// model keeps the previous value then, as a partition without a leader cannot name one.
    func lastKnownLeader(of state: PartitionState, newIsr: [BrokerID], newLeader: BrokerID?) -> [BrokerID] {
        if newIsr.isEmpty && newIsr != state.isr, let leader = state.leader, state.lastKnownElr != [leader] {
            return [leader]
        }
        let hasLeader = newLeader != nil
        return hasLeader && !state.lastKnownElr.isEmpty ? [] : state.lastKnownElr
    }

    /// The ELR after a leader's `AlterPartition` changed the ISR (the leader stays).
    ///
    /// Kafka: `ReplicationControlManager.alterPartition` builds the change with `PartitionChangeBuilder`, so
    /// `maybePopulateTargetElr` applies: a follower that joins leaves the ELR, one that leaves an ISR below min ISR
    /// joins it; with the leader kept, `maybeUpdateLastKnownLeader` clears the last known ELR.
    mutating func updateEligibleLeaderReplicas(_ id: TopicPartition, oldIsr: [BrokerID]) {
        guard behaviour.eligibleLeaderReplicas, var state = partition(id) else { return }
        var before = state
        before.isr = oldIsr
        state.elr = eligibleLeaderReplicas(of: before, targetIsr: state.isr, uncleanShutdown: nil)
        if state.leader != nil { state.lastKnownElr = [] }
        modifyPartition(id) { $0 = state }
    }

    /// The controller removes a broker back from an unclean shutdown from every ISR and ELR.
    ///
    /// Kafka: `ClusterControlManager.registerBroker` calls the unclean-shutdown handler when the registration's
    /// `PreviousBrokerEpoch` is not the broker's last epoch (a clean shutdown writes it to the clean-shutdown file;
    /// a crash leaves none): `ReplicationControlManager.handleBrokerUncleanShutdown` →
    /// `generateLeaderAndIsrUpdates(brokerWithUncleanShutdown:)`. In Kafka 3.9 and trunk of 2024-10 every new
    /// incarnation counted as unclean (KAFKA-16952); KAFKA-18635 restored the epoch check, which is what is modelled.
    /// Only with ELR on: with it off the broker has already left every ISR where it was not the last member (it was
    /// fenced), and an empty ISR is not written, so the handler changes nothing here.
    mutating func handleUncleanShutdown(of broker: BrokerID) {
        guard behaviour.eligibleLeaderReplicas else { return }
        let affected = allPartitionIDs.filter { id in
            partition(id).map { $0.isr.contains(broker) || $0.elr.contains(broker) } ?? false
        }
        guard !affected.isEmpty else { return }
        note("controller: broker \(broker) did not shut down cleanly; it leaves every ISR and ELR")
        for id in affected {
            guard let state = partition(id) else { continue }
            changePartition(
                id, isr: state.isr.filter { $0 != broker }, election: .online, uncleanShutdown: broker)
        }
    }

    /// `, Elr: 1` for the event log after an ISR change, when ELR is on and the partition has some.
    func elrNote(_ id: TopicPartition) -> String {
        guard behaviour.eligibleLeaderReplicas, let state = partition(id), !state.elr.isEmpty else { return "" }
        return ", Elr: \(Self.csv(state.elr))"
    }

    /// An ISR for the event log: `0,1`, or `(empty)` (only with ELR on).
    static func isrText(_ isr: [BrokerID]) -> String { isr.isEmpty ? "(empty)" : csv(isr) }

    /// `, Elr: 1, LastKnownElr: 0` for the event log, each part only when not empty.
    func elrSummary(_ state: PartitionState) -> String {
        (state.elr.isEmpty ? "" : ", Elr: \(Self.csv(state.elr))")
            + (state.lastKnownElr.isEmpty ? "" : ", LastKnownElr: \(Self.csv(state.lastKnownElr))")
    }
}
