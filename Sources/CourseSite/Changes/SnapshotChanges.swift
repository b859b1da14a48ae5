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
    ///
    /// A partition whose leader, epoch, ISR, replicas, logs and lost offsets are the same before and after is passed
    /// over: those are all the changes of a partition are made of. `everyPartition` derives them for every
    /// partition all the same (what the tests compare with).
    static func changes(from before: Cluster?, to after: Cluster?, everyPartition: Bool = false) -> StepChanges {
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
            // Through the arrays' buffers, field by field: a partition passed whole to a function is copied.
            topic.partitions.withUnsafeBufferPointer { new in
                old.partitions.withUnsafeBufferPointer { old in
                    for index in 0..<min(new.count, old.count) {
                        let lost = (before.lostOffsets(of: old[index].id), after.lostOffsets(of: new[index].id))
                        guard everyPartition || lost.0 != lost.1 || !isSame(old, new, at: index) else { continue }
                        partitionChanges += self.partitionChanges(old[index], new[index], lost: lost, in: after)
                    }
                }
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
        if after.hasSameBrokerStatus(as: before) { return [] }
        var changes: [StepChange] = []
        let brokers = after.sortedBrokers
        let added = brokers.filter { before.brokers[$0.id] == nil }
        if !added.isEmpty { changes.append(.brokersAdded(added)) }
        for broker in brokers where before.brokers[broker.id] != nil {
            let (old, new) = (before.brokerStatus(broker.id), after.brokerStatus(broker.id))
            if old.state != new.state { changes.append(.brokerState(broker.id, from: old.state, to: new.state)) }
            if old.isFenced != new.isFenced { changes.append(.fenced(broker.id, new.isFenced)) }
        }
        return changes
    }

    /// Whether the partitions at `index` have the same leader, epoch, unclean election, ISR, replicas and logs: all
    /// `partitionChanges` reads of them. Read in place: a partition passed whole would be copied.
    private static func isSame(
        _ old: UnsafeBufferPointer<PartitionState>, _ new: UnsafeBufferPointer<PartitionState>, at index: Int
    ) -> Bool {
        old[index].leader == new[index].leader && old[index].leaderEpoch == new[index].leaderEpoch
            && old[index].uncleanElectionEpoch == new[index].uncleanElectionEpoch && old[index].isr == new[index].isr
            && old[index].replicas == new[index].replicas && old[index].logs == new[index].logs
    }

    /// The changes of one partition; `lost` its lost offsets before and after.
    private static func partitionChanges(
        _ old: PartitionState, _ new: PartitionState, lost: ([Int64], [Int64]), in after: Cluster
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
        if lost.0 != lost.1 {
            let before = Set(lost.0)
            let newlyLost = lost.1.filter { !before.contains($0) }
            if !newlyLost.isEmpty { changes.append(.recordsLost(id, offsets: newlyLost)) }
        }
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
