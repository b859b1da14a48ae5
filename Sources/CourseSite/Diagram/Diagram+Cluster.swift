import Replication

extension Diagram {
    /// At most this many replicas are drawn per broker; at most this many partitions' logs per step.
    static let replicaLimit = 12
    static let logLimit = 3

    /// The picture of `cluster` after a step with `changes`, with the logs of `focus` (the partitions the step is
    /// about; at most `logLimit` are drawn); `brokers` are the cluster's `brokersInDisplayOrder`.
    ///
    /// `unchanged`: the columns of an earlier picture without highlights, of a cluster with the same boxes (the
    /// same broker table, `BrokerTable.isUnchanged`, and fencing, `Cluster.hasSameBrokerStatus`); a step that highlights no box or replica takes them as they are.
    init(
        cluster: Cluster, changes: StepChanges, focus: [TopicPartition], brokers: [Broker],
        unchanged: [Column]? = nil
    ) {
        let labels = changes.labels
        // What the step highlights: few replicas and brokers, compared by value rather than hashed (a partition's id
        // holds its topic's name).
        var changedReplicas: [ReplicaID] = []
        var changedBrokers: [BrokerID] = []
        for change in changes.changes {
            switch change {
            case .brokerState(let id, _, _), .fenced(let id, _): changedBrokers.append(id)
            case .leftIsr(let id, let broker), .joinedIsr(let id, let broker):
                changedReplicas.append(ReplicaID(partition: id, broker: broker))
            case .leader(let id, let from, let to, _, _):
                // Losing or getting a leader changes every replica's mark; a new leader changes the two roles.
                let brokers =
                    from == nil || to == nil ? cluster.partition(id)?.replicas ?? [] : [from, to].compactMap { $0 }
                for broker in brokers { changedReplicas.append(ReplicaID(partition: id, broker: broker)) }
            default: break
            }
        }
        if let unchanged, changedReplicas.isEmpty, changedBrokers.isEmpty {
            columns = unchanged
        } else {
            columns = Self.columns(
                cluster, brokers: brokers, labels: labels, changedReplicas: changedReplicas,
                changedBrokers: changedBrokers)
        }
        logs = focus.prefix(Self.logLimit).compactMap { id in
            cluster.partition(id).map { Self.log($0, in: cluster, changes: changes, label: labels(id)) }
        }
        moreLogs = max(0, focus.count - Self.logLimit)
    }

    /// The boxes: what they read of the cluster is what `BrokerTable.isUnchanged` and `Cluster.hasSameBrokerStatus`
    /// compare.
    private static func columns(
        _ cluster: Cluster, brokers: [Broker], labels: PartitionLabels, changedReplicas: [ReplicaID],
        changedBrokers: [BrokerID]
    ) -> [Column] {
        // Each broker's replicas, in topic and partition order, by the broker's place in `brokers`: an array of a
        // few brokers searched costs less than a dictionary hashed per replica.
        let ids = brokers.map { $0.id }
        let topics = cluster.sortedTopics
        // Room for a replica of every partition (up to a few) on each broker: the arrays are not grown one replica
        // at a time.
        var partitionCount = 0
        for topic in topics { partitionCount += topic.partitions.count }
        var replicas = [[Replica]](repeating: [], count: ids.count)
        for place in replicas.indices { replicas[place].reserveCapacity(min(partitionCount, 16)) }
        for topic in topics {
            // Read in place, field by field: a partition passed whole would be copied.
            topic.partitions.withUnsafeBufferPointer { partitions in
                for index in partitions.indices {
                    let label = labels(partitions[index].id)
                    let leader = partitions[index].leader
                    for broker in partitions[index].replicas {
                        guard let place = ids.firstIndex(of: broker) else { continue }
                        var marks: BrokerTable.Marks = []
                        if !partitions[index].isr.contains(broker) { marks.insert(.outOfSync) }
                        if leader == nil { marks.insert(.noLeader) }
                        replicas[place].append(
                            Replica(
                                label: label, isLeader: leader == broker, marks: marks,
                                isChanged: !changedReplicas.isEmpty
                                    && changedReplicas.contains(
                                        ReplicaID(partition: partitions[index].id, broker: broker))
                            ))
                    }
                }
            }
        }
        func box(_ broker: Broker) -> BrokerBox {
            let all = replicas[ids.firstIndex(of: broker.id)!]
            let status = cluster.brokerStatus(broker.id)
            return BrokerBox(
                id: broker.id, state: status.state, isFenced: status.isFenced,
                replicas: all.count > Self.replicaLimit ? Array(all.prefix(Self.replicaLimit)) : all,
                moreReplicas: max(0, all.count - Self.replicaLimit), isChanged: changedBrokers.contains(broker.id))
        }
        guard !brokers.isEmpty, brokers.allSatisfy({ $0.rack != nil }) else {
            return [Column(rack: nil, brokers: brokers.map(box))]
        }
        // Racks in the order the rack-alternated list meets them (Kafka sorts racks by name).
        var racks: [String] = []
        for broker in brokers where !racks.contains(broker.rack!) { racks.append(broker.rack!) }
        return racks.map { rack in
            Column(rack: rack, brokers: brokers.filter { $0.rack == rack }.sorted { $0.id < $1.id }.map(box))
        }
    }

