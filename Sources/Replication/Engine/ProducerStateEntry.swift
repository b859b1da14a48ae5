/// The broker's memory of one idempotent producer on one partition: its epoch and its last five batches.
///
/// Kafka: `org.apache.kafka.storage.internals.log.ProducerStateEntry` (`NUM_BATCHES_TO_RETAIN = 5`) kept by
/// `ProducerStateManager`. Every replica rebuilds it from the batches in its log (leaders on append, followers on
/// replication, everyone after truncation), so it moves with leadership exactly as the log does; here it is computed
/// from the log when a produce request needs it.
public struct ProducerStateEntry: Hashable, Sendable {
    /// One remembered batch (Kafka: `BatchMetadata`).
    public struct Batch: Hashable, Sendable {
        /// First and last sequence number.
        public var firstSequence: Int, lastSequence: Int
        /// First and last offset in the log.
        public var firstOffset: Int64, lastOffset: Int64
    }

    /// Kafka: `ProducerStateEntry.NUM_BATCHES_TO_RETAIN`.
    public static let batchesToRetain = 5

    /// The producer's current epoch on this partition.
    public var producerEpoch: Int
    /// The last batches of that epoch, oldest first (at most five).
    public var batches: [Batch]

    /// The last sequence number written, or -1 without batches.
    public var lastSequence: Int { batches.last?.lastSequence ?? -1 }

    /// The entry of `producerID` in `log`, or nil when the log holds no batch of it.
    public static func entry(of producerID: Int64, in log: ReplicaLog) -> ProducerStateEntry? {
        var entry: ProducerStateEntry?
        var index = 0
        // A batch is a run of records with the same header: adjacent slices with equal headers are one batch.
        let slices = log.slices
        while index < slices.count {
            guard let header = slices[index].batch.producer, header.producerID == producerID else {
                index += 1
                continue
            }
            let firstOffset = slices[index].baseOffset
            var end = index
            while end + 1 < slices.count, slices[end + 1].batch.producer == header { end += 1 }
            let batch = Batch(
                firstSequence: header.baseSequence, lastSequence: header.lastSequence, firstOffset: firstOffset,
                lastOffset: slices[end].endOffset - 1)
            // Kafka: ProducerStateEntry.maybeUpdateProducerEpoch — a new epoch forgets the old epoch's batches.
            if entry == nil || entry!.producerEpoch != header.producerEpoch {
                entry = ProducerStateEntry(producerEpoch: header.producerEpoch, batches: [])
            }
            entry!.batches.append(batch)
            if entry!.batches.count > batchesToRetain { entry!.batches.removeFirst() }
            index = end + 1
        }
        return entry
    }

    /// What the leader does with an incoming batch.
    public enum Verdict: Hashable, Sendable {
        /// Append it.
        case append
        /// It was written before at these offsets: answer with them and append nothing.
        case duplicate(firstOffset: Int64, lastOffset: Int64)
        /// Reject it with this error.
        case reject(KafkaError)
    }

    /// Kafka: `UnifiedLog.analyzeAndValidateProducerState` → `ProducerStateEntry.findDuplicateBatch`, then
    /// `ProducerAppendInfo.checkProducerEpoch` and `checkSequence`.
    public static func verdict(for header: ProducerBatchHeader, in log: ReplicaLog) -> Verdict {
        guard let entry = entry(of: header.producerID, in: log) else {
            // No state (new producer, or everything it wrote is gone): any sequence is accepted.
            return .append
        }
        if header.producerEpoch == entry.producerEpoch,
            let batch = entry.batches.first(where: {
                $0.firstSequence == header.baseSequence && $0.lastSequence == header.lastSequence
            })
        {
            return .duplicate(firstOffset: batch.firstOffset, lastOffset: batch.lastOffset)
        }
        if header.producerEpoch < entry.producerEpoch {
            return .reject(
                KafkaError(
                    "INVALID_PRODUCER_EPOCH",
                    "Epoch of producer \(header.producerID) at offset \(log.logEndOffset) in \(header.producerEpoch) is smaller than the last seen epoch \(entry.producerEpoch)"
                ))
        }
        if header.producerEpoch > entry.producerEpoch {
            guard header.baseSequence == 0 else {
                return .reject(
                    .outOfOrderSequenceNumber(
                        "Invalid sequence number for new epoch of producer \(header.producerID) at offset \(log.logEndOffset) in partition: \(header.producerEpoch) (request epoch), \(header.baseSequence) (seq. number), \(entry.producerEpoch) (current producer epoch)"
                    ))
            }
            return .append
        }
        let last = entry.lastSequence
        let inSequence = header.baseSequence == last + 1 || (header.baseSequence == 0 && last == Int(Int32.max))
        guard inSequence else {
            return .reject(
                .outOfOrderSequenceNumber(
                    "Out of order sequence number for producer \(header.producerID) at offset \(log.logEndOffset) in partition: \(header.baseSequence) (incoming seq. number), \(last) (current end sequence number)"
                ))
        }
        return .append
    }
}

extension KafkaError {
    /// `OUT_OF_ORDER_SEQUENCE_NUMBER` (45) with the broker's message.
    static func outOfOrderSequenceNumber(_ message: String) -> KafkaError {
        KafkaError("OUT_OF_ORDER_SEQUENCE_NUMBER", message)
    }
}
