extension Cluster {
    /// Follower `follower` sends a fetch to every leader it follows partitions on and has no fetch outstanding with.
    ///
    /// Kafka: `AbstractFetcherThread.doWork` — one fetch in flight per leader; the next one leaves as soon as the
    /// previous response is processed (no client-side wait). A fetch to an unreachable leader is not sent; the
    /// fetcher tries again at its next tick.
    mutating func sendFetches(from follower: BrokerID) {
        guard engine.runtimes.isFetching(follower) else { return }
        // The table is scanned once for the leaders the follower has a fetch with (each route has its own leader, so
        // a fetch sent below changes no other route's answer), and the routes are read by position: a route copied
        // out retained its list of partitions.
        let outstanding = engine.fetchSessions.leaderBits(of: follower)
        let routes = fetchRoutes(of: follower)
        for index in routes.indices where engine.runtimes.isReachable(routes[index].leader) {
            let leader = routes[index].leader
            let isOutstanding =
                leader >= 0 && leader < 64
                ? outstanding & (1 << UInt64(leader)) != 0
                : engine.fetchSessions.contains(follower: follower, leader: leader)
            guard !isOutstanding else { continue }
            let sessionID = engine.lastFetchSessionID.next
            engine.lastFetchSessionID = sessionID
            engine.fetchSessions[sessionID] = FetchSession(
                id: sessionID, follower: follower, leader: leader, stage: .request)
            engine.queue.schedule(
                at: engine.now + engine.config.networkDelay, .fetchArrival(sessionID, follower: follower))
        }
    }

    /// A fetch reaches its leader: the leader reads every partition, and answers at once when there is data or a
    /// diverging epoch, otherwise parks the fetch.
    ///
    /// Kafka: `ReplicaManager.fetchMessages` — the follower's fetch state is updated on this first read only
    /// (`updateFollowerFetchState`); without `replica.fetch.min.bytes` (1) of data the request becomes a
    /// `DelayedFetch` for up to `replica.fetch.wait.max.ms`.
    mutating func fetchArrives(_ sessionID: FetchSessionID) {
        // Taken out of its table (and put back below): a copy would share, and so copy on write, its arrays.
        guard var session = engine.fetchSessions.take(sessionID) else { return }
        guard session.stage == .request else {
            engine.fetchSessions[sessionID] = session
            return
        }
        guard engine.runtimes.isReachable(session.leader) else {
            engine.fetchSessions[sessionID] = nil
            return
        }
        let follower = session.follower
        let partitions = fetchRoutes(of: follower).first { $0.leader == session.leader }?.partitions ?? []
        var fetched: [FetchSession.Fetched] = []
        fetched.reserveCapacity(partitions.count)
        for id in partitions {
            let read = readPartition(id) { state in
                state.logs.read(follower) {
                    FetchSession.Fetched(
                        partition: state.id, leaderEpoch: state.leaderEpoch, fetchOffset: $0.logEndOffset)
                }
            }
            if let read = read ?? nil { fetched.append(read) }
        }
        // A new fetch has read nothing yet: the list is taken as it is rather than appended to an empty one.
        if session.fetched.isEmpty { session.fetched = fetched } else { session.fetched += fetched }
        // The first response is kept aside, and a list is made only to answer: a fetch that finds nothing new (the
        // usual case) is parked, and its responses are dropped.
        var first: FetchResponse?
        var others: [FetchResponse] = []
        var hasData = false
        let leader = session.leader
        for read in fetched {
            let response = handleFetch(read.partition, follower: follower, leader: leader)
            hasData = hasData || response.divergingEpoch != nil || !response.records.isEmpty
            if first == nil { first = response } else { others.append(response) }
        }
        if hasData || first == nil {
            var responses: [FetchResponse] = []
            if let first {
                responses.reserveCapacity(1 + others.count)
                responses.append(first)
                responses += others
            }
            respond(&session, responses)
        } else {
            let deadline = engine.now + engine.config.replicaFetchWaitMax
            session.stage = .parked(deadline: deadline)
            engine.queue.schedule(at: deadline, .fetchExpiry(sessionID, follower: session.follower))
        }
        engine.fetchSessions[sessionID] = session
    }

    /// Completes a parked fetch: reads the partitions again from the same offsets, with the leader's current HW.
    ///
    /// Kafka: `DelayedFetch.onComplete` → `ReplicaManager.readFromLog` (no second follower-state update). A partition
    /// the broker no longer leads in the same epoch is answered with an error (left out here).
    mutating func completeParkedFetch(_ sessionID: FetchSessionID) {
        guard var session = engine.fetchSessions.take(sessionID) else { return }
        guard session.isParked else {
            engine.fetchSessions[sessionID] = session
            return
        }
        // The closure captures the two ids, not the session (which it would copy).
        let (leader, follower) = (session.leader, session.follower)
        var responses: [FetchResponse] = []
        responses.reserveCapacity(session.fetched.count)
        for fetched in session.fetched {
            let response = readPartition(fetched.partition) { state -> FetchResponse? in
                guard state.leader == leader, state.leaderEpoch == fetched.leaderEpoch,
                    let position = state.logs.position(of: leader)
                else { return nil }
                var response = FetchResponse(
                    partition: fetched.partition, follower: follower, leader: leader, leaderEpoch: fetched.leaderEpoch)
                // Read where the log is stored: a copy of it would retain and release its parts.
                Self.readRecords(from: fetched.fetchOffset, of: &state.logs.values[position], into: &response)
                return response
            }
            if let response = response ?? nil { responses.append(response) }
        }
        respond(&session, responses)
        engine.fetchSessions[sessionID] = session
    }

