extension Cluster {
    /// The simulated time.
    public var now: SimulatedInstant { engine.now }

    /// Lets `duration` of simulated time pass, running every event due in that window.
    public mutating func advance(by duration: SimulatedDuration) {
        run(until: engine.now + max(.zero, duration))
    }

    /// Runs events up to and including `target`, then sets the clock to `target`.
    ///
    /// Stops early, with `exhaustedBudget` set, at the budget's work or time cap.
    mutating func run(until target: SimulatedInstant) {
        startPeriodicEvents()
        let end = min(target, engine.budget.time)
        while let next = engine.queue.nextTime, next <= end {
            guard canRunAnotherEvent() else { return }
            if next >= engine.quiescence.nextAttempt, skipIdleTime(through: end) { continue }
            step()
        }
        guard engine.exhaustedBudget == nil else { return }
        engine.now = max(engine.now, end)
        if target > end { engine.exhaustedBudget = .time }
    }

    /// Runs events until `done` holds or the clock would pass `limit`; the clock stops at the deciding event's
    /// instant, after every other event of that instant ran (the next command never starts mid-instant).
    ///
    /// Stops early, with `exhaustedBudget` set, at the budget's work or time cap.
    mutating func run(until limit: SimulatedInstant, stopWhen done: (Cluster) -> Bool) {
        startPeriodicEvents()
        let end = min(limit, engine.budget.time)
        while !done(self), let next = engine.queue.nextTime, next <= end {
            guard canRunAnotherEvent() else { return }
            step()
        }
        if !done(self), limit > end, engine.exhaustedBudget == nil { engine.exhaustedBudget = .time }
        while let next = engine.queue.nextTime, next <= engine.now {
            guard canRunAnotherEvent() else { return }
            step()
        }
    }

    /// Runs the next event and the checks that follow every event.
    private mutating func step() {
        guard let scheduled = engine.queue.popFirst() else { return }
        engine.workDone += workPerEvent
        engine.eventCount += 1
        engine.now = scheduled.time
        handle(scheduled.event)
        afterEvent()
    }

    /// What every event is followed by: produce completion, then the oracle's loss tracking and invariant checks.
    mutating func afterEvent() {
        completeProduceRequests()
        if engine.controllerTasksMayBeDue { maybeScheduleControllerTasks() }
        checkAfterEvent()
    }

    /// Schedules heartbeats, fetches and ISR-expiry checks of brokers that have none yet.
    ///
    /// Every broker heartbeats every 2 s and runs the ISR-expiry task every `replica.lag.time.max.ms / 2`, on a grid
    /// starting when its events were first scheduled. Its fetcher ticks every `replica.fetch.wait.max.ms` to start
    /// fetches to leaders it has none outstanding with (at start, after a restart, resume or heal, or a failed
    /// fetch); otherwise each fetch leaves as soon as the previous response was processed.
    mutating func startPeriodicEvents() {
        // Brokers are only ever added and `started` only holds brokers, so equal counts mean every broker started (every
        // produce asks, and sorting the ids each time cost 3 % of a produce-heavy run).
        guard engine.started.count < brokers.count else { return }
        let now = engine.now
        let config = engine.config
        for id in brokers.keys.sorted() where !engine.started.contains(id) {
            engine.started.insert(id)
            // Registration counts as the first heartbeat: the session runs from now.
            engine.runtimes[id]?.lastHeartbeat = now
            engine.queue.schedule(at: now + config.brokerSessionTimeout, .sessionExpiry(id))
            engine.queue.schedule(at: now + config.brokerHeartbeatInterval, .heartbeat(id))
            engine.queue.schedule(at: now + config.replicaFetchWaitMax, .fetcherTick(id))
            engine.queue.schedule(at: now + config.replicaLagTimeMax / 2, .isrExpiry(id))
        }
    }

    private mutating func handle(_ event: EngineEvent) {
        // The settings are read where they are stored: a copy of `engine.config` retained and released its strings.
        let now = engine.now
        switch event {
        case .sessionExpiry(let id):
            // Kafka: BrokerHeartbeatManager — the session expires `broker.session.timeout.ms` after the last heartbeat.
            if let runtime = engine.runtimes[id], !runtime.isFenced,
                now >= runtime.lastHeartbeat + engine.config.brokerSessionTimeout
            {
                fence(id, reason: "session expired")
                // A restarted broker whose registration was refused gets in now.
                register(id)
            }
        case .electPreferred:
            runBalanceCheck()
        case .electUnclean:
            runUncleanCheck()
        case .heartbeat(let id):
            if let runtime = engine.runtimes[id], runtime.isHeartbeating {
                engine.runtimes[id]?.lastHeartbeat = now
                engine.queue.schedule(at: now + engine.config.brokerSessionTimeout, .sessionExpiry(id))
                if runtime.isFenced { unfence(id) }
            }
            engine.queue.schedule(at: now + engine.config.brokerHeartbeatInterval, .heartbeat(id))
        case .fetcherTick(let id):
            if engine.runtimes[id]?.isFetching == true { sendFetches(from: id) }
            engine.queue.schedule(at: now + engine.config.replicaFetchWaitMax, .fetcherTick(id))
        case .fetchResponse(let session, _):
            fetchResponseArrives(session)
        case .fetchArrival(let session, _):
            fetchArrives(session)
        case .fetchExpiry(let session, _):
            completeParkedFetch(session)
        case .isrExpiry(let id):
            if engine.runtimes[id]?.isAlive == true { shrinkIsrs(ledBy: id) }
            let period = max(.milliseconds(1), engine.config.replicaLagTimeMax / 2)
            engine.queue.schedule(at: now + period, .isrExpiry(id))
        case .requestTimeout(let requestID, let leader):
            if let request = engine.requests[requestID], request.outcome == nil {
                // A named producer's Sender reports its own timeout; a `produce` line shows the broker's error.
                let error: KafkaError =
                    request.batchID == nil ? .requestTimedOut : .disconnectedAfterTimeout(leader)
                finish(requestID, .failure(error), clientTimeout: true)
            }
        case .producerSend(let producer):
            drainProducer(producer)
        case .deliveryTimeout(let batch):
            expireBatch(batch)
        case .consumerSessionExpiry(let serial):
            expireConsumerSession(serial: serial)
        }
    }

    /// All partitions, sorted by topic then partition (kept by `startPartition`, read after every event).
    var allPartitionIDs: [TopicPartition] { engine.partitionIDs }

    /// Appends a time-stamped line to the event log.
    mutating func note(_ text: String) {
        engine.note(text)
    }

    /// The leader's min ISR: `min(min.insync.replicas, replica count)` (Kafka ≥ 3.7: `Partition.effectiveMinIsr`),
    /// `min.insync.replicas` itself on 3.6 (`Partition.appendRecordsToLeader` reads `leaderLog.config`).
    func effectiveMinIsr(_ id: TopicPartition) -> Int {
        let configured = minInsyncReplicas(of: id.topic)
        guard behaviour.effectiveMinIsrCappedByReplicas else { return configured }
        return min(configured, withPartition(id) { $0.replicas.count } ?? configured)
    }

    /// The controller's min ISR for ELR: `ReplicationControlManager.getTopicEffectiveMinIsr` — min of the config and
    /// the replication factor, on every version that has ELR.
    func controllerMinIsr(_ id: TopicPartition) -> Int {
        let configured = minInsyncReplicas(of: id.topic)
        return min(configured, withPartition(id) { $0.replicas.count } ?? configured)
    }
}
