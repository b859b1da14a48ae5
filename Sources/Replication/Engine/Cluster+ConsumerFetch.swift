/// A record as a consumer receives it.
public struct ConsumedRecord: Hashable, Sendable {
    /// The partition.
    public var partition: TopicPartition
    /// Its offset.
    public var offset: Int64
    /// Its key.
    public var key: String?
    /// Its value.
    public var value: String
    /// The broker that served it (the leader, or a follower in the consumer's rack).
    public var replica: BrokerID
}

extension Cluster {
    /// Where a consumer starts reading.
    public enum StartOffset: Hashable, Sendable {
        /// The log start (0: no retention is simulated).
        case earliest
        /// The high watermark.
        case latest
        /// This offset.
        case offset(Int64)
    }

    /// The replica a consumer in `rack` fetches from: the leader, unless the brokers run a replica selector
    /// (`replica.selector.class`) and a follower in that rack is in the ISR and holds the fetch offset.
    ///
    /// Kafka: `ReplicaManager.findPreferredReadReplica` — no `replicaSelectorOpt` (the default, null), no preferred
    /// read replica: every consumer reads from the leader. With `RackAwareReplicaSelector.select` (KIP-392): the
    /// leader if it is in the client's rack, else the same-rack ISR replica with the highest log end offset. The
    /// leader judges a follower by ISR membership and the log end offset of its last fetch only, so a stalled
    /// follower still in the ISR is chosen. A follower whose process is gone is not: the consumer's fetch to it
    /// fails and it falls back to the leader (`AbstractFetch.handleFetchFailure` clears the preferred read replica).
    public func preferredReadReplica(_ id: TopicPartition, rack: String?, fetchOffset: Int64 = 0) -> BrokerID? {
        guard let state = partition(id), let leader = state.leader else { return nil }
        guard engine.config.replicaSelector != nil else { return leader }
        guard let rack, brokers[leader]?.rack != rack else { return leader }
        let candidates = state.isr.filter { broker in
            broker != leader && brokers[broker]?.rack == rack && engine.runtimes[broker]?.isAlive == true
                && (state.followerStates[broker]?.logEndOffset ?? 0) >= fetchOffset
        }
        let best = candidates.max { lhs, rhs in
            let left = state.followerStates[lhs]?.logEndOffset ?? 0
            let right = state.followerStates[rhs]?.logEndOffset ?? 0
            return left != right ? left < right : lhs > rhs
        }
        return best ?? leader
    }

    /// What a consumer fetch from `offset` returns: records below the serving replica's high watermark
    /// (`isolation.level=read_uncommitted`), at most `max`. Nil when the partition has no reachable leader.
    ///
    /// Kafka: `Partition.fetchRecords` → `UnifiedLog.read` with `FetchIsolation.HIGH_WATERMARK`; a follower serves up
    /// to its own HW.
    public func consumerFetch(_ id: TopicPartition, from offset: Int64, rack: String? = nil, max: Int = 500)
        -> [ConsumedRecord]?
    {
        guard let state = partition(id), let replica = preferredReadReplica(id, rack: rack, fetchOffset: offset),
            engine.runtimes[replica]?.isAlive == true, let log = state.logs[replica]
        else { return nil }
        let (sum, overflow) = offset.addingReportingOverflow(Int64(Swift.max(0, max)))
        let end = min(log.highWatermark, overflow ? Int64.max : sum)
        return log.records(from: offset, to: end).map {
            ConsumedRecord(partition: id, offset: $0.offset, key: $0.key, value: $0.value, replica: replica)
        }
    }

    /// The first offset a consumer starting at `start` reads.
    public func resolve(_ start: StartOffset, _ id: TopicPartition) -> Int64 {
        switch start {
        case .earliest: 0
        case .latest: partition(id)?.highWatermark ?? 0
        case .offset(let offset): offset
        }
    }

    /// What `kafka-console-consumer` prints for a topic (or one partition) from `start`, at most `max` records,
    /// partition by partition.
    public func consume(
        topic: String, partition: Int? = nil, from start: StartOffset = .earliest, max: Int = Int.max,
        rack: String? = nil
    ) -> [ConsumedRecord] {
        guard let count = topics[topic]?.partitions.count else { return [] }
        var result: [ConsumedRecord] = []
        for index in 0..<count where partition == nil || partition == index {
            let id = TopicPartition(topic, index)
            let remaining = max - result.count
            guard remaining > 0 else { break }
            result += consumerFetch(id, from: resolve(start, id), rack: rack, max: remaining) ?? []
        }
        return result
    }

