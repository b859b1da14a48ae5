extension Cluster {
    /// A fault or repair of one broker.
    public enum Fault: Hashable, Sendable {
        /// The broker's process dies; the log survives, and the host closes its connections (clients see a
        /// disconnect at once).
        case crash
        /// The process dies with its host, which loses every record not yet flushed to disk (as `powerOff`).
        case crashLosingUnflushed
        /// The host vanishes: unflushed records are lost and nothing answers, so clients time out.
        case powerOff
        /// Start a crashed or shut-down broker again (it registers once its old session has expired).
        case restart
        /// Clean (controlled) shutdown.
        case shutdown
        /// Stop fetching and receiving; stay alive and heartbeating.
        case stall
        /// Undo `stall`.
        case resume
        /// Delay every fetch response by this long (zero undoes it).
        case slow(lag: SimulatedDuration)
        /// Cut off from other brokers and the controller.
        case isolate
        /// Undo `isolate`.
        case heal
        /// Flush every log of the broker to disk.
        case flush
        /// Lose the broker's next `count` produce responses on the way to the producer (the request was handled).
        case dropResponses(count: Int)
    }

    /// Applies a fault; throws a message when the fault does not apply to the broker's state.
    public mutating func apply(_ fault: Fault, to broker: BrokerID) throws(ClusterError) {
        startPeriodicEvents()
        guard let runtime = engine.runtimes[broker] else { throw .unknownBroker(broker) }
        let state = runtime.state
        func require(_ allowed: [BrokerState], _ verb: String) throws(ClusterError) {
            guard allowed.contains(state) else { throw .wrongState(broker, state, verb) }
        }
        switch fault {
        case .crash, .crashLosingUnflushed, .powerOff:
            try require([.up, .stalled, .isolated], fault == .powerOff ? "power off" : "crash")
            // Kafka clients: a dead process's host resets the connections, so `NetworkClient` sees a disconnect
            // at once; a host that is gone (power-off) stays silent until request.timeout.ms.
            engine.runtimes[broker]?.isHostDown = fault != .crash
            setState(broker, .crashed)
            engine.runtimes[broker]?.stoppedUncleanly = true
            if fault != .crash { loseUnflushed(broker) }
            switch fault {
            case .powerOff: note("broker \(broker) loses power and loses its unflushed records")
            case .crashLosingUnflushed: note("broker \(broker) crashes and loses its unflushed records")
            default: note("broker \(broker) crashes")
            }
            if fault == .crash { disconnectClients(of: broker) }
        case .restart:
            try require([.crashed, .shutDown], "restart")
            engine.runtimes[broker]?.isHostDown = false
            setState(broker, .restarting)
            if engine.runtimes[broker]?.isFenced == true {
                note("broker \(broker) restarts")
                register(broker)
            } else {
                // Kafka: ClusterControlManager.registerBroker — while the old incarnation's session is valid, a new
                // incarnation id gets DuplicateBrokerRegistrationException; the broker retries until the session
                // expires (BrokerHeartbeatManager), and meanwhile the controller still counts it as alive.
                note(
                    "broker \(broker) restarts; its registration is refused (DUPLICATE_BROKER_REGISTRATION) until its old session expires"
                )
            }
        case .shutdown:
            try require([.up, .stalled], "shut down")
            flushAll(broker)
            // Kafka: controlled shutdown — the controller moves leadership and ISR membership away first.
            fence(broker, reason: "controlled shutdown")
            setState(broker, .shutDown)
            // Kafka: a clean shutdown writes the broker epoch to the clean-shutdown file, which the next
            // registration sends as PreviousBrokerEpoch (`BrokerLifecycleManager`, `CleanShutdownFileHandler`).
            engine.runtimes[broker]?.stoppedUncleanly = false
            note("broker \(broker) shuts down cleanly")
        case .stall:
            try require([.up], "stall")
            setState(broker, .stalled)
            note("broker \(broker) stalls (stops fetching, keeps heartbeating)")
        case .resume:
            try require([.stalled], "resume")
            setState(broker, .up)
            note("broker \(broker) resumes fetching")
        case .slow(let lag):
            engine.runtimes[broker]?.fetchLag = lag
            note("broker \(broker) fetch responses take \(lag)")
        case .isolate:
            try require([.up, .stalled], "isolate")
            setState(broker, .isolated)
            rememberLeadershipWhenIsolated(broker)
            note("broker \(broker) is isolated from the other brokers and the controller")
        case .heal:
            try require([.isolated], "heal")
            setState(broker, .up)
            for id in allPartitionIDs { modifyPartition(id) { $0.pendingIsr = nil } }
            note("broker \(broker) is reachable again")
        case .flush:
            flushAll(broker)
        case .dropResponses(let count):
            engine.runtimes[broker]?.droppedResponses = count
            note("broker \(broker) will lose its next \(count) produce response\(count == 1 ? "" : "s")")
        }
        afterEvent()
    }

    /// Brokers currently isolated, ascending.
    public var isolatedBrokers: [BrokerID] {
        engine.runtimes.brokers { $0.state == .isolated }
    }

    /// Changes a topic config.
    ///
    /// Enabling `unclean.leader.election.enable` elects nothing by itself: the controller's periodic check
    /// (`electUncleanLeaders`, every 5 min) and the broker events (fence, unfence, shutdown) do.
    /// Kafka: `ConfigurationControlManager.incrementalAlterConfigs` only writes config records.
    public mutating func setTopicConfig(_ topic: String, _ key: String, _ value: String) throws(KafkaError) {
        guard topics[topic] != nil else { throw .unknownTopicOrPartition("Topic '\(topic)' does not exist.") }
        guard let config = TopicConfig.named(key) else { throw .invalidConfig("Unknown topic config name: \(key)") }
        if let problem = config.validate(value) { throw .invalidConfig(problem) }
        topics[topic]?.configs[key] = value
        startPeriodicEvents()
        maybeIncrementAllHighWatermarks(topic: topic)
        afterEvent()
    }

    /// The state of a broker (up when unknown).
    public func state(of broker: BrokerID) -> BrokerState { engine.runtimes[broker]?.state ?? .up }

    private mutating func maybeIncrementAllHighWatermarks(topic: String) {
        for id in allPartitionIDs where id.topic == topic { maybeIncrementLeaderHighWatermark(id) }
    }

    private mutating func setState(_ broker: BrokerID, _ state: BrokerState) {
        engine.runtimes[broker]?.state = state
        if state != .isolated { engine.runtimes[broker]?.leadershipWhenIsolated = [:] }
        if state != .up {
            // Its fetches are gone (responses on their way to it are lost), and so are fetches parked on it when
            // nobody can reach it any more.
            dropFetchSessions(involving: broker)
        }
        if state == .crashed && engine.runtimes[broker]?.isHostDown == true {
            // The host is gone with the connections of requests parked on it: those clients only see their timeout.
            for id in engine.pendingRequestIDs where engine.requests[id]?.leader == broker {
                engine.requests.modify(id) { $0.isOrphaned = true }
            }
        }
    }

    /// The clients of a broker whose process died see their connections close: every request waiting for its
    /// answer fails with NETWORK_EXCEPTION, "Disconnected from node N".
    ///
    /// Kafka: `NetworkClient.handleDisconnections` → `Sender.handleProduceResponse` (`response.wasDisconnected()`).
    private mutating func disconnectClients(of broker: BrokerID) {
        for id in engine.pendingRequestIDs {
            guard let request = engine.requests[id], request.leader == broker, request.outcome == nil else { continue }
            if request.acks == .none { continue }
            finish(id, .failure(.disconnected(broker)))
        }
    }

    private mutating func flushAll(_ broker: BrokerID) {
        for id in allPartitionIDs where partition(id)?.logs[broker] != nil {
            let end = partition(id)!.logs[broker]!.logEndOffset
            modifyPartition(id) { $0.logs.modify(broker) { $0.flushedOffset = end } }
        }
    }

    private mutating func loseUnflushed(_ broker: BrokerID) {
        for id in allPartitionIDs {
            guard let log = partition(id)?.logs[broker], log.flushedOffset < log.logEndOffset else { continue }
            note("broker \(broker) loses \(id) offsets \(log.flushedOffset)..\(log.logEndOffset - 1) (not flushed)")
            modifyPartition(id) { $0.logs.modify(broker) { $0.truncate(to: log.flushedOffset) } }
            reportFormerLeaderRecordsLost(id, broker: broker)
        }
    }
}
