extension Cluster {
    /// Sends one produce request to the partition's leader (no retries) and returns its id.
    ///
    /// Kafka: `ReplicaManager.appendRecords` → `Partition.appendRecordsToLeader` (acks=all checks the committed ISR
    /// against the effective min ISR before appending) → `DelayedProduce` for acks=all. The request's outcome is set
    /// at once for acks=0/1 and for errors, otherwise when the HW covers it, leadership moves or it times out.
    @discardableResult
    public mutating func produce(
        to id: TopicPartition, key: String? = nil, values: [String], acks: Acks, isAsync: Bool = false
    ) throws(KafkaError) -> ProduceRequestID {
        try sendProduceRequest(
            to: id, key: key, values: values, acks: acks, isAsync: isAsync,
            timeout: engine.config.requestTimeout, batchID: nil, header: nil)
    }

    /// The broker side of one produce request, for `produce` lines and for named producers' batches.
    ///
    /// With an idempotent producer's `header`, the leader first checks the batch against the producer's state in its
    /// log (Kafka: `UnifiedLog.analyzeAndValidateProducerState`): a duplicate of one of the last five batches is
    /// answered with its original offsets and not appended; a sequence gap is `OUT_OF_ORDER_SEQUENCE_NUMBER`.
    mutating func sendProduceRequest(
        to id: TopicPartition, key: String?, values: [String], acks: Acks, isAsync: Bool,
        timeout: SimulatedDuration, batchID: ProducerBatchID?, header: ProducerBatchHeader?
    ) throws(KafkaError) -> ProduceRequestID {
        startPeriodicEvents()
        // Read in place: a copy of the partition would retain and release its logs, follower states and ISR.
        guard let isrCount = readPartition(id, { $0.isr.count }) else {
            throw .unknownTopicOrPartition("This server does not host this topic-partition.")
        }
        let route = routeProduceRequest(to: id, batchID: batchID)
        let requestID = engine.requests.nextID
        var request = ProduceRequest(
            id: requestID, partition: id, leader: route.leader, leaderEpoch: route.leaderEpoch, acks: acks,
            baseOffset: nil, count: values.count, sentAt: engine.now, deadline: engine.now + timeout)
        request.isAsync = isAsync
        request.batchID = batchID
        request.producerHeader = header
        request.isServedByFormerLeader = route.formerLeadership != nil
        engine.requests.append(request)
        engine.pendingRequestIDs.append(requestID)
        guard let leader = route.leader else {
            finish(requestID, .failure(.leaderNotAvailable))
            return requestID
        }
        guard engine.runtimes[leader]?.isAlive == true else {
            if engine.runtimes[leader]?.isHostDown != true, acks != .none {
                // The host is up but the process is not: the connection is refused, and the client's
                // `NetworkClient` reports the node disconnected at once (a named producer does not even send: see
                // `mayDrain`).
                finish(requestID, .failure(.disconnected(leader)))
                return requestID
            }
            // Nobody answers on the leader's address: the client gives up after request.timeout.ms.
            if acks == .none {
                finish(requestID, .noResponse(baseOffset: nil, count: values.count))
            } else {
                engine.queue.schedule(at: request.deadline, .requestTimeout(requestID, leader: leader))
            }
            return requestID
        }
        // Kafka: Partition.appendRecordsToLeader checks the ISR the leader knows (a former leader: its old one).
        if acks == .all && (route.formerLeadership?.isr.count ?? isrCount) < effectiveMinIsrInPlace(id) {
            finish(requestID, .failure(.notEnoughReplicas))
            return requestID
        }
        // Kafka: UnifiedLog.analyzeAndValidateRecords — a batch larger than max.message.bytes is refused with
        // RecordTooLargeException (MESSAGE_TOO_LARGE) and nothing is appended. The batch size is
        // DefaultRecordBatch.RECORD_BATCH_OVERHEAD (61) plus each record's DefaultRecord.sizeInBytes with offset and
        // timestamp deltas of one byte (exact for batches of up to 64 records).
        let maxMessageBytes = maxMessageBytes(of: id.topic)
        var batchSize = 61
        for value in values { batchSize += NullKeyPartitioner.recordSize(key: key, value: value) }
        if batchSize > maxMessageBytes {
            let error = KafkaError(
                "MESSAGE_TOO_LARGE",
                "The record batch size in the append to \(id) is \(batchSize) bytes which exceeds the maximum configured value of \(maxMessageBytes)."
            )
            // acks=0: KafkaApis.handleProduceRequest closes the connection instead of answering.
            finish(requestID, acks == .none ? .noResponse(baseOffset: nil, count: values.count) : .failure(error))
            return requestID
        }
        let (logEndOffset, verdict) = readPartition(id) { state in
            let log = state.logs.position(of: leader)!
            let verdict = header.map { ProducerStateEntry.verdict(for: $0, in: state.logs.values[log]) } ?? .append
            return (state.logs.values[log].logEndOffset, verdict)
        }!
        let base: Int64
        switch verdict {
        case .reject(let error):
            finish(requestID, .failure(error))
            return requestID
        case .duplicate(let first, let last):
            base = first
            request.count = Int(last - first + 1)
            request.isDuplicate = true
            note(
                "\(id): leader \(leader) recognises a duplicate batch (producer \(header!.producerID), sequence \(header!.baseSequence)) at offset \(first); nothing appended"
            )
        case .append:
            base = logEndOffset
            let epoch = route.leaderEpoch
            // Appended in place: a copy of the leader's log would duplicate its records on every produce.
            // One batch, stored once: the followers' fetches share it (the values array is not even copied).
            let batch = RecordBatch(baseOffset: base, leaderEpoch: epoch, key: key, values: values, producer: header)
            modifyPartition(id) { $0.logs.modify(leader) { $0.append(RecordSlice(batch)) } }
        }
        request.baseOffset = base
        engine.requests.modify(requestID) { $0 = request }
        if route.formerLeadership == nil {
            maybeIncrementLeaderHighWatermark(id)
            if verdict == .append { wakeParkedFetches(at: leader, for: id) }
        }
        switch acks {
        case .none: finish(requestID, .noResponse(baseOffset: base, count: request.count))
        case .leader: finish(requestID, .success(baseOffset: base, count: request.count))
        case .all:
            engine.queue.schedule(at: request.deadline, .requestTimeout(requestID, leader: leader))
        }
        afterEvent()
        return requestID
    }