    /// A group member polls: due auto-commit first (committing what the *previous* polls returned), then records from
    /// its assigned partitions at its positions (initialised from the committed offset or `auto.offset.reset`).
    ///
    /// Kafka: `KafkaConsumer.poll` → `ConsumerCoordinator.poll` (`maybeAutoCommitOffsetsAsync`) → `Fetcher`
    /// (`max.poll.records` = 500; out-of-range positions reset by `auto.offset.reset`).
    public mutating func poll(group groupID: String, member name: String, max: Int = 500) throws(KafkaError)
        -> [ConsumedRecord]
    {
        var group = try liveGroup(groupID)
        let index = try liveMemberIndex(name, in: group)
        guard group.state == .stable else { return [] }
        var member = group.members[index]
        if member.autoCommit && engine.now >= member.nextAutoCommit {
            commitPositions(&group, index)
            member.nextAutoCommit = engine.now + member.autoCommitInterval
            if !member.positions.isEmpty {
                note("group \(groupID): \(name) auto-commits \(Self.offsetsText(member.positions))")
            }
        }
        var result: [ConsumedRecord] = []
        for id in member.assignment.sorted() {
            guard let state = partition(id) else { continue }
            let reset = resetPosition(of: state, toEarliest: member.resetToEarliest)
            var current: (position: Int64, epoch: Int?)? =
                if let position = member.positions[id] {
                    (position, member.positionEpochs[id])
                } else if let committed = group.committed[id] {
                    (committed, group.committedEpochs[id])
                } else {
                    reset.offset.map { ($0, nil) }
                }
            if let (position, positionEpoch) = current, let positionEpoch, let leaderLog = state.leaderLog {
                // Kafka: SubscriptionState.maybeCompleteValidation (KIP-320) — the leader's end offset for the
                // position's epoch (OffsetsForLeaderEpoch); below the position, the log was truncated: with a reset
                // policy the consumer goes back to where the logs diverge; an unknown epoch resets by the policy.
                let end = leaderLog.epochCache.endOffsetFor(positionEpoch, logEndOffset: leaderLog.logEndOffset)
                if end.epoch == LeaderEpochCache.undefinedEpoch || end.endOffset == LeaderEpochCache.undefinedOffset {
                    current = reset.offset.map { ($0, nil) }
                    note(
                        "group \(groupID): \(name) finds no epoch \(positionEpoch) for \(id); reset to \(reset.offset.map(String.init) ?? "pending")"
                    )
                } else if end.endOffset < position {
                    note(
                        "group \(groupID): \(name) detects truncation of \(id) at offset \(position); resets to \(end.endOffset), where epoch \(end.epoch) ends on the leader"
                    )
                    current = (end.endOffset, end.epoch)
                }
            }
            if let (position, _) = current, let leaderLog = state.leaderLog, position > leaderLog.logEndOffset {
                // OFFSET_OUT_OF_RANGE: reset by auto.offset.reset.
                current = reset.offset.map { ($0, nil) }
                note(
                    "group \(groupID): \(name) position \(id) out of range; reset to \(reset.offset.map(String.init) ?? "pending")"
                )
            }
            guard var (position, epoch) = current else {
                // The reset's ListOffsets failed with a retriable error: the partition keeps no position and the
                // next poll asks again (Kafka: `OffsetFetcherUtils.onFailedResponseForResettingPositions`).
                member.positions[id] = nil
                member.positionEpochs[id] = nil
                if let reason = reset.failure { note("group \(groupID): \(name) cannot reset \(id) yet: \(reason)") }
                continue
            }
            let fetched = consumerFetch(id, from: position, rack: member.rack, max: max - result.count) ?? []
            result += fetched
            if let last = fetched.last { epoch = partition(id)?.logs[last.replica]?.epoch(at: last.offset) ?? epoch }
            position += Int64(fetched.count)
            member.positions[id] = position
            member.positionEpochs[id] = epoch
        }
        group.members[index] = member
        engine.groups[groupID] = group
        return result
    }

    /// Where `auto.offset.reset` puts a position on a partition, or why it cannot yet: the consumer's `ListOffsets`
    /// asks the leader for the earliest offset (0: no retention is simulated) or the latest, which is the high
    /// watermark for a read-uncommitted consumer.
    ///
    /// Kafka: `Partition.fetchOffsetForTimestamp` — a leader whose high watermark is still below the offset its
    /// epoch started at (`leaderEpochStartOffsetOpt`, its log end when it became leader) answers a client's
    /// `LATEST_TIMESTAMP` with `OFFSET_NOT_AVAILABLE` (KIP-207), so that a consumer never starts below records the
    /// previous leader had already exposed; `EARLIEST_TIMESTAMP` skips the check. The consumer retries both that
    /// error and a leader it cannot reach (`OffsetFetcherUtils.handleListOffsetResponse`). Kafka's test:
    /// `PartitionTest.testMonotonicOffsetsAfterLeaderChange`.
    func resetPosition(of state: PartitionState, toEarliest: Bool) -> (offset: Int64?, failure: String?) {
        guard let leader = state.leader, engine.runtimes[leader]?.isAlive == true, let log = state.logs[leader] else {
            return (nil, "no reachable leader for ListOffsets; retries on the next poll")
        }
        if toEarliest { return (0, nil) }
        guard state.leaderEpochStartOffset <= log.highWatermark else {
            return (
                nil,
                "OFFSET_NOT_AVAILABLE from leader \(leader): its high watermark \(log.highWatermark) is below offset \(state.leaderEpochStartOffset), where epoch \(state.leaderEpoch) started; retries on the next poll"
            )
        }
        return (log.highWatermark, nil)
    }

    /// `commitSync()` of a member's positions; `REBALANCE_IN_PROGRESS` while the group rebalances.
    ///
    /// Kafka: `ConsumerCoordinator.commitOffsetsSync`; the coordinator rejects commits of an older generation.
    @discardableResult
    public mutating func commit(group groupID: String, member name: String) throws(KafkaError) -> [TopicPartition:
        Int64]
    {
        var group = try liveGroup(groupID)
        let index = try liveMemberIndex(name, in: group)
        guard group.state == .stable else {
            throw KafkaError("REBALANCE_IN_PROGRESS", "The group is rebalancing, so a rejoin is needed.")
        }
        commitPositions(&group, index)
        engine.groups[groupID] = group
        return group.members[index].positions
    }

    /// `t-0=58, t-1=3`.
    static func offsetsText(_ offsets: [TopicPartition: Int64]) -> String {
        offsets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
