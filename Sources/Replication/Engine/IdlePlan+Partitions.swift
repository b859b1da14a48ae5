extension IdlePlan {
    /// What every fetching follower's long-poll fetch reads, by follower and leader (`pairs`, each once, and each
    /// fetch with the position of its pair there, in partition order), when no partition would change
    /// by a fetch (whether the oracle's checks would change anything is asked last, by `init`); and, per running leader, the instants after which one of its ISR
    /// followers is out of sync (its ISR-expiry check then shrinks the ISR: the stretch ends before that check); nil
    /// when some partition would change otherwise.
    ///
    /// Per partition with a leader: every ISR follower was last seen at the leader's LEO, or does not fetch from the
    /// leader (crashed, stalled, cut off), so its fetch state stays as it is until `Partition.maybeShrinkIsr` finds it
    /// out of sync, `replica.lag.time.max.ms` after it was last caught up (Kafka: `Replica.isCaughtUp`); and for each
    /// fetching follower of a reachable leader: the follower has the leader's records and HW and no diverging epoch
    /// (Kafka: `Partition.fetchRecords`), cannot join the ISR (`maybeExpandIsr`), and the leader's HW cannot move
    /// (`maybeIncrementLeaderHW`): it is the LEO, frozen below min ISR, or held at a maximal-ISR follower's LEO that
    /// does not move.
    static func idleFetches(
        _ cluster: Cluster
    ) -> (
        pairs: [BrokerPair], fetches: [(pair: Int, fetch: PartitionFetch)],
        shrinks: [(leader: BrokerID, outOfSyncAfter: SimulatedInstant)]
    )? {
        let engine = cluster.engine
        let maxLag = engine.config.replicaLagTimeMax
        // A few pairs (one per session) and a few fetches per pair: arrays searched in place, not hashed.
        var pairs: [BrokerPair] = []
        var fetches: [(pair: Int, fetch: PartitionFetch)] = []
        var shrinks: [(leader: BrokerID, outOfSyncAfter: SimulatedInstant)] = []
        pairs.reserveCapacity(engine.fetchSessions.count)
        fetches.reserveCapacity(engine.partitionIDs.count * 2)
        for id in engine.partitionIDs {
            guard let state = cluster.partition(id) else { return nil }
            guard let leader = state.leader else { continue }
            guard let leaderLog = state.logs[leader] else { return nil }
            let leaderEnd = leaderLog.logEndOffset
            let highWatermark = leaderLog.highWatermark
            let isLeaderReachable = engine.runtimes.isReachable(leader)
            if engine.runtimes[leader]?.isAlive == true, state.pendingIsr == nil {
                for member in state.isr where member != leader {
                    let fetchState = state.followerStates[member] ?? FollowerFetchState()
                    guard fetchState.logEndOffset != leaderEnd else { continue }
                    // A member behind that fetches from the leader catches up: not idle.
                    guard isLeaderReachable, !engine.runtimes.isFetching(member) else { return nil }
                    shrinks.append((leader, fetchState.lastCaughtUpTime + maxLag))
                }
            }
            guard isLeaderReachable else { continue }
            // Both asked only when the leader's HW is below its LEO (reading the min ISR looks up the topic).
            let isFrozen = {
                cluster.behaviour.highWatermarkWaitsForMinIsr && state.isr.count < cluster.effectiveMinIsr(id)
            }
            // Kafka: `Partition.maybeIncrementLeaderHW` takes the minimum LEO over the maximal ISR, so a member whose
            // fetch state stays at the HW keeps it there.
            let isHeldBack = {
                let holds = { (member: BrokerID) in
                    member != leader && (state.followerStates[member]?.logEndOffset ?? -1) <= highWatermark
                }
                return state.isr.contains(where: holds) || (state.pendingIsr ?? []).contains(where: holds)
            }
            for (follower, log) in state.logs where follower != leader {
                guard engine.runtimes.isFetching(follower) else { continue }
                guard log.logEndOffset == leaderEnd, log.highWatermark == highWatermark,
                    highWatermark == leaderEnd || isHeldBack() || isFrozen()
                else { return nil }
                if let epoch = log.latestEpoch {
                    let end = leaderLog.epochCache.endOffsetFor(epoch, logEndOffset: leaderEnd)
                    guard end.epoch >= epoch, end.endOffset >= leaderEnd else { return nil }
                }
                let inSync = leaderEnd >= highWatermark && leaderEnd >= state.leaderEpochStartOffset
                // The maximal ISR is the ISR and the pending one (read in place: `maximalIsr` builds an array).
                let isMaximalIsrMember = state.isr.contains(follower) || state.pendingIsr?.contains(follower) == true
                guard isMaximalIsrMember || !inSync || !cluster.isIsrEligible(follower) else { return nil }
                let pair = BrokerPair(follower: follower, leader: leader)
                let pairIndex: Int
                if let index = pairs.firstIndex(of: pair) {
                    pairIndex = index
                } else {
                    pairIndex = pairs.count
                    pairs.append(pair)
                }
                fetches.append(
                    (
                        pairIndex,
                        PartitionFetch(
                            id: id, leaderEpoch: state.leaderEpoch, fetchOffset: leaderEnd,
                            leaderLogEndOffset: leaderEnd, leaderHighWatermark: highWatermark)
                    ))
            }
        }
        return (pairs, fetches, shrinks)
    }
}
