extension Cluster {
    /// A named producer's `Sender` handles the answer to one of its batches: done, or back in the deque to retry.
    ///
    /// Kafka: `Sender.completeBatch` / `canRetry` (retriable error, attempts < `retries`, delivery timeout not reached)
    /// → `reenqueueBatch` after `retry.backoff.ms`; idempotent producers also retry `OUT_OF_ORDER_SEQUENCE_NUMBER`
    /// (`TransactionManager.canRetry`), bumping the epoch when the gap is real (KIP-360).
    mutating func producerReceives(_ request: ProduceRequest, batchID: ProducerBatchID) {
        guard var batch = engine.batches[batchID], batch.inFlightRequest == request.id else { return }
        var client = engine.producers[batch.producer.rawValue]
        batch.inFlightRequest = nil
        client.inFlight.removeAll { $0 == batchID }
        defer {
            engine.producers[batch.producer.rawValue] = client
            engine.batches.modify(batchID) { $0 = batch }
            if batch.isAsync && batch.isDone {
                note("producer \(client.name): \(Self.describe(batch)) \(batch.outcomeText)")
            }
            // The Sender runs again right after handling responses.
            engine.queue.schedule(at: engine.now, .producerSend(client.index))
        }
        if batch.isDone {
            batch.isAsync = false  // already reported
            return
        }
        switch request.outcome {
        case .success(let base, _):
            batch.outcome = .acknowledged(baseOffset: base)
            batch.completedAt = engine.now
            if let last = batch.lastSequence {
                client.lastAckedSequence[batch.partition] = max(client.lastAckedSequence[batch.partition] ?? -1, last)
            }
        case .noResponse, nil:
            batch.outcome = .acknowledged(baseOffset: nil)
            batch.completedAt = engine.now
        case .failure(let error):
            batch.lastError = error
            let config = client.config
            let expired = engine.now >= batch.createdAt + config.deliveryTimeout
            var retriable = error.isRetriable
            if error.name == "OUT_OF_ORDER_SEQUENCE_NUMBER", client.producerID != nil {
                retriable = true
                let isNext = (client.lastAckedSequence[batch.partition] ?? -1) + 1 == batch.baseSequence
                if isNext && !client.unresolvedPartitions.contains(batch.partition) {
                    // A real gap (the broker lost the earlier batches): new epoch, this partition from 0.
                    engine.batches.modify(batchID) { $0 = batch }
                    bumpEpoch(&client, rewriting: batch.partition)
                    if let renumbered = engine.batches[batchID] {
                        batch.baseSequence = renumbered.baseSequence
                        batch.producerEpoch = renumbered.producerEpoch
                    }
                }
            }
            guard retriable, batch.attempts - 1 < config.retries, !expired else {
                batch.outcome =
                    error.name == "REQUEST_TIMED_OUT"
                    ? .unknown(timeout: error, lastError: error) : .failed(error)
                batch.completedAt = engine.now
                if !batch.isAsync {
                    note("producer \(client.name): \(Self.describe(batch)) fails with \(error.name)")
                }
                return
            }
            let backoff = max(.milliseconds(1), config.retryBackoff(attempt: batch.attempts))
            batch.notBefore = engine.now + backoff
            reenqueue(batch, in: &client)
            engine.queue.schedule(at: batch.notBefore, .producerSend(client.index))
            note(
                "producer \(client.name): \(Self.describe(batch)) got \(error.name); retrying in \(backoff)"
            )
        }
    }

    /// Kafka: `RecordAccumulator.reenqueue` — at the front of its deque, or in sequence order when idempotent
    /// (`insertInSequenceOrder`).
    private mutating func reenqueue(_ batch: ProducerBatch, in client: inout ProducerClient) {
        var deque = client.deques[batch.partition, default: []]
        deque.removeAll { $0 == batch.id }
        if let sequence = batch.baseSequence, client.producerID != nil {
            let index =
                deque.firstIndex { id in
                    guard let other = engine.batches[id]?.baseSequence else { return true }
                    return other > sequence
                } ?? deque.count
            deque.insert(batch.id, at: index)
        } else {
            deque.insert(batch.id, at: 0)
        }
        client.deques[batch.partition] = deque
    }