    /// Whether a box or a replica is highlighted as changed.
    var highlightsBoxes: Bool {
        columns.contains { $0.brokers.contains { $0.isChanged || $0.replicas.contains { $0.isChanged } } }
    }

    private struct ReplicaID: Equatable {
        var partition: TopicPartition
        var broker: BrokerID
    }

    private static func marks(_ partition: PartitionState, _ broker: BrokerID) -> BrokerTable.Marks {
        var marks: BrokerTable.Marks = []
        if !partition.isr.contains(broker) { marks.insert(.outOfSync) }
        if partition.leader == nil { marks.insert(.noLeader) }
        return marks
    }

    private static func log(_ partition: PartitionState, in cluster: Cluster, changes: StepChanges, label: String)
        -> PartitionLog
    {
        let id = partition.id
        var newlyLost: [Int64] = []
        var previousLEO: [BrokerID: Int64] = [:]
        var previousHW: [BrokerID: Int64] = [:]
        var truncated: [BrokerID: Range<Int64>] = [:]
        for change in changes.changes where change.partition == id {
            switch change {
            case .logEndOffset(_, let broker, let from, _): previousLEO[broker] = from
            case .followerHighWatermark(_, let broker, let from, _): previousHW[broker] = from
            case .highWatermark(_, let from, _): if let leader = partition.leader { previousHW[leader] = from }
            case .truncated(_, let broker, let removed): truncated[broker] = removed
            case .recordsLost(_, let offsets): newlyLost = offsets
            default: break
            }
        }
        let leaderLog = partition.leaderLog
        let bars = partition.replicas.map { broker -> Bar in
            let log = partition.logs[broker] ?? ReplicaLog()
            var diverged: Int64?
            if let leaderLog, broker != partition.leader {
                let agreed = LogComparison.firstDivergence(log, leaderLog)
                if agreed < log.logEndOffset { diverged = agreed }
            }
            let committed = partition.leader == nil ? log.highWatermark : partition.highWatermark
            return Bar(
                broker: broker, isLeader: broker == partition.leader, marks: marks(partition, broker),
                isDown: !(cluster.runtime(of: broker)?.isAlive ?? true), logEndOffset: log.logEndOffset,
                highWatermark: log.highWatermark,
                committedEnd: min(log.logEndOffset, committed, diverged ?? log.logEndOffset), divergedFrom: diverged,
                previousLogEndOffset: previousLEO[broker], previousHighWatermark: previousHW[broker],
                truncated: truncated[broker])
        }
        let reach = bars.map { max($0.logEndOffset, $0.truncated?.upperBound ?? 0, $0.previousLogEndOffset ?? 0) }
        let lost = cluster.lostOffsets(of: id)
        let needed = max(reach.max() ?? 0, (lost.last ?? -1) + 1)
        return PartitionLog(
            label: label, leader: partition.leader, leaderEpoch: partition.leaderEpoch,
            highWatermark: partition.leader == nil ? nil : partition.highWatermark,
            isUnclean: partition.leader != nil && partition.hadUncleanElection,
            scale: DiagramSVG.scale(for: needed), bars: bars, lost: lost, newlyLost: newlyLost)
    }
}
