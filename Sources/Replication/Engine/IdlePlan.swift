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
        var partitions: [PartitionFetch] = []
    }

    var brokerStreams: [BrokerStream] = []
    var sessions: [SessionPlan] = []
    /// Events that happen once and change nothing: session checks already scheduled, fetch events of fetches that
    /// moved on.
    var onceEvents: [SimulatedInstant] = []
    /// The first event that may change something other than time.
    var barrier = SimulatedInstant.distantFuture
    /// The work one event counts (see `EngineBudget`), and what skipping the stretch counts.
    var workPerEvent: Int64
    /// The last instant the stretch runs through.
    var end: SimulatedInstant
    private var sessionIndexes: [FetchSessionID: Int] = [:]
    /// Every periodic stream (`makeStreams`), made once the plan is complete: the count, the last event and the
    /// stretch's end all read them.
    private var streams: [(SimulatedInstant, SimulatedDuration)] = []
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
        var streamIndexes: [BrokerID: Int] = [:]
        streamIndexes.reserveCapacity(cluster.brokers.count)
        sessionIndexes.reserveCapacity(engine.fetchSessions.count)
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
            streamIndexes[broker] = brokerStreams.count
            brokerStreams.append(
                BrokerStream(
                    broker: broker, isHeartbeating: runtime.isHeartbeating,
                    heartbeatPeriod: config.brokerHeartbeatInterval, fetcherTickPeriod: config.replicaFetchWaitMax,
                    isrExpiryPeriod: max(.milliseconds(1), config.replicaLagTimeMax / 2)))
        }
        guard let (fetches, shrinks) = Self.idleFetches(cluster) else { return nil }
        // Every fetch session must be one the fetcher wants, and every wanted one must exist.
        guard fetches.count == engine.fetchSessions.count else { return nil }
        for session in engine.fetchSessions.values {
            guard let partitions = fetches[BrokerPair(follower: session.follower, leader: session.leader)],
                let runtime = engine.runtimes[session.follower]
            else { return nil }
            let delay = runtime.fetchLag > .zero ? runtime.fetchLag : networkDelay
            let period = networkDelay + fetchWait + delay
            var plan = SessionPlan(
                id: session.id, follower: session.follower, leader: session.leader, period: period,
                firstResponse: .distantFuture, partitions: partitions)
            switch session.stage {
            case .request:
                plan.initialArrival = .distantFuture
            case .parked(let deadline):
                let expected = partitions.map { ($0.id, $0.leaderEpoch, $0.fetchOffset) }
                let actual = session.fetched.map { ($0.partition, $0.leaderEpoch, $0.fetchOffset) }
                guard expected.elementsEqual(actual, by: { $0 == $1 }) else { return nil }
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
            sessionIndexes[session.id] = sessions.count
            sessions.append(plan)
        }
        // The queue: every event is periodic, a live fetch event, a no-op, or the barrier.
        var liveEvents = 0
        for scheduled in engine.queue.unordered {
            let time = scheduled.time
            switch scheduled.event {
            case .heartbeat(let id):
                guard let index = streamIndexes[id], brokerStreams[index].heartbeat == .distantFuture else {
                    return nil
                }
                brokerStreams[index].heartbeat = time
            case .fetcherTick(let id):
                guard let index = streamIndexes[id], brokerStreams[index].fetcherTick == .distantFuture else {
                    return nil
                }
                brokerStreams[index].fetcherTick = time
            case .isrExpiry(let id):
                guard let index = streamIndexes[id], brokerStreams[index].isrExpiry == .distantFuture else {
                    return nil
                }
                brokerStreams[index].isrExpiry = time
            case .sessionExpiry:
                onceEvents.append(time)
            case .fetchArrival(let id, _), .fetchExpiry(let id, _), .fetchResponse(let id, _):
                if let index = sessionIndexes[id], isLive(scheduled, of: engine.fetchSessions[id]!) {
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
        for (leader, outOfSyncAfter) in shrinks {
            guard let index = streamIndexes[leader] else { return nil }
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
        onceEvents.sort()
        streams = makeStreams()
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

    /// Every instant some event of `session` happens at: before its first response, then per period.
    private func sessionStreams(_ session: SessionPlan) -> [(SimulatedInstant, SimulatedDuration)] {
        let period = session.period
        var streams: [(SimulatedInstant, SimulatedDuration)] = [
            (session.firstResponse, period), (session.firstResponse + networkDelay, period),
            (session.firstResponse + networkDelay + fetchWait, period),
        ]
        // Events before the first response happen once: a period longer than the stretch can be.
        let once = SimulatedDuration(milliseconds: Int64.max / 4)
        if let arrival = session.initialArrival { streams.append((arrival, once)) }
        if let deadline = session.initialDeadline { streams.append((deadline, once)) }
        return streams
    }

    /// Every periodic stream: (first instant, period).
    private func makeStreams() -> [(SimulatedInstant, SimulatedDuration)] {
        var all: [(SimulatedInstant, SimulatedDuration)] = []
        for stream in brokerStreams {
            all.append((stream.heartbeat, stream.heartbeatPeriod))
            all.append((stream.fetcherTick, stream.fetcherTickPeriod))
            all.append((stream.isrExpiry, stream.isrExpiryPeriod))
            // The session check each heartbeat schedules.
            if stream.isHeartbeating { all.append((stream.heartbeat + sessionTimeout, stream.heartbeatPeriod)) }
        }
        for session in sessions { all += sessionStreams(session) }
        return all
    }

    /// How many events happen up to `time`.
    func count(through time: SimulatedInstant) -> Int64 {
        var total: Int64 = 0
        for (first, period) in streams { total += Self.occurrences(first, period, time) }
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
        for (first, period) in streams {
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
            return sessionIndexes[id] == nil || !isLiveTime(scheduled, id)
        default: return false
        }
    }

    private func isLiveTime(_ scheduled: ScheduledEvent, _ id: FetchSessionID) -> Bool {
        guard let index = sessionIndexes[id] else { return false }
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
