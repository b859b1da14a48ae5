/// Whether the engine may skip idle time, and when it next tries; bookkeeping, not state: two clusters that differ
/// only here are equal.
struct QuiescenceControl: Hashable, Sendable {
    /// Whether idle stretches are skipped (off only to test that skipping changes nothing).
    var isEnabled = true
    /// The first event time at which the engine looks for an idle stretch again after finding none.
    var nextAttempt = SimulatedInstant.distantPast
    /// How many idle stretches were skipped (for tests: proof that skipping happened).
    var skippedStretches = 0
    /// How many times the engine looked for an idle stretch (for benchmarks: what looking costs).
    var attempts = 0

    static func == (lhs: QuiescenceControl, rhs: QuiescenceControl) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

extension Cluster {
    /// Whether the engine skips idle stretches of time (on by default); turning it off changes nothing but speed.
    public var skipsIdleTime: Bool {
        get { engine.quiescence.isEnabled }
        set { engine.quiescence.isEnabled = newValue }
    }

    /// How many idle stretches the engine skipped so far (a diagnostic for benchmarks: how much of a run skipping
    /// covers).
    public var skippedIdleStretches: Int { engine.quiescence.skippedStretches }

    /// How many times the engine looked for an idle stretch so far, found or not (a diagnostic for benchmarks).
    public var idleStretchAttempts: Int { engine.quiescence.attempts }

    /// Runs, in one go, every event up to `end` (and before the first event that can change something other than
    /// time) when the cluster is idle, leaving exactly the state running them one by one would; returns whether it
    /// ran any.
    ///
    /// Idle means: no produce request can complete, every follower has every leader's records and HW and is in the
    /// ISR (or cannot join it), every fetching follower has one long-poll fetch out to each of its leaders, every
    /// heartbeating broker's session is current, and no invariant check or loss tracking would report anything. Then
    /// the events left are periodic and independent: heartbeats (and the session checks they schedule), fetcher
    /// ticks, ISR-expiry checks that find nothing, and each fetch's arrival, expiry after `replica.fetch.wait.max.ms`
    /// and empty response. Their effects follow from the period arithmetic: the last heartbeat, each follower's last
    /// fetch time (Kafka: `Replica.updateFetchStateOrThrow`, which with no new data only moves the fetch and
    /// caught-up times), the fetch session ids in the order responses would have arrived. The work counted is one
    /// event's (what the engine did), not the skipped events': an idle hour fits the budget an idle minute does.
    mutating func skipIdleTime(through end: SimulatedInstant) -> Bool {
        engine.quiescence.attempts += 1
        guard engine.quiescence.isEnabled, engine.exhaustedBudget == nil,
            var plan = IdlePlan(self), plan.limit(to: end)
        else {
            retryLater()
            return false
        }
        apply(plan)
        engine.quiescence.skippedStretches += 1
        if plan.end < end {
            // The stretch ended just before its barrier (an event that is not periodic): looking again now would
            // find the same barrier, and no stretch before it, so the next look is where a failed one would put it.
            retryLater()
        }
        return true
    }

    /// After finding no stretch: looks again once the next event ran and a long-poll fetch could have completed.
    private mutating func retryLater() {
        engine.quiescence.nextAttempt =
            engine.queue.nextTime.map { $0 + engine.config.replicaFetchWaitMax } ?? engine.now
    }

