extension Cluster {
    /// Kafka: `Partition.isReplicaIsrEligible` — not fenced and not shutting down (KRaft).
    func isIsrEligible(_ broker: BrokerID) -> Bool {
        Self.isIsrEligible(broker, runtimes: engine.runtimes)
    }

    /// `isIsrEligible` for the brokers' runtimes `runtimes`.
    static func isIsrEligible(_ broker: BrokerID, runtimes: BrokerRuntimes) -> Bool {
        guard let runtime = runtimes[broker] else { return false }
        return !runtime.isFenced && runtime.state != .shutDown
    }

    /// The ISR before `follower` joins it, when it has caught up to the HW and to the current epoch's start and is
    /// neither in the ISR nor in a pending one; nil otherwise (a fetch from an ISR member, the usual case).
    ///
    /// Kafka: `Partition.maybeExpandIsr`, `isFollowerInSync`. Read by the fetch path in the same in-place access as
    /// the follower's fetch state update.
    static func isrBeforeExpansion(of state: PartitionState, follower: BrokerID) -> [BrokerID]? {
        guard let leader = state.leader, let leaderLog = state.logs.position(of: leader),
            !state.isr.contains(follower), !(state.pendingIsr?.contains(follower) ?? false),
            let fetchState = state.followerStates[follower],
            fetchState.logEndOffset >= state.logs.values[leaderLog].highWatermark,
            fetchState.logEndOffset >= state.leaderEpochStartOffset
        else { return nil }
        return state.isr
    }

    /// Adds a caught-up follower (see `isrBeforeExpansion`) to the ISR `oldIsr` when it is ISR-eligible.
    ///
    /// Kafka: `Partition.maybeExpandIsr`; the `AlterPartition` round trip to the controller is instantaneous in this
    /// model (the controller is always reachable from a leader that followers can reach).
    mutating func expandIsr(_ id: TopicPartition, follower: BrokerID, oldIsr: [BrokerID]) {
        guard isIsrEligible(follower) else { return }
        modifyPartition(id) {
            $0.isr.append(follower)
            $0.partitionEpoch += 1
        }
        updateEligibleLeaderReplicas(id, oldIsr: oldIsr)
        note("\(id): broker \(follower) joins the ISR → Isr: \(Self.csv(partition(id)!.isr))\(elrNote(id))")
    }

    /// The leader's ISR-expiry task for every partition it leads.
    mutating func shrinkIsrs(ledBy leader: BrokerID) {
        var led: [TopicPartition] = []
        forEachPartition { if $0.leader == leader { led.append($0.id) } }
        for id in led { maybeShrinkIsr(id) }
    }

    /// Removes followers that are not caught up for more than `replica.lag.time.max.ms`.
    ///
    /// Kafka: `Partition.maybeShrinkIsr`, `getOutOfSyncReplicas`. An isolated leader cannot reach the controller, so
    /// its proposal stays pending (it keeps the committed ISR for min-ISR checks and HW).
    mutating func maybeShrinkIsr(_ id: TopicPartition) {
        guard let state = partition(id), let leader = state.leader, let leaderLog = state.logs[leader],
            state.pendingIsr == nil
        else { return }
        let maxLag = engine.config.replicaLagTimeMax
        let outOfSync = state.isr.filter { broker in
            guard broker != leader else { return false }
            let fetchState = state.followerStates[broker] ?? FollowerFetchState()
            return !fetchState.isCaughtUp(
                leaderEndOffset: leaderLog.logEndOffset, now: engine.now, replicaMaxLag: maxLag)
        }
        guard !outOfSync.isEmpty else { return }
        let newIsr = state.isr.filter { !outOfSync.contains($0) }
        if engine.runtimes[leader]?.state == .isolated {
            modifyPartition(id) { $0.pendingIsr = newIsr }
            return
        }
        modifyPartition(id) {
            $0.isr = newIsr
            $0.partitionEpoch += 1
        }
        updateEligibleLeaderReplicas(id, oldIsr: state.isr)
        note(
            "\(id): leader \(leader) shrinks the ISR (out of sync: \(Self.csv(outOfSync))) → Isr: \(Self.csv(newIsr))"
                + elrNote(id))
        maybeIncrementLeaderHighWatermark(id)
    }

