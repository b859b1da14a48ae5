extension Cluster {
    /// The simulated time in milliseconds.
    public var now: Int { engine.now }

    /// The simulated time as Kafka's clocks read it (epoch milliseconds): `now` plus a fixed origin.
    ///
    /// Kafka stores "never" as 0 in `lastCaughtUpTimeMs` and compares it with `time.milliseconds()`, which is decades
    /// away from 0. Starting the follower-state clock at the same distance keeps "never caught up" from counting as
    /// caught up during the first `replica.lag.time.max.ms` of a scenario.
    public var kafkaTimeMs: Int { engine.now + 1_700_000_000_000 }

    /// Lets `milliseconds` of simulated time pass, running every event due in that window.
    public mutating func advance(by milliseconds: Int) {
        run(until: engine.now + max(0, milliseconds))
    }

    /// Runs events up to and including `target`, then sets the clock to `target`.
    ///
    /// Stops early, with `exhaustedBudget` set, at the budget's work or time cap.
    mutating func run(until target: Int) {
        startPeriodicEvents()
        let end = min(target, engine.budget.timeMs)
        while let next = engine.queue.nextTime, next <= end {
            guard canRunAnotherEvent() else { return }
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
    mutating func run(until limit: Int, stopWhen done: (Cluster) -> Bool) {
        startPeriodicEvents()
        let end = min(limit, engine.budget.timeMs)
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
        guard let event = engine.queue.popFirst() else { return }
        // What `afterEvent` goes through: every partition and every produce request.
        engine.workDone += 1 + engine.partitionIDs.count + engine.requests.count
        engine.now = event.time
        handle(event)
        afterEvent()
    }

    /// What every event is followed by: produce completion, commitment and loss tracking, invariant checks.
    mutating func afterEvent() {
        completeProduceRequests()
        trackCommittedAndLostRecords()
        checkInvariants()
    }

    /// Schedules heartbeats, fetches and ISR-expiry checks of brokers that have none yet.
    ///
    /// Every broker heartbeats every 2 s and runs the ISR-expiry task every `replica.lag.time.max.ms / 2`, on a grid
    /// starting when its events were first scheduled. Its fetcher ticks every `replica.fetch.wait.max.ms` to start
    /// fetches to leaders it has none outstanding with (at start, after a restart, resume or heal, or a failed
    /// fetch); otherwise each fetch leaves as soon as the previous response was processed.
    mutating func startPeriodicEvents() {
        if !engine.controllerTasksStarted, !brokers.isEmpty {
            engine.controllerTasksStarted = true
            // Kafka: `QuorumController` registers the periodic task "electPreferred" (every
            // `leader.imbalance.check.interval.seconds`) with `PeriodicTaskControlManager`; the first run is one period
            // after the controller starts.
            let period = engine.config.leaderImbalanceCheckIntervalSeconds * 1000
            engine.queue.schedule(at: engine.now + period, .electPreferred, broker: -1)
            // Kafka ≥ 3.9 (KAFKA-12670): the periodic task "electUnclean", every `unclean.leader.election.interval.ms`.
            engine.queue.schedule(
                at: engine.now + engine.config.uncleanLeaderElectionIntervalMs, .electUnclean, broker: -1)
        }
        for id in brokers.keys.sorted() where !engine.started.contains(id) {
            engine.started.insert(id)
            let config = engine.config
            // Registration counts as the first heartbeat: the session runs from now.
            engine.runtimes[id]?.lastHeartbeatMs = engine.now
            engine.queue.schedule(at: engine.now + config.brokerSessionTimeoutMs, .sessionExpiry, broker: id)
            engine.queue.schedule(at: engine.now + config.brokerHeartbeatIntervalMs, .heartbeat, broker: id)
            engine.queue.schedule(at: engine.now + config.replicaFetchWaitMaxMs, .fetch, broker: id)
            engine.queue.schedule(at: engine.now + config.replicaLagTimeMaxMs / 2, .isrExpiry, broker: id)
        }
    }

    private mutating func handle(_ event: ScheduledEvent) {
        let id = event.broker
        let config = engine.config
        switch event.kind {
        case .sessionExpiry:
            // Kafka: BrokerHeartbeatManager — the session expires `broker.session.timeout.ms` after the last heartbeat.
            if let runtime = engine.runtimes[id], !runtime.isFenced,
                engine.now >= runtime.lastHeartbeatMs + config.brokerSessionTimeoutMs
            {
                fence(id, reason: "session expired")
                // A restarted broker whose registration was refused gets in now.
                register(id)
            }
        case .electPreferred:
            if config.autoLeaderRebalanceEnable { balancePartitionLeaders() }
            engine.queue.schedule(
                at: engine.now + config.leaderImbalanceCheckIntervalSeconds * 1000, .electPreferred, broker: -1)
        case .electUnclean:
            electUncleanLeaders()
            engine.queue.schedule(at: engine.now + config.uncleanLeaderElectionIntervalMs, .electUnclean, broker: -1)
        case .heartbeat:
            if let runtime = engine.runtimes[id], runtime.isHeartbeating {
                engine.runtimes[id]?.lastHeartbeatMs = engine.now
                engine.queue.schedule(at: engine.now + config.brokerSessionTimeoutMs, .sessionExpiry, broker: id)
                if runtime.isFenced { unfence(id) }
            }
            engine.queue.schedule(at: engine.now + config.brokerHeartbeatIntervalMs, .heartbeat, broker: id)
        case .fetch:
            if engine.runtimes[id]?.isFetching == true { sendFetches(from: id) }
            engine.queue.schedule(at: engine.now + config.replicaFetchWaitMaxMs, .fetch, broker: id)
        case .fetchResponse:
            fetchResponseArrives(event.requestID)
        case .fetchArrival:
            fetchArrives(event.requestID)
        case .fetchExpiry:
            completeParkedFetch(event.requestID)
        case .isrExpiry:
            if engine.runtimes[id]?.isAlive == true { shrinkIsrs(ledBy: id) }
            engine.queue.schedule(at: engine.now + max(1, config.replicaLagTimeMaxMs / 2), .isrExpiry, broker: id)
        case .requestTimeout:
            if let request = engine.requests[event.requestID], request.outcome == nil {
                // A named producer's Sender reports its own timeout; a `produce` line shows the broker's error.
                let error: KafkaError =
                    request.batchID == nil ? .requestTimedOut : .disconnectedAfterTimeout(request.leader)
                finish(event.requestID, .failure(error), clientTimeout: true)
            }
        case .producerSend:
            if let name = engine.producers.values.first(where: { $0.index == event.requestID })?.name {
                drainProducer(name)
            }
        case .deliveryTimeout:
            expireBatch(event.requestID)
        case .consumerSessionExpiry:
            expireConsumerSession(serial: event.requestID)
        }
    }

    /// All partitions, sorted by topic then partition (kept by `startPartition`, read after every event).
    var allPartitionIDs: [TopicPartition] { engine.partitionIDs }

    /// Appends a time-stamped line to the event log.
    mutating func note(_ text: String) {
        engine.note(text)
    }

    /// `min(min.insync.replicas, replica count)` (Kafka ≥ 3.7: `Partition.effectiveMinIsr`).
    func effectiveMinIsr(_ id: TopicPartition) -> Int {
        let configured = topics[id.topic]?.minInsyncReplicas ?? 1
        return min(configured, partition(id)?.replicas.count ?? configured)
    }
}
