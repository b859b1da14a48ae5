extension IdlePlan {
    /// What every fetching follower's long-poll fetch reads, by follower and leader, when no partition would change
    /// by a fetch, an ISR-expiry check or the checks after an event; nil otherwise.
    ///
    /// Per partition with a leader: every ISR follower was last seen at the leader's LEO (Kafka:
    /// `Partition.maybeShrinkIsr` finds nobody out of sync); and for each fetching follower of a reachable leader: the
    /// follower has the leader's records and HW and no diverging epoch (Kafka: `Partition.fetchRecords`), cannot join
    /// the ISR (`maybeExpandIsr`), and the leader's HW cannot move (`maybeIncrementLeaderHW`).
    static func idleFetches(_ cluster: Cluster) -> [BrokerPair: [PartitionFetch]]? {
        let engine = cluster.engine
        var fetches: [BrokerPair: [PartitionFetch]] = [:]
        for id in engine.partitionIDs {
            guard let state = cluster.partition(id), engine.oracle.isSettled(state, runtimes: engine.runtimes) else {
                return nil
            }
            guard let leader = state.leader else { continue }
            guard let leaderLog = state.logs[leader] else { return nil }
            let leaderEnd = leaderLog.logEndOffset
            let highWatermark = leaderLog.highWatermark
            if engine.runtimes[leader]?.isAlive == true, state.pendingIsr == nil {
                for member in state.isr where member != leader {
                    guard state.followerStates[member]?.logEndOffset == leaderEnd else { return nil }
                }
            }
            guard engine.runtimes[leader]?.isReachable == true else { continue }
            let frozen = cluster.behaviour.highWatermarkWaitsForMinIsr && state.isr.count < cluster.effectiveMinIsr(id)
            for (follower, log) in state.logs where follower != leader {
                guard engine.runtimes[follower]?.isFetching == true else { continue }
                guard log.logEndOffset == leaderEnd, log.highWatermark == highWatermark,
                    highWatermark == leaderEnd || frozen
                else { return nil }
                if let epoch = log.latestEpoch {
                    let end = leaderLog.epochCache.endOffsetFor(epoch, logEndOffset: leaderEnd)
                    guard end.epoch >= epoch, end.endOffset >= leaderEnd else { return nil }
                }
                let inSync = leaderEnd >= highWatermark && leaderEnd >= state.leaderEpochStartOffset
                guard state.maximalIsr.contains(follower) || !inSync || !cluster.isIsrEligible(follower) else {
                    return nil
                }
                fetches[BrokerPair(follower: follower, leader: leader), default: []].append(
                    PartitionFetch(
                        id: id, leaderEpoch: state.leaderEpoch, fetchOffset: leaderEnd, leaderLogEndOffset: leaderEnd,
                        leaderHighWatermark: highWatermark))
            }
        }
        return fetches
    }
}