    /// Wakes the fetches parked at `leader` that read `id`: the leader appended to it.
    ///
    /// Kafka: `ReplicaManager.appendRecords` → `addCompletePurgatoryAction` → `delayedFetchPurgatory.checkAndComplete`
    /// ("probably unblock some follower fetch requests since log end offset has been updated"); also
    /// `completeDelayedFetchOrProduceRequests` when the broker stops leading a partition.
    mutating func wakeParkedFetches(at leader: BrokerID, for id: TopicPartition) {
        // One at a time, in ascending order: completing a fetch changes no other session, so the ids found are those
        // a list taken first would hold.
        var last: FetchSessionID?
        while let session = engine.fetchSessions.firstParkedID(at: leader, reading: id, after: last) {
            completeParkedFetch(session)
            last = session
        }
    }

    /// A fetch response reaches its follower: it processes every partition, then fetches again at once.
    mutating func fetchResponseArrives(_ sessionID: FetchSessionID) {
        // Moved out of the table, and the responses read where they are: not copied one by one.
        guard let session = engine.fetchSessions.remove(sessionID) else { return }
        guard case .response(let responses) = session.stage else {
            engine.fetchSessions[sessionID] = session
            return
        }
        let follower = session.follower
        guard engine.runtimes.isFetching(follower) else { return }
        responses.withUnsafeBufferPointer { responses in
            for index in responses.indices { receive(responses[index], follower: follower) }
        }
        sendFetches(from: follower)
    }

    /// Sends the response back: it arrives after the network delay, or the follower's `slow` lag.
    private mutating func respond(_ session: inout FetchSession, _ responses: [FetchResponse]) {
        session.stage = .response(responses)
        let lag = engine.runtimes[session.follower]?.fetchLag ?? .zero
        let delay = lag > .zero ? lag : engine.config.networkDelay
        engine.queue.schedule(at: engine.now + delay, .fetchResponse(session.id, follower: session.follower))
    }

    /// Drops the fetches of a follower that stopped fetching, and those to a leader nobody can reach.
    mutating func dropFetchSessions(involving broker: BrokerID) {
        let reachable = engine.runtimes[broker]?.isReachable == true
        engine.fetchSessions.removeAll { session in
            session.follower == broker || (!reachable && session.leader == broker)
        }
    }

    /// The leader side of a follower fetch.
    ///
    /// Kafka: `Partition.fetchRecords` (diverging-epoch check with `lastFetchedEpoch`, KIP-320), then
    /// `Partition.updateFollowerFetchState` → `Replica.updateFetchStateOrThrow`, `maybeExpandIsr`,
    /// `maybeIncrementLeaderHW`.
    mutating func handleFetch(_ id: TopicPartition, follower: BrokerID, leader: BrokerID) -> FetchResponse {
        let now = engine.now
        // One access in place: what the checks need, and the diverging epoch if there is one; else the follower's
        // fetch state is updated there (as `modifyFollowerFetchState` does: the oracle reads no fetch state) and the
        // ISR expansion check reads the updated state.
        let read = readPartition(id) { state in
            // By position, in place: a copy of either log would retain and release its parts.
            let followerLog = state.logs.position(of: follower)
            let leaderLog = state.logs.position(of: leader)
            let fetchOffset = followerLog.map { state.logs.values[$0].logEndOffset } ?? 0
            let leaderEndOffset = leaderLog.map { state.logs.values[$0].logEndOffset } ?? 0
            var diverging: LeaderEpochCache.Entry?
            if let lastFetchedEpoch = followerLog.flatMap({ state.logs.values[$0].latestEpoch }) {
                let end =
                    leaderLog.map {
                        state.logs.values[$0].epochCache.endOffsetFor(lastFetchedEpoch, logEndOffset: leaderEndOffset)
                    } ?? LeaderEpochCache().endOffsetFor(lastFetchedEpoch, logEndOffset: leaderEndOffset)
                if end.epoch < lastFetchedEpoch || end.endOffset < fetchOffset {
                    diverging = LeaderEpochCache.Entry(epoch: end.epoch, startOffset: end.endOffset)
                }
            }
            var isrBeforeExpansion: [BrokerID]?
            if diverging == nil {
                state.followerStates.modify(follower, default: FollowerFetchState()) {
                    $0.updateFetchState(fetchOffset: fetchOffset, leaderEndOffset: leaderEndOffset, now: now)
                }
                isrBeforeExpansion = Self.isrBeforeExpansion(of: state, follower: follower)
            }
            return (
                leaderEpoch: state.leaderEpoch, fetchOffset: fetchOffset,
                leaderHighWatermark: leaderLog.map { state.logs.values[$0].highWatermark } ?? 0, diverging: diverging,
                isrBeforeExpansion: isrBeforeExpansion
            )
        }!
        let fetchOffset = read.fetchOffset
        var response = FetchResponse(partition: id, follower: follower, leader: leader, leaderEpoch: read.leaderEpoch)
        if let diverging = read.diverging {
            response.divergingEpoch = diverging
            response.highWatermark = read.leaderHighWatermark
            return response
        }
        if let oldIsr = read.isrBeforeExpansion { expandIsr(id, follower: follower, oldIsr: oldIsr) }
        maybeIncrementLeaderHighWatermark(id)
        readPartition(id) { state in
            let updated = state.logs.position(of: leader)!
            Self.readRecords(from: fetchOffset, of: &state.logs.values[updated], into: &response)
        }
        return response
    }

