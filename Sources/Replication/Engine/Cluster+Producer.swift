extension Cluster {
    /// Creates a named producer; an idempotent one gets the next producer id with epoch 0.
    ///
    /// Kafka: `KafkaProducer` constructor, then `InitProducerId` (`TransactionManager.initializeTransactions` in
    /// idempotent mode), answered from the controller's producer-id blocks (the first id of a new cluster is 0).
    @discardableResult
    public mutating func createProducer(_ name: String, config: ProducerConfig) throws(KafkaError) -> ProducerClient {
        guard engine.producerIndexes[name] == nil else {
            throw KafkaError("IllegalStateException", "A producer named '\(name)' already exists.")
        }
        let index = ProducerIndex(engine.producers.count)
        let producerSeed = seed &+ UInt64(index.rawValue + 1) &* 0x9E37_79B9_7F4A_7C15
        var producer = ProducerClient(name: name, index: index, config: config, seed: producerSeed)
        // Kafka: the producer's bootstrap asks for a full update at once; its topics come as partial updates.
        producer.metadata.update(at: engine.now, leaders: [:])
        if config.enableIdempotence {
            engine.lastProducerID += 1
            producer.producerID = engine.lastProducerID
        }
        engine.producers.append(producer)
        engine.producerIndexes[name] = index
        startPeriodicEvents()
        return producer
    }

    /// The partition Kafka's producer picks for a record without an explicit partition.
    ///
    /// Kafka: `KafkaProducer.partition` — a key → `toPositive(murmur2(key)) % all partitions`
    /// (`BuiltInPartitioner.partitionForKey`); no key → the producer's null-key partitioner over the partitions that
    /// have a leader. `producer` nil is the anonymous producer of plain `produce` lines.
    public mutating func choosePartition(topic: String, key: String?, value: String, producer: String? = nil) -> Int? {
        guard let partitions = topics[topic]?.partitions, !partitions.isEmpty else { return nil }
        if let key { return DefaultPartitioner.partition(forKey: key, partitionCount: partitions.count) }
        let available = partitions.filter { $0.leader != nil }.map { $0.id.partition }
        let bytes = NullKeyPartitioner.recordSize(key: nil, value: value)
        if let producer, let index = engine.producerIndexes[producer] {
            return engine.producers[index.rawValue].nullKeyPartitioner.partition(
                topic: topic, bytes: bytes, partitionCount: partitions.count, available: available)
        }
        var partitioner = engine.defaultPartitioner ?? NullKeyPartitioner(.sticky, seed: seed)
        let chosen = partitioner.partition(
            topic: topic, bytes: bytes, partitionCount: partitions.count, available: available)
        engine.defaultPartitioner = partitioner
        return chosen
    }

    /// Hands records to a named producer (`KafkaProducer.send` for each) and returns the ids of the batches they
    /// went into: consecutive records for one partition share a batch up to `batch.size` bytes.
    public mutating func send(
        producer name: String, topic: String, partition: Int? = nil, key: String? = nil, values: [String],
        isAsync: Bool = false
    ) throws(KafkaError) -> [ProducerBatchID] {
        guard let index = engine.producerIndexes[name] else {
            throw KafkaError("IllegalStateException", "There is no producer named '\(name)'.")
        }
        let client = engine.producers[index.rawValue]
        guard let count = topics[topic]?.partitions.count else {
            throw .unknownTopicOrPartition("Topic \(topic) not present in metadata after 60000 ms.")
        }
        if let partition, partition >= count {
            throw KafkaError(
                "IllegalArgumentException",
                "Invalid partition given with record: \(partition) is not in the range [0...\(count)).")
        }
        startPeriodicEvents()
        var touched: [ProducerBatchID] = []
        var createdAny = false
        let partitions = topics[topic]?.partitions ?? []
        let available = partitions.filter { $0.leader != nil }.map { $0.id.partition }
        for value in values {
            let bytes = NullKeyPartitioner.recordSize(key: key, value: value)
            let byPartitioner = partition == nil && key == nil
            let target =
                byPartitioner
                ? engine.producers[index.rawValue].nullKeyPartitioner.peek(
                    topic: topic, partitionCount: count, available: available)
                : partition ?? DefaultPartitioner.partition(forKey: key!, partitionCount: count)
            let id = TopicPartition(topic, target)
            defer {
                if byPartitioner {
                    // Kafka: `RecordAccumulator.append` lets the sticky partitioner switch below twice `batch.size`
                    // only when the partition's newest batch is full (`allBatchesFull`).
                    let enableSwitch = newestBatchIsFull(index, id)
                    engine.producers[index.rawValue].nullKeyPartitioner.recordAppend(
                        topic: topic, bytes: bytes, partitionCount: count, available: available,
                        enableSwitch: enableSwitch)
                }
            }
            // Kafka: `RecordAccumulator.tryAppend` — a record joins the last batch of its partition's deque while that
            // batch has not been sent and has room (`MemoryRecordsBuilder.hasRoomFor`, up to `batch.size`). Records
            // with another key, or of a sync send joining an async one, start a batch of their own here: a batch
            // carries one key, and a sync send reports only its own records.
            if let last = engine.producers[index.rawValue].deques[id]?.last, let open = engine.batches[last],
                open.attempts == 0, open.inFlightRequest == nil, open.key == key, open.isAsync == isAsync,
                open.bytes + bytes <= client.config.batchSize
            {
                engine.batches.modify(last) { $0.append(value) }
                if !touched.contains(last) { touched.append(last) }
                continue
            }
            var batch = ProducerBatch(
                id: engine.batches.nextID, producer: index, partition: id, key: key, value: value,
                createdAt: engine.now)
            batch.isAsync = isAsync
            engine.batches.append(batch)
            engine.producers[index.rawValue].deques[id, default: []].append(batch.id)
            engine.queue.schedule(at: engine.now + client.config.deliveryTimeout, .deliveryTimeout(batch.id))
            touched.append(batch.id)
            createdAny = true
        }
        if createdAny, client.config.linger > .zero {
            // The sender wakes when the new batches' `linger.ms` ends (`RecordAccumulator.ready`'s next check delay).
            engine.queue.schedule(at: engine.now + client.config.linger, .producerSend(index))
        }
        drainProducer(index)
        return touched
    }

    /// Whether a partition's newest unsent batch takes no more records, or there is none.
    ///
    /// Kafka: `RecordAccumulator.allBatchesFull` — the deque's last batch is absent or `isFull` (a retried batch is
    /// closed, so full).
    private func newestBatchIsFull(_ index: ProducerIndex, _ id: TopicPartition) -> Bool {
        let client = engine.producers[index.rawValue]
        guard let last = client.deques[id]?.last, let batch = engine.batches[last] else { return true }
        return batch.attempts > 0 || batch.bytes >= client.config.batchSize
    }

    /// Whether a batch may leave the accumulator as far as batching goes.
    ///
    /// Kafka: `RecordAccumulator.batchReady` — sendable when full (`deque.size() > 1 || batch.isFull()`) or when it
    /// has waited `linger.ms` since its creation; a batch sent before waits its retry back-off instead (`notBefore`).
    private func lingerEnded(_ batch: ProducerBatch, dequeCount: Int, _ client: ProducerClient) -> Bool {
        batch.attempts > 0 || dequeCount > 1 || engine.now >= batch.createdAt + client.config.linger
            || batch.bytes >= client.config.batchSize
    }

    /// Sends records through a named producer and lets simulated time run until every batch is acknowledged,
    /// failed or expired (`delivery.timeout.ms`).
    public mutating func sendAndWait(
        producer name: String, topic: String, partition: Int? = nil, key: String? = nil, values: [String]
    ) throws(KafkaError) -> [ProducerBatch] {
        let ids = try send(producer: name, topic: topic, partition: partition, key: key, values: values)
        let limit = engine.now + (engine.producer(named: name)?.config.deliveryTimeout ?? .zero)
        run(until: limit) { cluster in ids.allSatisfy { cluster.engine.batches[$0]?.isDone == true } }
        return ids.compactMap { engine.batches[$0] }
    }

    /// Sends every batch that may go now, partition by partition, as the `Sender` drains the accumulator.
    ///
    /// Kafka: `RecordAccumulator.ready` picks the leaders with a sendable batch (`batchReady`); then
    /// `RecordAccumulator.drain` / `drainBatchesForOneNode` takes the first batch of every partition those leaders
    /// lead, lingering or not, except while it backs off, at most `max.in.flight.requests.per.connection` per broker,
    /// a muted partition while a batch is in flight when that is 1 (`guaranteeMessageOrder`), and for idempotence
    /// `shouldStopDrainBatchesForPartition`.
    mutating func drainProducer(_ index: ProducerIndex) {
        maybeResolveSequences(index)
        var progressed = true
        while progressed {
            progressed = false
            let readyLeaders = readyLeaders(engine.producers[index.rawValue])
            for id in engine.producers[index.rawValue].deques.keys.sorted() {
                let client = engine.producers[index.rawValue]
                guard let deque = client.deques[id], let batchID = deque.first,
                    let batch = engine.batches[batchID], batch.notBefore <= engine.now,
                    lingerEnded(batch, dequeCount: deque.count, client)
                        || producerTarget(for: id, client).map(readyLeaders.contains) == true,
                    mayDrain(batch, client)
                else { continue }
                engine.producers[index.rawValue].deques[id]?.removeFirst()
                sendBatch(batchID)
                progressed = true
            }
        }
    }

    /// The leaders a producer has a sendable batch for: one whose linger has ended (or that is full) and that may go.
    ///
    /// Kafka: `RecordAccumulator.ready` / `partitionReady` — a leader is ready when one of its partitions' first batch
    /// is `batchReady` and not backing off or muted; `Sender.sendProducerData` keeps those the client can send to.
    private func readyLeaders(_ client: ProducerClient) -> [BrokerID] {
        var leaders: [BrokerID] = []
        for (id, deque) in client.deques {
            guard let batchID = deque.first, let batch = engine.batches[batchID], batch.notBefore <= engine.now,
                lingerEnded(batch, dequeCount: deque.count, client), mayDrain(batch, client),
                let leader = producerTarget(for: id, client), !leaders.contains(leader)
            else { continue }
            leaders.append(leader)
        }
        return leaders
    }

    private func mayDrain(_ batch: ProducerBatch, _ client: ProducerClient) -> Bool {
        let inFlight = client.inFlight.compactMap { engine.batches[$0] }
        let target = producerTarget(for: batch.partition, client)
        if let leader = target, let runtime = engine.runtimes[leader],
            !runtime.isAlive && !runtime.isHostDown
        {
            // Kafka: `NetworkClient.ready` is false for a node whose connection was refused (reconnect backoff):
            // the batch stays in the accumulator until the metadata names another leader.
            return false
        }
        if let leader = target {
            let toLeader = inFlight.filter { batch in
                batch.inFlightRequest.flatMap { engine.requests[$0]?.leader } == leader
            }
            if toLeader.count >= client.config.maxInFlightRequestsPerConnection { return false }
        }
        let samePartition = inFlight.filter { $0.partition == batch.partition }
        if client.config.maxInFlightRequestsPerConnection == 1 && !samePartition.isEmpty { return false }
        guard client.producerID != nil else { return true }
        guard let sequence = batch.baseSequence else {
            // Kafka: shouldStopDrainBatchesForPartition — no new batch while a sequence is unresolved, or while
            // batches of an older epoch are unfinished.
            let stale = (client.partitionEpochs[batch.partition] ?? 0) != client.producerEpoch
            return !client.unresolvedPartitions.contains(batch.partition)
                && !(stale && hasUnfinishedSequencedBatches(batch.partition, client))
        }
        if let first = samePartition.compactMap({ $0.baseSequence }).min(), first != sequence {
            // A retried batch waits until it is the first in flight ("reduces our in flight request count to 1").
            return false
        }
        return true
    }

    /// Whether a partition has batches with a sequence number that are neither acknowledged nor failed.
    func hasUnfinishedSequencedBatches(_ id: TopicPartition, _ client: ProducerClient) -> Bool {
        engine.batches.values.contains {
            $0.producer == client.index && $0.partition == id && !$0.isDone && $0.baseSequence != nil
        }
    }

    private mutating func sendBatch(_ batchID: ProducerBatchID) {
        guard var batch = engine.batches[batchID] else { return }
        var client = engine.producers[batch.producer.rawValue]
        var header: ProducerBatchHeader?
        if let producerID = client.producerID {
            if batch.baseSequence == nil {
                // Kafka: sequence numbers are assigned when a batch is first drained
                // (`maybeUpdateProducerIdAndEpoch` first moves a drained partition to the current epoch).
                if client.partitionEpochs[batch.partition] ?? 0 != client.producerEpoch {
                    client.partitionEpochs[batch.partition] = client.producerEpoch
                    client.nextSequence[batch.partition] = 0
                    client.lastAckedSequence[batch.partition] = nil
                }
                let sequence = client.nextSequence[batch.partition, default: 0]
                batch.baseSequence = sequence
                batch.producerEpoch = client.producerEpoch
                client.nextSequence[batch.partition] = sequence + batch.values.count
            }
            let sequence = batch.baseSequence ?? 0
            header = ProducerBatchHeader(
                producerID: producerID, producerEpoch: batch.producerEpoch, baseSequence: sequence,
                lastSequence: sequence + batch.values.count - 1)
        }
        batch.attempts += 1
        batch.inFlightRequest = engine.requests.nextID
        client.inFlight.append(batchID)
        engine.batches.modify(batchID) { $0 = batch }
        engine.producers[batch.producer.rawValue] = client
        if batch.attempts > 1 {
            note("producer \(client.name) resends \(Self.describe(batch)) (attempt \(batch.attempts))")
        }
        _ = try? sendProduceRequest(
            to: batch.partition, key: batch.key, values: batch.values, acks: client.config.acks, isAsync: false,
            timeout: client.config.requestTimeout, batchID: batchID, header: header)
    }

    static func describe(_ batch: ProducerBatch) -> String {
        let values =
            batch.values.count == 1 ? batch.values[0] : "\(batch.values[0])…\(batch.values[batch.values.count - 1])"
        let sequence = batch.baseSequence.map { ", sequence \($0)" } ?? ""
        return "batch \(batch.id) to \(batch.partition) (\(values)\(sequence))"
    }
}