    /// Sends a produce request and lets simulated time run until it is answered or times out.
    public mutating func produceAndWait(
        to id: TopicPartition, key: String? = nil, values: [String], acks: Acks
    ) throws(KafkaError) -> ProduceRequest {
        let requestID = try produce(to: id, key: key, values: values, acks: acks)
        let deadline = engine.requests[requestID]!.deadline
        // A request is pending until `finish` sets its outcome: the stop condition, asked after every event, scans the
        // few pending ids instead of copying the request out of its table.
        run(until: deadline) { !$0.engine.pendingRequestIDs.contains(requestID) }
        return engine.requests[requestID]!
    }

    /// Completes parked acks=all requests whose outcome is decided.
    ///
    /// Kafka: `DelayedProduce.tryComplete` → `Partition.checkEnoughReplicasReachOffset`.
    mutating func completeProduceRequests() {
        for requestID in engine.pendingRequestIDs {
            if let outcome = decidedOutcomeInPlace(of: requestID) { finish(requestID, outcome) }
        }
    }

    /// The outcome a parked acks=all request gets now, or nil while it waits (or is not parked).
    func decidedOutcome(of requestID: ProduceRequestID) -> ProduceOutcome? {
        guard let (partition, request) = engine.requests.read(requestID, { Self.parkedRequest($0) }) ?? nil,
            let progress = withPartition(partition, { Self.progress(of: request, in: $0) })
        else { return nil }
        let minIsr = progress.isSameLeader && progress.isCovered ? effectiveMinIsr(partition) : 0
        let leaderState = engine.runtimes.state(of: request.leader)
        return Self.outcome(of: request, progress, minIsr: minIsr, leaderState: leaderState)
    }