    /// Puts the leader's records from `fetchOffset` to its LEO (slices of its batches, shared) and its HW in
    /// `response`. The log is borrowed in place: a copy of it would retain and release its parts.
    private static func readRecords(from fetchOffset: Int64, of log: inout ReplicaLog, into response: inout FetchResponse) {
        log.forEachSlice(from: fetchOffset, to: log.logEndOffset) { response.records.append($0) }
        response.highWatermark = log.highWatermark
    }

    /// The follower side: truncate on a diverging epoch, or append and take the leader's HW.
    ///
    /// Kafka: `AbstractFetcherThread.processFetchResponse` / `truncateOnFetchResponse` /
    /// `getOffsetTruncationState`, `ReplicaFetcherThread.processPartitionData` (follower HW = min(leader HW, LEO)).
    mutating func receive(_ response: FetchResponse, follower: BrokerID) {
        // The closures below capture these fields, not the response: a captured response was copied (its partition
        // and records retained) by each of them.
        let id = response.partition
        let (leader, leaderEpoch) = (response.leader, response.leaderEpoch)
        guard accepts(id, leader: leader, leaderEpoch: leaderEpoch, follower: follower) else { return }
        let highWatermark = response.highWatermark
        let divergingEpoch = response.divergingEpoch
        let lastEndOffset = response.records.last?.endOffset
        if divergingEpoch == nil,
            readPartition(
                id,
                { state in
                    state.logs.read(follower) { log in
                        lastEndOffset.map({ $0 <= log.logEndOffset }) ?? true
                            && min(highWatermark, log.logEndOffset) == log.highWatermark
                    } ?? false
                }) == true
        {
            // Nothing new (a long poll that expired): the log stays as it is, and the oracle has nothing to check.
            return
        }
        let records = response.records
        // The follower's log is changed in place: a copy would duplicate its records on every fetch.
        if let truncation = modifyPartition(
            id,
            {
                $0.logs.modify(follower) {
                    Self.apply(records, highWatermark: highWatermark, divergingEpoch: divergingEpoch, to: &$0)
                }!
            })
        {
            note("broker \(follower) truncates \(id) from \(truncation.from) to \(truncation.to) (diverging epoch)")
            reportFormerLeaderRecordsLost(id, broker: follower)
        }
    }

    /// Whether a response from `leader` in `leaderEpoch` is still current: same leader and epoch, and the follower
    /// has a log.
    private mutating func accepts(
        _ id: TopicPartition, leader: BrokerID, leaderEpoch: Int, follower: BrokerID
    ) -> Bool {
        readPartition(id) { state in
            state.leader == leader && state.leaderEpoch == leaderEpoch && state.logs.position(of: follower) != nil
        } ?? false
    }

    /// Truncates or appends; returns the truncation when records were removed.
    private static func apply(
        _ records: InlineList<RecordSlice>, highWatermark: Int64, divergingEpoch: LeaderEpochCache.Entry?,
        to log: inout ReplicaLog
    ) -> (from: Int64, to: Int64)? {
        if let diverging = divergingEpoch {
            let target: Int64
            if diverging.startOffset == LeaderEpochCache.undefinedOffset {
                target = log.highWatermark
            } else if diverging.epoch == LeaderEpochCache.undefinedEpoch {
                target = min(diverging.startOffset, log.logEndOffset)
            } else {
                let own = log.epochCache.endOffsetFor(diverging.epoch, logEndOffset: log.logEndOffset)
                if own.epoch == LeaderEpochCache.undefinedEpoch {
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
        // The records are a run of the leader's log, ascending: the fresh ones are a suffix.
        let end = log.logEndOffset
        let firstFresh = records.firstIndex { $0.endOffset > end } ?? records.endIndex
        guard firstFresh < records.endIndex else {
            log.highWatermark = min(highWatermark, log.logEndOffset)
            return nil
        }
        let first = records[firstFresh]
        guard first.baseOffset <= end else { return nil }
        log.append(first.clamped(from: end, to: first.endOffset))
        for index in (firstFresh + 1)..<records.endIndex { log.append(records[index]) }
        log.highWatermark = min(highWatermark, log.logEndOffset)
        return nil
    }
}
