/// The periodic events of an idle cluster, read from it, so that `Cluster.skipIdleTime` can run them by arithmetic.
///
/// Building one checks that the cluster is idle (see `skipIdleTime`); the initializer fails otherwise.
struct IdlePlan {
    /// One broker's periodic events: heartbeat, fetcher tick, ISR-expiry check (each scheduled once).
    struct BrokerStream {
        var broker: BrokerID
        var isHeartbeating: Bool
        var heartbeat = SimulatedInstant.distantFuture
        var heartbeatPeriod: SimulatedDuration
        var fetcherTick = SimulatedInstant.distantFuture
        var fetcherTickPeriod: SimulatedDuration
        var isrExpiry = SimulatedInstant.distantFuture
        var isrExpiryPeriod: SimulatedDuration
    }

    /// What a follower's fetch reads of one partition while nothing changes.
    struct PartitionFetch {
        var id: TopicPartition
        var leaderEpoch: Int
        var fetchOffset: Int64
        var leaderLogEndOffset: Int64
        var leaderHighWatermark: Int64
    }

    /// One follower's long-poll fetch to one leader, repeating every `period`.
    struct SessionPlan {
        var id: FetchSessionID
        var follower: BrokerID
        var leader: BrokerID
        var period: SimulatedDuration
        /// When the outstanding request arrives, if it is still on its way.
        var initialArrival: SimulatedInstant?
        /// When the outstanding fetch expires at the leader, if it has not been answered yet.
        var initialDeadline: SimulatedInstant?
        /// When the first response in the stretch reaches the follower.
        var firstResponse: SimulatedInstant
        /// Where the fetch's partitions are in `partitionFetches`.
        var partitions: Range<Int>
    }

    var brokerStreams: [BrokerStream] = []
    /// The sessions, by ascending id (as the engine's table keeps them).
    var sessions: [SessionPlan] = []
    /// What each session's fetch reads, session after session (see `SessionPlan.partitions`).
    var partitionFetches: [PartitionFetch] = []
    /// Events that happen once and change nothing: session checks already scheduled, fetch events of fetches that
    /// moved on.
    var onceEvents: [SimulatedInstant] = []
    /// The first event that may change something other than time.
    var barrier = SimulatedInstant.distantFuture
    /// The work one event counts (see `EngineBudget`), and what skipping the stretch counts.
    var workPerEvent: Int64
    /// The last instant the stretch runs through.
    var end: SimulatedInstant
    private let networkDelay: SimulatedDuration
    private let fetchWait: SimulatedDuration
    private let sessionTimeout: SimulatedDuration