    /// `decidedOutcome` reading the partition where it is stored (after every event, for every parked request).
    private mutating func decidedOutcomeInPlace(of requestID: ProduceRequestID) -> ProduceOutcome? {
        guard let (partition, request) = engine.requests.read(requestID, { Self.parkedRequest($0) }) ?? nil,
            let progress = readPartition(partition, { Self.progress(of: request, in: $0) })
        else { return nil }
        let minIsr = progress.isSameLeader && progress.isCovered ? effectiveMinIsrInPlace(partition) : 0
        let leaderState = engine.runtimes.state(of: request.leader)
        return Self.outcome(of: request, progress, minIsr: minIsr, leaderState: leaderState)
    }

    /// The partition of a parked request and what the check reads of it, nil when it is not parked.
    private static func parkedRequest(_ request: borrowing ProduceRequest) -> (TopicPartition, ParkedRequest)? {
        ParkedRequest(request).map { (request.partition, $0) }
    }

    /// What the completion check reads of a request parked waiting for its outcome (not the whole request: it is
    /// read after every event). Plain numbers, without the partition's id: the closures that read the partition
    /// copy it, and a copy of a topic name is a retain and a release.
    private struct ParkedRequest {
        var leader: BrokerID
        var leaderEpoch: Int
        var baseOffset: Int64
        var count: Int

        /// The request's part, nil when it is not parked. Borrowed: an initializer takes its argument owned, which made
        /// `IDTable.read` copy the whole request (and retain its arrays) after every event.
        init?(_ request: borrowing ProduceRequest) {
            guard request.outcome == nil, let baseOffset = request.baseOffset, let leader = request.leader,
                !request.isOrphaned, !request.isResponseDropped
            else { return nil }
            self.leader = leader
            self.leaderEpoch = request.leaderEpoch
            self.baseOffset = baseOffset
            self.count = request.count
        }
    }

    /// What a parked request's partition says about it.
    private struct RequestProgress {
        /// Whether the partition has the request's leader and epoch.
        var isSameLeader: Bool
        /// Whether the leader's HW covers the request's records.
        var isCovered: Bool
        /// The size of the maximal ISR.
        var maximalIsrCount: Int
    }

    /// Reads a parked request's progress from its partition.
    private static func progress(of request: ParkedRequest, in state: PartitionState) -> RequestProgress {
        let end = request.baseOffset + Int64(request.count)
        return RequestProgress(
            isSameLeader: state.leader == request.leader && state.leaderEpoch == request.leaderEpoch,
            isCovered: (state.logs.read(request.leader) { $0.highWatermark } ?? -1) >= end,
            maximalIsrCount: state.pendingIsr == nil ? state.isr.count : state.maximalIsr.count)
    }

    /// The outcome of a parked request from its progress (`minIsr` is only read when the HW covers it) and the state
    /// of the broker it was sent to (read in its slot: a copy of the runtimes retained and released their storage).
    private static func outcome(
        of request: ParkedRequest, _ progress: RequestProgress, minIsr: Int, leaderState: BrokerState?
    ) -> ProduceOutcome? {
        let base = request.baseOffset
        if !progress.isSameLeader {
            // A leader that is still running (or shutting down cleanly) answers NOT_LEADER_OR_FOLLOWER; a crashed or
            // isolated one never answers, so its client times out.
            if leaderState == .up || leaderState == .stalled || leaderState == .shutDown {
                return .failure(.notLeaderOrFollower)
            }
            return nil
        }
        guard progress.isCovered else { return nil }
        if progress.maximalIsrCount < minIsr { return .failure(.notEnoughReplicasAfterAppend) }
        return .success(baseOffset: base, count: request.count)
    }