    private mutating func apply(_ plan: IdlePlan) {
        let end = plan.end
        let events = plan.count(through: end)
        // The budget counts the work the engine does: working out the stretch reads each broker and fetch session
        // once, as the checks after one event read each partition and request once, so it costs one event's work.
        engine.workDone += plan.workPerEvent
        engine.eventCount += Int64(events)
        engine.now = plan.lastEventTime(through: end)
        let streams = plan.brokerStreams
        for stream in streams where stream.isHeartbeating {
            if let last = IdlePlan.last(stream.heartbeat, stream.heartbeatPeriod, end) {
                engine.runtimes[stream.broker]?.lastHeartbeat = last
            }
        }
        // Sessions: new ids in the order their responses would have arrived, then each one's phase at `end`.
        let base = engine.lastFetchSessionID.rawValue
        var newSessions: [FetchSession] = []
        var newEvents: [(SimulatedInstant, EngineEvent)] = []
        newSessions.reserveCapacity(plan.sessions.count)
        newEvents.reserveCapacity(plan.sessions.count + 4 * streams.count)
        for session in plan.sessions {
            var fetchSession = engine.fetchSessions[session.id]!
            engine.fetchSessions[session.id] = nil
            let responses = IdlePlan.occurrences(session.firstResponse, session.period, end)
            let partitions = plan.partitionFetches[session.partitions]
            if let arrival = plan.lastArrival(of: session, through: end) {
                for partition in partitions {
                    modifyFollowerFetchState(partition.id, of: session.follower) {
                        $0.updateFetchState(
                            fetchOffset: partition.fetchOffset, leaderEndOffset: partition.leaderLogEndOffset,
                            now: arrival)
                    }
                }
            }
            // Built only for the stages that hold them.
            let fetched = {
                partitions.map {
                    FetchSession.Fetched(partition: $0.id, leaderEpoch: $0.leaderEpoch, fetchOffset: $0.fetchOffset)
                }
            }
            let answers = {
                partitions.map {
                    var response = FetchResponse(
                        partition: $0.id, follower: session.follower, leader: session.leader,
                        leaderEpoch: $0.leaderEpoch)
                    response.highWatermark = $0.leaderHighWatermark
                    return response
                }
            }
            let follower = session.follower
            // The phase `end` leaves the session in: a new fetch for every response that arrived, else the first one
            // moved on (a fetch first seen parked or answered has no arrival left).
            var times: (arrival: SimulatedInstant, deadline: SimulatedInstant, response: SimulatedInstant)?
            if responses > 0 {
                let sent = session.firstResponse + session.period * (responses - 1)
                fetchSession = FetchSession(
                    id: FetchSessionID(base + Int(plan.rank(of: session, at: sent))), follower: follower,
                    leader: session.leader, stage: .request)
                let arrival = sent + engine.config.networkDelay
                times = (arrival, arrival + engine.config.replicaFetchWaitMax, sent + session.period)
            } else if let arrival = session.initialArrival {
                times = (arrival, arrival + engine.config.replicaFetchWaitMax, session.firstResponse)
            }
            if let times {
                if times.arrival > end {
                    fetchSession.stage = .request
                    fetchSession.fetched = []
                    newEvents.append((times.arrival, .fetchArrival(fetchSession.id, follower: follower)))
                } else if times.deadline > end {
                    fetchSession.stage = .parked(deadline: times.deadline)
                    fetchSession.fetched = fetched()
                    newEvents.append((times.deadline, .fetchExpiry(fetchSession.id, follower: follower)))
                } else {
                    fetchSession.stage = .response(answers())
                    fetchSession.fetched = fetched()
                    newEvents.append((times.response, .fetchResponse(fetchSession.id, follower: follower)))
                }
            } else if let deadline = session.initialDeadline, deadline > end {
                newEvents.append((deadline, .fetchExpiry(fetchSession.id, follower: follower)))
            } else {
                if session.initialDeadline != nil { fetchSession.stage = .response(answers()) }
                newEvents.append((session.firstResponse, .fetchResponse(fetchSession.id, follower: follower)))
            }
            newSessions.append(fetchSession)
        }
        // Each id once: the old ones are gone, and the new ones are distinct ranks or sessions left as they were.
        for session in newSessions { engine.fetchSessions[session.id] = session }
        engine.lastFetchSessionID = FetchSessionID(base + Int(plan.totalResponses(through: end)))
        // The periodic events that come next, and the session checks of heartbeats not yet due.
        let config = engine.config
        for stream in streams {
            let id = stream.broker
            let heartbeats = IdlePlan.occurrences(stream.heartbeat, stream.heartbeatPeriod, end)
            newEvents.append((stream.heartbeat + stream.heartbeatPeriod * Int64(heartbeats), .heartbeat(id)))
            if stream.isHeartbeating {
                // The checks of the heartbeats whose session ends after `end` (not a pass over every heartbeat of
                // the stretch: an idle hour has 1,800 per broker).
                let firstExpiry = stream.heartbeat + config.brokerSessionTimeout
                let expired = min(heartbeats, IdlePlan.occurrences(firstExpiry, stream.heartbeatPeriod, end))
                for index in expired..<heartbeats {
                    newEvents.append((firstExpiry + stream.heartbeatPeriod * index, .sessionExpiry(id)))
                }
            }
            let ticks = IdlePlan.occurrences(stream.fetcherTick, stream.fetcherTickPeriod, end)
            newEvents.append((stream.fetcherTick + stream.fetcherTickPeriod * Int64(ticks), .fetcherTick(id)))
            let checks = IdlePlan.occurrences(stream.isrExpiry, stream.isrExpiryPeriod, end)
            newEvents.append((stream.isrExpiry + stream.isrExpiryPeriod * Int64(checks), .isrExpiry(id)))
        }
        engine.queue.removeAll { plan.isIdleEvent($0) && ($0.time <= end || !plan.isLeftAlone($0)) }
        for (time, event) in newEvents { engine.queue.schedule(at: time, event) }
    }
}
