extension Cluster {
    /// Follower `follower` fetches every partition it follows, in topic-partition order.
    mutating func sendFetches(from follower: BrokerID) {
        for id in allPartitionIDs {
            guard let state = partition(id), let leader = state.leader, leader != follower,
                state.replicas.contains(follower), !engine.awaitingResponse.contains(Self.fetchKey(follower, id)),
                engine.runtimes[leader]?.isReachable == true
            else { continue }
            let response = handleFetch(id, follower: follower, leader: leader)
            let lag = engine.runtimes[follower]?.fetchLagMs ?? 0
            if lag == 0 {
                receive(response, follower: follower)
            } else {
                engine.lastPayloadID += 1
                engine.inFlight[engine.lastPayloadID] = response
                engine.awaitingResponse.insert(Self.fetchKey(follower, id))
                engine.queue.schedule(
                    at: engine.now + lag, .fetchResponse, broker: follower, partition: id,
                    requestID: engine.lastPayloadID)
            }
        }
    }

    /// The leader side of a follower fetch.
    ///
    /// Kafka: `Partition.fetchRecords` (diverging-epoch check with `lastFetchedEpoch`, KIP-320), then
    /// `Partition.updateFollowerFetchState` → `Replica.updateFetchStateOrThrow`, `maybeExpandIsr`,
    /// `maybeIncrementLeaderHW`.
    private mutating func handleFetch(_ id: TopicPartition, follower: BrokerID, leader: BrokerID) -> FetchResponse {
        let state = partition(id)!
        let followerLog = state.logs[follower] ?? ReplicaLog()
        let leaderLog = state.logs[leader] ?? ReplicaLog()
        let fetchOffset = followerLog.logEndOffset
        var response = FetchResponse(partition: id, follower: follower, leader: leader, leaderEpoch: state.leaderEpoch)
        if let lastFetchedEpoch = followerLog.latestEpoch {
            let end = leaderLog.epochCache.endOffsetFor(lastFetchedEpoch, logEndOffset: leaderLog.logEndOffset)
            if end.epoch < lastFetchedEpoch || end.endOffset < fetchOffset {
                response.divergingEpoch = LeaderEpochCache.Entry(epoch: end.epoch, startOffset: end.endOffset)
                response.highWatermark = leaderLog.highWatermark
                return response
            }
        }
        topics[id.topic]!.partitions[id.partition].followerStates[follower, default: FollowerFetchState()]
            .updateFetchState(fetchOffset: fetchOffset, leaderEndOffset: leaderLog.logEndOffset, now: kafkaTimeMs)
        maybeExpandIsr(id, follower: follower)
        maybeIncrementLeaderHighWatermark(id)
        let updated = partition(id)!.logs[leader]!
        response.records = updated.records(from: fetchOffset, to: updated.logEndOffset)
        response.highWatermark = updated.highWatermark
        return response
    }

    /// The follower side: truncate on a diverging epoch, or append and take the leader's HW.
    ///
    /// Kafka: `AbstractFetcherThread.processFetchResponse` / `truncateOnFetchResponse` /
    /// `getOffsetTruncationState`, `ReplicaFetcherThread.processPartitionData` (follower HW = min(leader HW, LEO)).
    mutating func receive(_ response: FetchResponse, follower: BrokerID) {
        let id = response.partition
        guard accepts(response, follower: follower) else { return }
        // The follower's log is changed in place: a copy would duplicate its records on every fetch.
        if let truncation = Self.apply(response, to: &topics[id.topic]!.partitions[id.partition].logs[follower]!) {
            note("broker \(follower) truncates \(id) from \(truncation.from) to \(truncation.to) (diverging epoch)")
        }
    }

    /// Whether the response is still current: same leader and epoch, and the follower has a log.
    private func accepts(_ response: FetchResponse, follower: BrokerID) -> Bool {
        guard let state = partition(response.partition) else { return false }
        return state.leader == response.leader && state.leaderEpoch == response.leaderEpoch
            && state.logs[follower] != nil
    }

    /// Truncates or appends; returns the truncation when records were removed.
    private static func apply(_ response: FetchResponse, to log: inout ReplicaLog) -> (from: Int, to: Int)? {
        if let diverging = response.divergingEpoch {
            let target: Int
            if diverging.startOffset == LeaderEpochCache.undefined {
                target = log.highWatermark
            } else if diverging.epoch == LeaderEpochCache.undefined {
                target = min(diverging.startOffset, log.logEndOffset)
            } else {
                let own = log.epochCache.endOffsetFor(diverging.epoch, logEndOffset: log.logEndOffset)
                if own.epoch == LeaderEpochCache.undefined {
                    target = min(diverging.startOffset, log.logEndOffset)
                } else if own.epoch == diverging.epoch {
                    target = min(diverging.startOffset, own.endOffset, log.logEndOffset)
                } else {
                    // KIP-279: truncate to our own end of that earlier epoch and ask again on the next fetch.
                    target = min(own.endOffset, log.logEndOffset)
                }
            }
            let truncation = target < log.logEndOffset ? (from: log.logEndOffset, to: target) : nil
            log.truncate(to: target)
            return truncation
        }
        let fresh = response.records.filter { $0.offset >= log.logEndOffset }
        guard fresh.first.map({ $0.offset == log.logEndOffset }) ?? true else { return nil }
        log.append(fresh)
        log.highWatermark = min(response.highWatermark, log.logEndOffset)
        return nil
    }
}