    /// A batch reaches `delivery.timeout.ms`: it fails with a `TimeoutException` whether or not it is in flight.
    ///
    /// Kafka: `Sender.sendProducerData` → `RecordAccumulator.expiredBatches` and `getExpiredInflightBatches`
    /// ("Expiring N record(s) for t-0:120000 ms has passed since batch creation").
    mutating func expireBatch(_ batchID: ProducerBatchID) {
        guard var batch = engine.batches[batchID], !batch.isDone else { return }
        var client = engine.producers[batch.producer.rawValue]
        let wasSent = batch.attempts > 0
        batch.outcome = .unknown(
            timeout: KafkaError(
                "TimeoutException",
                "Expiring \(batch.values.count) record(s) for \(batch.partition):\((engine.now - batch.createdAt).milliseconds) ms has passed since batch creation"
            ), lastError: batch.lastError)
        batch.completedAt = engine.now
        batch.inFlightRequest = nil
        client.inFlight.removeAll { $0 == batchID }
        client.deques[batch.partition]?.removeAll { $0 == batchID }
        engine.batches.modify(batchID) { $0 = batch }
        note("producer \(client.name): \(Self.describe(batch)) expires (delivery.timeout.ms)")
        if wasSent && client.producerID != nil {
            // Kafka: markSequenceUnresolved — resolved by `maybeResolveSequences` once the partition drains.
            client.unresolvedPartitions.insert(batch.partition)
        }
        engine.producers[batch.producer.rawValue] = client
        engine.queue.schedule(at: engine.now, .producerSend(client.index))
    }

    /// Kafka: `TransactionManager.maybeResolveSequences` — once an unresolved partition has nothing unfinished, it
    /// is fine if every sequence was acknowledged; otherwise the producer bumps its epoch and restarts it at 0.
    mutating func maybeResolveSequences(_ index: ProducerIndex) {
        var client = engine.producers[index.rawValue]
        guard !client.unresolvedPartitions.isEmpty else { return }
        for id in client.unresolvedPartitions.sorted() where !hasUnfinishedSequencedBatches(id, client) {
            client.unresolvedPartitions.remove(id)
            let next = client.nextSequence[id, default: 0]
            if (client.lastAckedSequence[id] ?? -1) + 1 != next { bumpEpoch(&client, rewriting: id) }
        }
        engine.producers[index.rawValue] = client
    }

    /// Kafka: `TransactionManager.bumpIdempotentProducerEpoch` (KIP-360) — a new epoch; the partition that needed it
    /// restarts at sequence 0 with its unfinished batches renumbered in order (`startSequencesAtBeginning`); other
    /// partitions move to the new epoch once they drain.
    private mutating func bumpEpoch(_ client: inout ProducerClient, rewriting id: TopicPartition) {
        client.producerEpoch += 1
        client.partitionEpochs[id] = client.producerEpoch
        client.nextSequence[id] = 0
        client.lastAckedSequence[id] = nil
        let pending = engine.batches.values
            .filter { $0.producer == client.index && $0.partition == id && !$0.isDone && $0.baseSequence != nil }
            .sorted { ($0.baseSequence ?? 0) < ($1.baseSequence ?? 0) }
        for batch in pending {
            let sequence = client.nextSequence[id, default: 0]
            let epoch = client.producerEpoch
            engine.batches.modify(batch.id) { batch in
                batch.baseSequence = sequence
                batch.producerEpoch = epoch
            }
            client.nextSequence[id] = sequence + batch.values.count
        }
        note("producer \(client.name) bumps its epoch to \(client.producerEpoch); \(id) restarts at sequence 0")
    }
}
