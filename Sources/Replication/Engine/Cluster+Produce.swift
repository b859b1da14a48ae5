extension Cluster {
    /// Sends one produce request to the partition's leader (no retries) and returns its id.
    ///
    /// Kafka: `ReplicaManager.appendRecords` → `Partition.appendRecordsToLeader` (acks=all checks the committed ISR
    /// against the effective min ISR before appending) → `DelayedProduce` for acks=all. The request's outcome is set
    /// at once for acks=0/1 and for errors, otherwise when the HW covers it, leadership moves or it times out.
    @discardableResult
    public mutating func produce(
        to id: TopicPartition, key: String? = nil, values: [String], acks: Acks, isAsync: Bool = false
    ) throws(KafkaError) -> Int {
        startPeriodicEvents()
        guard let state = partition(id) else {
            throw .unknownTopicOrPartition("This server does not host this topic-partition.")
        }
        engine.lastRequestID += 1
        let requestID = engine.lastRequestID
        let timeout = engine.config.requestTimeoutMs
        var request = ProduceRequest(
            id: requestID, partition: id, leader: state.leader ?? -1, leaderEpoch: state.leaderEpoch, acks: acks,
            baseOffset: -1, count: values.count, sentAtMs: engine.now, deadlineMs: engine.now + timeout)
        request.isAsync = isAsync
        engine.requests[requestID] = request
        engine.pendingRequestIDs.append(requestID)
        guard let leader = state.leader else {
            finish(requestID, .failure(.leaderNotAvailable))
            return requestID
        }
        guard engine.runtimes[leader]?.isAlive == true else {
            // Nobody answers on the leader's address: the client gives up after request.timeout.ms.
            if acks == .none {
                finish(requestID, .noResponse(baseOffset: nil, count: values.count))
            } else {
                engine.queue.schedule(at: request.deadlineMs, .requestTimeout, broker: leader, requestID: requestID)
            }
            return requestID
        }
        if acks == .all && state.isr.count < effectiveMinIsr(id) {
            finish(requestID, .failure(.notEnoughReplicas))
            return requestID
        }
        let base = state.logs[leader]!.logEndOffset
        let epoch = state.leaderEpoch
        // Appended in place: a copy of the leader's log would duplicate its records on every produce.
        topics[id.topic]!.partitions[id.partition].logs[leader]!.append(
            values.enumerated().map { index, value in
                Record(offset: base + index, leaderEpoch: epoch, key: key, value: value)
            })
        request.baseOffset = base
        engine.requests[requestID] = request
        maybeIncrementLeaderHighWatermark(id)
        switch acks {
        case .none: finish(requestID, .noResponse(baseOffset: base, count: values.count))
        case .leader: finish(requestID, .success(baseOffset: base, count: values.count))
        case .all:
            engine.queue.schedule(at: request.deadlineMs, .requestTimeout, broker: leader, requestID: requestID)
        }
        afterEvent()
        return requestID
    }

    /// Sends a produce request and lets simulated time run until it is answered or times out.
    public mutating func produceAndWait(
        to id: TopicPartition, key: String? = nil, values: [String], acks: Acks
    ) throws(KafkaError) -> ProduceRequest {
        let requestID = try produce(to: id, key: key, values: values, acks: acks)
        let deadline = engine.requests[requestID]!.deadlineMs
        run(until: deadline) { $0.engine.requests[requestID]?.outcome != nil }
        return engine.requests[requestID]!
    }

    /// Completes parked acks=all requests whose outcome is decided.
    ///
    /// Kafka: `DelayedProduce.tryComplete` → `Partition.checkEnoughReplicasReachOffset`.
    mutating func completeProduceRequests() {
        for requestID in engine.pendingRequestIDs {
            guard let request = engine.requests[requestID], request.outcome == nil, request.baseOffset >= 0,
                !request.isOrphaned,
                let state = partition(request.partition)
            else { continue }
            if state.leader != request.leader || state.leaderEpoch != request.leaderEpoch {
                // A leader that is still running (or shutting down cleanly) answers NOT_LEADER_OR_FOLLOWER; a crashed or
                // isolated one never answers, so its client times out.
                let runtime = engine.runtimes[request.leader]
                if runtime?.state == .up || runtime?.state == .stalled || runtime?.state == .shutDown {
                    finish(requestID, .failure(.notLeaderOrFollower))
                }
                continue
            }
            guard let log = state.logs[request.leader], log.highWatermark >= request.requiredOffset else { continue }
            if state.maximalIsr.count < effectiveMinIsr(request.partition) {
                finish(requestID, .failure(.notEnoughReplicasAfterAppend))
            } else {
                finish(requestID, .success(baseOffset: request.baseOffset, count: request.count))
            }
        }
    }

    /// Sets a request's outcome and remembers acknowledged records.
    mutating func finish(_ requestID: Int, _ outcome: ProduceOutcome) {
        guard var request = engine.requests[requestID], request.outcome == nil else { return }
        request.outcome = outcome
        request.completedAtMs = engine.now
        engine.requests[requestID] = request
        if let index = engine.pendingRequestIDs.firstIndex(of: requestID) { engine.pendingRequestIDs.remove(at: index) }
        if request.isAsync { note("request \(requestID) to \(request.partition) answered: \(outcome)") }
        if case .success(let base, let count) = outcome, let state = partition(request.partition) {
            for offset in base..<(base + count) {
                topics[request.partition.topic]!.partitions[request.partition.partition].acknowledged[offset] =
                    AcknowledgedRecord(leaderEpoch: state.leaderEpoch, acks: request.acks)
            }
        }
    }
}