    /// Reads the idle cluster's periodic events; nil when the cluster is not idle.
    init?(_ cluster: Cluster) {
        let engine = cluster.engine
        let config = engine.config
        let now = engine.now
        networkDelay = config.networkDelay
        fetchWait = config.replicaFetchWaitMax
        sessionTimeout = config.brokerSessionTimeout
        end = now
        workPerEvent = cluster.workPerEvent
        guard config.brokerHeartbeatInterval < config.brokerSessionTimeout,
            engine.pendingRequestIDs.allSatisfy({ cluster.decidedOutcome(of: $0) == nil })
        else { return nil }
        brokerStreams.reserveCapacity(cluster.brokers.count)
        // Brokers that heartbeat while fenced: their next heartbeat unfences them, and the stretch ends before it.
        var unfencing: [Int] = []
        for broker in cluster.brokers.keys.sorted() {
            guard let runtime = engine.runtimes[broker], engine.started.contains(broker), runtime.state != .restarting
            else { return nil }
            if runtime.isHeartbeating, runtime.isFenced {
                // Kafka: `BrokerHeartbeatManager` — a fenced broker's heartbeat asks to be unfenced.
                unfencing.append(brokerStreams.count)
            } else if !runtime.isHeartbeating, !runtime.isFenced {
                // Kafka: `BrokerHeartbeatManager` — the session of a broker that stopped heartbeating expires
                // `broker.session.timeout.ms` after its last heartbeat, and the controller fences it then.
                barrier = min(barrier, runtime.lastHeartbeat + sessionTimeout)
            }
            brokerStreams.append(
                BrokerStream(
                    broker: broker, isHeartbeating: runtime.isHeartbeating,
                    heartbeatPeriod: config.brokerHeartbeatInterval, fetcherTickPeriod: config.replicaFetchWaitMax,
                    isrExpiryPeriod: max(.milliseconds(1), config.replicaLagTimeMax / 2)))
        }
        guard let idle = Self.idleFetches(cluster) else { return nil }
        // Every fetch session must be one the fetcher wants, and every wanted one must exist.
        guard idle.pairs.count == engine.fetchSessions.count else { return nil }
        sessions.reserveCapacity(engine.fetchSessions.count)
        partitionFetches.reserveCapacity(idle.fetches.count)
        for session in engine.fetchSessions.values {
            let pair = BrokerPair(follower: session.follower, leader: session.leader)
            guard let pairIndex = idle.pairs.firstIndex(of: pair), let runtime = engine.runtimes[session.follower]
            else { return nil }
            // The pair's partitions, in the order the fetcher reads them.
            let first = partitionFetches.count
            for fetch in idle.fetches where fetch.pair == pairIndex { partitionFetches.append(fetch.fetch) }
            let partitions = first..<partitionFetches.count
            let delay = runtime.fetchLag > .zero ? runtime.fetchLag : networkDelay
            let period = networkDelay + fetchWait + delay
            var plan = SessionPlan(
                id: session.id, follower: session.follower, leader: session.leader, period: period,
                firstResponse: .distantFuture, partitions: partitions)
            switch session.stage {
            case .request:
                plan.initialArrival = .distantFuture
            case .parked(let deadline):
                guard session.fetched.count == partitions.count else { return nil }
                for (fetched, index) in zip(session.fetched, partitions) {
                    let expected = partitionFetches[index]
                    guard fetched.partition == expected.id, fetched.leaderEpoch == expected.leaderEpoch,
                        fetched.fetchOffset == expected.fetchOffset
                    else { return nil }
                }
                plan.initialDeadline = deadline
                plan.firstResponse = deadline + delay
            case .response(let responses):
                for response in responses {
                    guard response.records.isEmpty, response.divergingEpoch == nil else { return nil }
                    guard let state = cluster.partition(response.partition), state.leader == response.leader,
                        state.leaderEpoch == response.leaderEpoch, let log = state.logs[session.follower]
                    else { continue }
                    guard min(response.highWatermark, log.logEndOffset) == log.highWatermark else { return nil }
                }
            }
            sessions.append(plan)
        }
        // The queue: every event is periodic, a live fetch event, a no-op, or the barrier.
        var liveEvents = 0
        for scheduled in engine.queue.unordered {
            let time = scheduled.time
            switch scheduled.event {
            case .heartbeat(let id):
                guard let index = streamIndex(of: id), brokerStreams[index].heartbeat == .distantFuture else {
                    return nil
                }
                brokerStreams[index].heartbeat = time
            case .fetcherTick(let id):
                guard let index = streamIndex(of: id), brokerStreams[index].fetcherTick == .distantFuture else {
                    return nil
                }
                brokerStreams[index].fetcherTick = time
            case .isrExpiry(let id):
                guard let index = streamIndex(of: id), brokerStreams[index].isrExpiry == .distantFuture else {
                    return nil
                }
                brokerStreams[index].isrExpiry = time
            case .sessionExpiry:
                onceEvents.append(time)
            case .fetchArrival(let id, _), .fetchExpiry(let id, _), .fetchResponse(let id, _):
                if let index = sessionIndex(of: id), isLive(scheduled, of: engine.fetchSessions[id]!) {
                    liveEvents += 1
                    let delay = sessions[index].period - networkDelay - fetchWait
                    switch scheduled.event {
                    case .fetchArrival:
                        sessions[index].initialArrival = time
                        sessions[index].initialDeadline = time + fetchWait
                        sessions[index].firstResponse = time + fetchWait + delay
                    case .fetchResponse: sessions[index].firstResponse = time
                    default: break
                    }
                } else {
                    onceEvents.append(time)
                }
            case .electPreferred, .electUnclean, .requestTimeout, .producerSend, .deliveryTimeout,
                .consumerSessionExpiry:
                barrier = min(barrier, time)
            }
        }
        guard liveEvents == sessions.count,
            sessions.allSatisfy({ $0.firstResponse > now && $0.firstResponse <= now + $0.period }),
            brokerStreams.allSatisfy({ $0.heartbeat != .distantFuture && $0.fetcherTick != .distantFuture })
        else { return nil }
        for index in unfencing { barrier = min(barrier, brokerStreams[index].heartbeat) }
        // Kafka: `ReplicaManager.maybeShrinkIsr` runs every `replica.lag.time.max.ms / 2`; the first check after a
        // member is out of sync shrinks the ISR.
        for (leader, outOfSyncAfter) in idle.shrinks {
            guard let index = streamIndex(of: leader) else { return nil }
            let stream = brokerStreams[index]
            let checks = Self.occurrences(stream.isrExpiry, stream.isrExpiryPeriod, outOfSyncAfter)
            barrier = min(barrier, stream.isrExpiry + stream.isrExpiryPeriod * checks)
        }
        // A heartbeating broker's session checks find it current: the next heartbeat comes before the session ends.
        for stream in brokerStreams where stream.isHeartbeating {
            guard let last = engine.runtimes[stream.broker]?.lastHeartbeat,
                stream.heartbeat < last + config.brokerSessionTimeout
            else { return nil }
        }
        // Last, as it reads every partition's history: the oracle would find nothing new.
        guard engine.oracle.isSettled(cluster) else { return nil }
        if onceEvents.count > 1 { onceEvents.sort() }
    }

