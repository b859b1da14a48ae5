/// Records appended together (one produce), stored once: the leader's log and every follower's log that holds them
/// refer to this batch, so a replication copies a reference, not the records.
///
/// Kafka: `DefaultRecordBatch` inside `MemoryRecords` — base offset, partition leader epoch and the producer header
/// are set once per batch; a follower's fetch returns the leader's batches as they are (`LogSegment.read` →
/// `FileRecords.slice`, a view of the same bytes) and the follower appends them unchanged
/// (`UnifiedLog.appendAsFollower`). Immutable, so a copy of a `Cluster` stays a snapshot.
public final class RecordBatch: Sendable {
    /// The offset of the batch's first record.
    public let baseOffset: Int64
    /// The leader epoch of the leader that appended it (Kafka: `RecordBatch.partitionLeaderEpoch`).
    public let leaderEpoch: Int
    /// The idempotent producer's header, or nil for a non-idempotent write.
    public let producer: ProducerBatchHeader?
    /// The key of every record when `keys` is empty (a produce sends one key for all its values).
    private let sharedKey: String?
    /// One key per record, or empty when every record has `sharedKey`.
    private let keys: [String?]
    /// The record values.
    private let values: [String]

    /// Creates a batch of `values`, all with `key`, at offsets from `baseOffset`.
    public init(
        baseOffset: Int64, leaderEpoch: Int, key: String? = nil, values: [String], producer: ProducerBatchHeader? = nil
    ) {
        self.baseOffset = baseOffset
        self.leaderEpoch = leaderEpoch
        self.producer = producer
        self.sharedKey = key
        self.keys = []
        self.values = values
    }

    /// Creates a batch of records with consecutive offsets, one epoch and one producer header.
    init(_ records: ArraySlice<Record>) {
        let first = records.first!
        var offset = first.offset
        for record in records {
            precondition(record.offset == offset, "batch offset \(record.offset) ≠ \(offset)")
            precondition(record.leaderEpoch == first.leaderEpoch && record.producer == first.producer)
            offset += 1
        }
        self.baseOffset = first.offset
        self.leaderEpoch = first.leaderEpoch
        self.producer = first.producer
        let sameKey = records.allSatisfy { $0.key == first.key }
        self.sharedKey = sameKey ? first.key : nil
        self.keys = sameKey ? [] : records.map { $0.key }
        self.values = records.map { $0.value }
    }

    /// How many records the batch holds.
    public var count: Int { values.count }

    /// The record at position `index` of the batch.
    public func record(at index: Int) -> Record {
        Record(
            offset: baseOffset + Int64(index), leaderEpoch: leaderEpoch, key: keys.isEmpty ? sharedKey : keys[index],
            value: values[index], producer: producer)
    }
}

extension RecordBatch: Hashable {
    public static func == (lhs: RecordBatch, rhs: RecordBatch) -> Bool {
        lhs === rhs
            || (lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs.record(at: $0) == rhs.record(at: $0) })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(baseOffset)
        hasher.combine(count)
        hasher.combine(leaderEpoch)
    }
}

/// A run of a batch's records: what a log holds and a fetch carries (a log truncated inside a batch keeps a prefix,
/// a fetch from inside a batch carries a suffix).
///
/// Kafka: `FileRecords.slice(position, size)` — a view sharing the underlying records.
public struct RecordSlice: Sendable {
    /// The batch.
    public let batch: RecordBatch
    /// The positions in the batch.
    public private(set) var range: Range<Int>

    /// A slice of `range` (all of the batch by default).
    public init(_ batch: RecordBatch, range: Range<Int>? = nil) {
        self.batch = batch
        self.range = range ?? 0..<batch.count
    }

    /// The offset of the slice's first record.
    public var baseOffset: Int64 { batch.baseOffset + Int64(range.lowerBound) }
    /// The offset after the slice's last record.
    public var endOffset: Int64 { batch.baseOffset + Int64(range.upperBound) }
    /// How many records the slice holds.
    public var count: Int { range.count }
    /// The leader epoch of its records.
    public var leaderEpoch: Int { batch.leaderEpoch }

    /// The record at `offset`, which must be in the slice.
    public func record(at offset: Int64) -> Record {
        batch.record(at: Int(offset - batch.baseOffset))
    }

    /// The records of the slice.
    public var records: [Record] { range.map { batch.record(at: $0) } }

    /// The part of the slice in `[start, end)` (clamped to the slice).
    func clamped(from start: Int64, to end: Int64) -> RecordSlice {
        let lower = Int(max(start, baseOffset) - batch.baseOffset)
        let upper = Int(min(end, endOffset) - batch.baseOffset)
        return RecordSlice(batch, range: lower..<max(lower, upper))
    }

    /// Whether `next` continues this slice in the same batch (the two can be one slice).
    func isContinued(by next: RecordSlice) -> Bool {
        batch === next.batch && range.upperBound == next.range.lowerBound
    }

    /// Extends the slice by `next`, which continues it.
    mutating func extend(by next: RecordSlice) {
        range = range.lowerBound..<next.range.upperBound
    }
}

extension RecordSlice: Hashable {
    /// Two slices are equal when they hold the same records, whichever batches hold them.
    public static func == (lhs: RecordSlice, rhs: RecordSlice) -> Bool {
        guard lhs.baseOffset == rhs.baseOffset, lhs.count == rhs.count else { return false }
        if lhs.batch === rhs.batch { return lhs.range == rhs.range }
        return lhs.records == rhs.records
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(baseOffset)
        hasher.combine(count)
    }
}
