import Replication

/// Derives a step's changes by comparing the cluster before and after it (and the engine's findings since).
///
/// This is the only code that works out what happened; the rest of the site sees `StepChange` values only
/// (`ScenarioView` calls `changes(from:to:)` once per step). When the engine records typed events per step, a
/// derivation from those events replaces this one at that call: most events map one to one (a fencing, an ISR
/// change, an election with its kind, a truncation, a lost response, a retry, a rebalance), while the moves of log
/// end offsets and high watermarks, which the engine makes on every fetch, can still be summed from the snapshots
/// here, so that a step says "LEO 0 → 3" once rather than once per fetch.
enum SnapshotChanges {
    /// The changes between two snapshots (`before` nil: the step created the cluster).
    static func changes(from before: Cluster?, to after: Cluster?) -> StepChanges {
        guard let after else { return StepChanges(changes: [], labels: PartitionLabels(nil)) }
        let before = before ?? Cluster(seed: after.seed)
        var changes: [StepChange] = []
        changes += brokerChanges(before, after)
        var partitionChanges: [StepChange] = []
        for topic in after.sortedTopics {
            guard let old = before.topics[topic.name] else {
                changes.append(
                    .topicCreated(
                        topic.name, partitions: topic.partitions.count, replicationFactor: topic.replicationFactor))
                continue
            }
            if topic.partitions.count > old.partitions.count {
                changes.append(
                    .partitionsAdded(topic.name, first: old.partitions.count, last: topic.partitions.count - 1))
            }
            if topic.configs != old.configs {
                for key in Set(topic.configs.keys).union(old.configs.keys).sorted()
                where topic.configs[key] != old.configs[key] {
                    changes.append(.topicConfig(topic.name, key: key, from: old.configs[key], to: topic.configs[key]))
                }
            }
            // By index: the partitions are compared in place, not copied.
            for index in 0..<min(topic.partitions.count, old.partitions.count)
            where topic.partitions[index] != old.partitions[index]
                || after.lostOffsets(of: topic.partitions[index].id) != before.lostOffsets(of: old.partitions[index].id)
            {
                partitionChanges += self.partitionChanges(
                    old.partitions[index], topic.partitions[index], from: before, to: after)
            }
        }
        // Told kind by kind across partitions: leaders, then the ISR, then logs, then high watermarks.
        changes += partitionChanges.enumerated().sorted {
            (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
        }
        .map(\.element)
        changes += ClientChanges.changes(from: before, to: after)
        // The engine's findings only grow: the new ones are those past the earlier count. Data loss after an
        // unclean election is told from the partition's lost offsets; anything else found is a broken invariant.
        for finding in after.findings.dropFirst(before.findings.count) where finding.kind.isInvariantBreak {
            changes.append(.invariantBroken(finding))
        }
        if after.now != before.now { changes.append(.time(from: before.now, to: after.now)) }
        return StepChanges(changes: changes, labels: PartitionLabels(after))
    }

    /// How the partition got its new leader: uncleanly when the engine says the new epoch began with an unclean
    /// election; as a preferred-leader election when leadership moved back to the first replica while the old
    /// leader still runs in the ISR; otherwise by a clean election (or it lost its leader).
    private static func election(_ old: PartitionState, _ new: PartitionState, in cluster: Cluster)
        -> StepChange.Election
    {
        if new.leader != nil, new.hadUncleanElection { return .unclean }
        if let from = old.leader, let to = new.leader, from != to, to == new.preferredLeader,
            cluster.state(of: from) == .up, new.isr.contains(from)
        {
            return .preferred
        }
        return .clean
    }

    private static func brokerChanges(_ before: Cluster, _ after: Cluster) -> [StepChange] {
        // Most steps change no broker: that is seen without sorting them.
        let same =
            before.brokers.count == after.brokers.count
            && !after.brokers.keys.contains { id in
                before.brokers[id] == nil || before.state(of: id) != after.state(of: id)
                    || before.isFenced(id) != after.isFenced(id)
            }
        if same { return [] }
        var changes: [StepChange] = []
        let brokers = after.sortedBrokers
        let added = brokers.filter { before.brokers[$0.id] == nil }
        if !added.isEmpty { changes.append(.brokersAdded(added)) }
        for broker in brokers where before.brokers[broker.id] != nil {
            let (old, new) = (before.state(of: broker.id), after.state(of: broker.id))
            if old != new { changes.append(.brokerState(broker.id, from: old, to: new)) }
            let (wasFenced, isFenced) = (before.isFenced(broker.id), after.isFenced(broker.id))
            if wasFenced != isFenced { changes.append(.fenced(broker.id, isFenced)) }
        }
        return changes
    }

    private static func partitionChanges(
        _ old: PartitionState, _ new: PartitionState, from beforeCluster: Cluster, to after: Cluster
    ) -> [StepChange] {
        let id = new.id
        var changes: [StepChange] = []
        if old.leader != new.leader || old.leaderEpoch != new.leaderEpoch {
            changes.append(
                .leader(
                    id, from: old.leader, to: new.leader, epoch: new.leaderEpoch,
                    election: election(old, new, in: after)))
        }
        for broker in old.isr where !new.isr.contains(broker) { changes.append(.leftIsr(id, broker)) }
        for broker in new.isr where !old.isr.contains(broker) { changes.append(.joinedIsr(id, broker)) }
        for broker in new.replicas {
            let (before, after) = (old.logs[broker] ?? ReplicaLog(), new.logs[broker] ?? ReplicaLog())
            let kept = LogComparison.firstDivergence(before, after)
            if kept < before.logEndOffset {
                changes.append(.truncated(id, broker, removed: kept..<before.logEndOffset))
            }
            if after.logEndOffset != before.logEndOffset {
                changes.append(.logEndOffset(id, broker, from: before.logEndOffset, to: after.logEndOffset))
            }
            if broker != new.leader, after.highWatermark != before.highWatermark {
                changes.append(.followerHighWatermark(id, broker, from: before.highWatermark, to: after.highWatermark))
            }
        }
        let lost = Set(beforeCluster.lostOffsets(of: id))
        let newlyLost = after.lostOffsets(of: id).filter { !lost.contains($0) }
        if !newlyLost.isEmpty { changes.append(.recordsLost(id, offsets: newlyLost)) }
        // A partition without a leader has no high watermark; a new leader brings its own (told with the election).
        if let leader = new.leader, leader == old.leader, old.highWatermark != new.highWatermark {
            changes.append(.highWatermark(id, from: old.highWatermark, to: new.highWatermark))
        }
        return changes
    }

    /// The order kinds of partition changes are told in.
    private static func rank(_ change: StepChange) -> Int {
        switch change {
        case .leader: 0
        case .recordsLost: 1
        case .leftIsr: 2
        case .joinedIsr: 3
        case .truncated: 4
        case .logEndOffset: 5
        case .highWatermark: 6
        case .followerHighWatermark: 7
        default: 8
        }
    }
}