    /// The position of broker `id`'s stream in `brokerStreams` (by ascending broker id), if it has one.
    private func streamIndex(of id: BrokerID) -> Int? {
        brokerStreams.withUnsafeBufferPointer { streams in
            for index in streams.indices where streams[index].broker == id { return index }
            return nil
        }
    }

    /// The position of session `id` in `sessions` (by ascending id), if the plan has it.
    private func sessionIndex(of id: FetchSessionID) -> Int? {
        sessions.withUnsafeBufferPointer { sessions in
            var low = 0
            var high = sessions.count
            while low < high {
                let middle = (low + high) / 2
                if sessions[middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low < sessions.count && sessions[low].id == id ? low : nil
        }
    }

    /// Whether `scheduled` is the event `session` waits for.
    private func isLive(_ scheduled: ScheduledEvent, of session: FetchSession) -> Bool {
        switch (scheduled.event, session.stage) {
        case (.fetchArrival, .request), (.fetchResponse, .response): true
        case (.fetchExpiry, .parked(let deadline)): deadline == scheduled.time
        default: false
        }
    }

    /// Chooses the last instant of the stretch: before the barrier and at most `target`; false when too few events
    /// would run. The work cap does not shorten it: the stretch costs the work of one event (see `skipIdleTime`).
    mutating func limit(to target: SimulatedInstant) -> Bool {
        let last = min(target, barrier - .milliseconds(1))
        guard last > end else { return false }
        end = last
        // A few events are not worth the bookkeeping: the caller runs them one by one.
        return count(through: last) >= 16
    }

    /// How many times an event first at `first` and then every `period` happens up to `time`.
    static func occurrences(_ first: SimulatedInstant, _ period: SimulatedDuration, _ time: SimulatedInstant) -> Int64 {
        time < first ? 0 : (time - first).milliseconds / period.milliseconds + 1
    }

    /// The last time such an event happens up to `time`, if it does.
    static func last(_ first: SimulatedInstant, _ period: SimulatedDuration, _ time: SimulatedInstant)
        -> SimulatedInstant?
    {
        let count = occurrences(first, period, time)
        return count > 0 ? first + period * (count - 1) : nil
    }

    /// Calls `body` with every periodic stream's first instant and period: each broker's heartbeat (and the session
    /// check each heartbeat schedules), fetcher tick and ISR-expiry check, and each session's response, next request
    /// and expiry, with the events before its first response, which happen once.
    private func forEachStream(_ body: (SimulatedInstant, SimulatedDuration) -> Void) {
        for stream in brokerStreams {
            body(stream.heartbeat, stream.heartbeatPeriod)
            body(stream.fetcherTick, stream.fetcherTickPeriod)
            body(stream.isrExpiry, stream.isrExpiryPeriod)
            if stream.isHeartbeating { body(stream.heartbeat + sessionTimeout, stream.heartbeatPeriod) }
        }
        // Events before the first response happen once: a period longer than the stretch can be.
        let once = SimulatedDuration(milliseconds: Int64.max / 4)
        for session in sessions {
            let period = session.period
            body(session.firstResponse, period)
            body(session.firstResponse + networkDelay, period)
            body(session.firstResponse + networkDelay + fetchWait, period)
            if let arrival = session.initialArrival { body(arrival, once) }
            if let deadline = session.initialDeadline { body(deadline, once) }
        }
    }

    /// How many events happen up to `time`.
    func count(through time: SimulatedInstant) -> Int64 {
        var total: Int64 = 0
        forEachStream { first, period in total += Self.occurrences(first, period, time) }
        var low = 0
        var high = onceEvents.count
        while low < high {
            let middle = (low + high) / 2
            if onceEvents[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return total + Int64(low)
    }

    /// The instant of the last event up to `time`.
    func lastEventTime(through time: SimulatedInstant) -> SimulatedInstant {
        var latest = SimulatedInstant.distantPast
        forEachStream { first, period in
            if let last = Self.last(first, period, time) { latest = max(latest, last) }
        }
        for once in onceEvents where once <= time { latest = max(latest, once) }
        return latest
    }

    /// The last time `session`'s fetch reaches its leader up to `time`.
    func lastArrival(of session: SessionPlan, through time: SimulatedInstant) -> SimulatedInstant? {
        if let last = Self.last(session.firstResponse + networkDelay, session.period, time) { return last }
        if let arrival = session.initialArrival, arrival <= time { return arrival }
        return nil
    }

    /// How many responses of all sessions arrive up to `time`: each starts a new fetch with the next session id.
    func totalResponses(through time: SimulatedInstant) -> Int64 {
        sessions.reduce(0) { $0 + Self.occurrences($1.firstResponse, $1.period, time) }
    }

    /// The position, from 1, of `session`'s response at `time` among all responses of the stretch: responses run by
    /// time, then follower, then session id (see `ScheduledEvent`), and a follower's fetches keep their order.
    func rank(of session: SessionPlan, at time: SimulatedInstant) -> Int64 {
        var rank: Int64 = 0
        for other in sessions {
            rank += Self.occurrences(other.firstResponse, other.period, time - .milliseconds(1))
            let isBefore = (other.follower, other.id.rawValue) <= (session.follower, session.id.rawValue)
            if isBefore, time >= other.firstResponse,
                (time - other.firstResponse).milliseconds % other.period.milliseconds == 0
            {
                rank += 1
            }
        }
        return rank
    }

    /// Whether `scheduled` is one of the events this plan runs by arithmetic (everything but the barrier's kinds).
    func isIdleEvent(_ scheduled: ScheduledEvent) -> Bool {
        switch scheduled.event {
        case .electPreferred, .electUnclean, .requestTimeout, .producerSend, .deliveryTimeout, .consumerSessionExpiry:
            false
        default: true
        }
    }

    /// Whether `scheduled`, when after the stretch, stays in the queue as it is (a one-off event), rather than being
    /// scheduled again by the plan.
    func isLeftAlone(_ scheduled: ScheduledEvent) -> Bool {
        switch scheduled.event {
        case .sessionExpiry: return true
        case .fetchArrival(let id, _), .fetchExpiry(let id, _), .fetchResponse(let id, _):
            return !isLiveTime(scheduled, id)
        default: return false
        }
    }

    private func isLiveTime(_ scheduled: ScheduledEvent, _ id: FetchSessionID) -> Bool {
        guard let index = sessionIndex(of: id) else { return false }
        let session = sessions[index]
        switch scheduled.event {
        case .fetchArrival: return session.initialArrival == scheduled.time
        case .fetchExpiry: return session.initialArrival == nil && session.initialDeadline == scheduled.time
        case .fetchResponse: return session.firstResponse == scheduled.time
        default: return false
        }
    }
}

/// A follower and the leader it fetches from.
struct BrokerPair: Hashable {
    var follower: BrokerID
    var leader: BrokerID
}