    /// Moves the leader's HW to the smallest LEO of the replicas it must wait for, never backwards.
    ///
    /// Kafka: `Partition.maybeIncrementLeaderHW` — min LEO over the maximal ISR and the caught-up, ISR-eligible other
    /// followers; from 3.7 (KAFKA-15583) frozen while the committed ISR is below the effective min ISR
    /// (`KafkaBehaviour.highWatermarkWaitsForMinIsr`).
    mutating func maybeIncrementLeaderHighWatermark(_ id: TopicPartition) {
        // `kafka.behaviour`: the cluster's `behaviour` getter, called from here, copied the whole cluster value.
        let minIsr = kafka.behaviour.highWatermarkWaitsForMinIsr ? effectiveMinIsrInPlace(id) : 0
        let maxLag = engine.config.replicaLagTimeMax
        let now = engine.now
        // Read in place; the partition is written only when the HW moves.
        let runtimes = engine.runtimes
        let raise = readPartition(id) { state -> (leader: BrokerID, highWatermark: Int64)? in
            guard let leader = state.leader, let leaderPosition = state.logs.position(of: leader),
                state.isr.count >= minIsr
            else {
                return nil
            }
            let leaderLogEndOffset = state.logs.values[leaderPosition].logEndOffset
            var candidate = leaderLogEndOffset
            for broker in state.replicas where broker != leader {
                let fetchState = state.followerStates[broker] ?? FollowerFetchState()
                guard fetchState.logEndOffset < candidate else { continue }
                let isMaximalIsrMember =
                    state.isr.contains(broker) || (state.pendingIsr?.contains(broker) ?? false)
                if isMaximalIsrMember
                    || (fetchState.isCaughtUp(leaderEndOffset: leaderLogEndOffset, now: now, replicaMaxLag: maxLag)
                        && Self.isIsrEligible(broker, runtimes: runtimes))
                {
                    candidate = fetchState.logEndOffset
                }
            }
            return candidate > state.logs.values[leaderPosition].highWatermark ? (leader, candidate) : nil
        }
        if let (leader, candidate) = raise ?? nil {
            modifyPartition(id) { $0.logs.modify(leader) { $0.highWatermark = candidate } }
        }
    }

    /// Makes the partition's current leader act as leader in its (new) epoch.
    ///
    /// Kafka: `Partition.makeLeader` — assign the epoch start in the epoch cache, remember `leaderEpochStartOffset`,
    /// reset every follower's fetch state (`Replica.resetReplicaState`).
    mutating func becomeLeader(_ id: TopicPartition, wasLeader: Bool) {
        guard var state = partition(id), let leader = state.leader, var log = state.logs[leader] else { return }
        log.assignEpochStart(state.leaderEpoch)
        state.leaderEpochStartOffset = log.logEndOffset
        state.logs[leader] = log
        state.pendingIsr = nil
        for broker in state.replicas where broker != leader {
            state.followerStates[broker, default: FollowerFetchState()].reset(
                isNewLeader: !wasLeader, isFollowerInSync: state.isr.contains(broker),
                leaderEndOffset: log.logEndOffset, now: engine.now)
        }
        state.followerStates[leader] = nil
        modifyPartition(id) { $0 = state }
        maybeIncrementLeaderHighWatermark(id)
    }

    /// Gives a new partition its replica logs and makes its first leader lead epoch 0.
    mutating func startPartition(_ id: TopicPartition) {
        guard let state = partition(id) else { return }
        // Binary search for the first id after this one: a topic's partitions arrive in order, and a linear scan
        // made creating a topic of 100,000 partitions quadratic.
        var low = 0
        var high = engine.partitionIDs.count
        while low < high {
            let middle = (low + high) / 2
            if id < engine.partitionIDs[middle] { high = middle } else { low = middle + 1 }
        }
        engine.partitionIDs.insert(id, at: low)
        modifyPartition(id) { for broker in state.replicas { $0.logs[broker] = ReplicaLog() } }
        becomeLeader(id, wasLeader: false)
        // Kafka: a broker that becomes a follower adds the partition to its fetcher, which fetches at once.
        for broker in state.replicas where broker != state.leader { sendFetches(from: broker) }
    }

    static func csv(_ ids: [BrokerID]) -> String { ids.map(String.init).joined(separator: ",") }
}