    /// Sets a request's outcome, remembers acknowledged records and hands the answer to its producer.
    ///
    /// A broker with `drop-responses` left loses the answer on the way back: the request stays open until the
    /// client's `request.timeout.ms` (`clientTimeout`), while what the broker did (append, duplicate) stands.
    mutating func finish(_ requestID: ProduceRequestID, _ outcome: ProduceOutcome, clientTimeout: Bool = false) {
        guard var request = engine.requests[requestID], request.outcome == nil else { return }
        if request.isResponseDropped && !clientTimeout { return }
        if !clientTimeout, request.acks != .none, let leader = request.leader,
            let drops = engine.runtimes[leader]?.droppedResponses, drops > 0
        {
            engine.runtimes[leader]?.droppedResponses = drops - 1
            request.isResponseDropped = true
            engine.requests.modify(requestID) { $0 = request }
            note(
                "broker \(leader) answers request \(requestID) (\(request.partition)) with \(outcome); the response is lost"
            )
            engine.queue.schedule(at: request.deadline, .requestTimeout(requestID, leader: leader))
            return
        }
        request.outcome = outcome
        request.completedAt = engine.now
        engine.requests.modify(requestID) { $0 = request }
        if let index = engine.pendingRequestIDs.firstIndex(of: requestID) { engine.pendingRequestIDs.remove(at: index) }
        if request.isAsync { note("request \(requestID) to \(request.partition) answered: \(outcome)") }
        requestMetadataUpdate(after: request)
        if case .success(let base, let count) = outcome, request.isServedByFormerLeader {
            rememberFormerLeaderAcknowledgement(request, base: base, count: count)
        } else if case .success(let base, let count) = outcome,
            let runs = readPartition(request.partition, { Self.epochRuns(from: base, count: count, in: &$0) })
        {
            engine.touched.insert(request.partition)
            runs.forEach { run in
                engine.oracle.acknowledge(
                    request.partition, from: run.base, count: run.count, epoch: run.epoch, acks: request.acks)
            }
        }
        if let batchID = request.batchID { producerReceives(request, batchID: batchID) }
    }

    /// The records `base ..< base + count` in runs of one leader epoch, ascending: each record's own epoch in the
    /// leader's log (a duplicate's original may be from an earlier epoch), the partition's epoch where the log has
    /// none. Read a slice at a time, and kept inline: almost always one run, where a list of epochs, one per record,
    /// was allocated on every acknowledgement.
    private static func epochRuns(
        from base: Int64, count: Int, in state: inout PartitionState
    ) -> InlineList<EpochRun> {
        let leaderEpoch = state.leaderEpoch
        guard let leader = state.leader, let position = state.logs.position(of: leader) else {
            var runs = InlineList<EpochRun>()
            runs.append(EpochRun(base: base, count: count, epoch: leaderEpoch))
            return runs
        }
        return epochRuns(from: base, count: count, leaderEpoch: leaderEpoch, in: &state.logs.values[position])
    }

    /// `epochRuns` in the leader's log, read in place (a copy of the log would retain and release its parts).
    private static func epochRuns(
        from base: Int64, count: Int, leaderEpoch: Int, in log: inout ReplicaLog
    ) -> InlineList<EpochRun> {
        var runs = InlineList<EpochRun>()
        let end = base + Int64(count)
        var next = base
        log.forEachSlice(from: base, to: end) { slice in
            if slice.baseOffset > next {
                runs.append(EpochRun(base: next, count: Int(slice.baseOffset - next), epoch: leaderEpoch))
            }
            runs.append(EpochRun(base: slice.baseOffset, count: slice.count, epoch: slice.leaderEpoch))
            next = slice.endOffset
        }
        // Past the log's end, and no records at all: the oracle is told too (of none), as with an empty list.
        if end > next || count == 0 { runs.append(EpochRun(base: next, count: Int(end - next), epoch: leaderEpoch)) }
        return runs
    }

    /// Acknowledged records of one leader epoch: `count` from `base`.
    private struct EpochRun {
        var base: Int64
        var count: Int
        var epoch: Int
    }
}
