/// One replica's copy of a partition: its records, high watermark, epoch cache and what reached the disk.
public struct ReplicaLog: Hashable, Sendable {
    /// The records, by offset from 0 (no retention is simulated, so the log start offset is always 0).
    public private(set) var records = ChunkedArray<Record>()
    /// This replica's own high watermark (a follower's lags the leader's by one fetch).
    public var highWatermark: Int64 = 0
    /// The leader epoch cache.
    public private(set) var epochCache = LeaderEpochCache()
    /// Records below this offset are on disk; a crash that loses unflushed data truncates to it.
    public var flushedOffset: Int64 = 0
    /// How many times `truncate(to:)` ran: between two equal counts the log only grew (see `LossCheckKey`).
    var truncationCount = 0

    /// Creates an empty log.
    public init() {}

    /// The log end offset: the offset the next record gets.
    public var logEndOffset: Int64 { Int64(records.count) }

    /// The latest leader epoch this log knows (Kafka: `UnifiedLog.latestEpoch`).
    public var latestEpoch: Int? { epochCache.latestEpoch }

    /// Appends records (their offsets must continue the log), assigning their epochs in the cache.
    ///
    /// Kafka: `UnifiedLog.append` → `leaderEpochCache.assign(batch.partitionLeaderEpoch, batch.baseOffset)`.
    public mutating func append(_ newRecords: [Record]) {
        append(newRecords[...])
    }

    /// Appends a run of records (their offsets must continue the log), assigning their epochs in the cache.
    ///
    /// The cache is only asked when the epoch changes from one record to the next: `assign` ignores a record whose
    /// epoch is the latest one at a later offset, which every record after the first of an epoch is.
    public mutating func append(_ newRecords: ArraySlice<Record>) {
        var expected = logEndOffset
        var previousEpoch: Int?
        for record in newRecords {
            precondition(record.offset == expected, "appended offset \(record.offset) ≠ LEO \(expected)")
            if record.leaderEpoch != previousEpoch {
                epochCache.assign(epoch: record.leaderEpoch, startOffset: record.offset)
                previousEpoch = record.leaderEpoch
            }
            expected += 1
        }
        records.append(contentsOf: newRecords)
    }

    /// Records that a new leader epoch starts at the current log end (Kafka: `maybeAssignEpochStartOffset`).
    public mutating func assignEpochStart(_ epoch: Int) {
        epochCache.assign(epoch: epoch, startOffset: logEndOffset)
    }

    /// Removes every record at or after `offset`. Kafka: `UnifiedLog.truncateTo`.
    public mutating func truncate(to offset: Int64) {
        truncationCount += 1
        guard offset < logEndOffset else {
            // Kafka: "Always truncate epoch cache since we may have a conflicting epoch entry at the end of the log
            // from the leader" — a former leader that appended nothing in its epoch.
            epochCache.truncateFromEnd(logEndOffset)
            return
        }
        let target = max(0, offset)
        records.removeSubrange(Int(target)...)
        epochCache.truncateFromEnd(target)
        highWatermark = min(highWatermark, target)
        flushedOffset = min(flushedOffset, target)
    }

    /// The records in `[from, to)`.
    public func records(from start: Int64, to end: Int64) -> [Record] {
        let lower = max(0, min(start, logEndOffset))
        let upper = max(lower, min(end, logEndOffset))
        return records.elements(in: Int(lower)..<Int(upper))
    }

    /// The record at `offset`, if present.
    public func record(at offset: Int64) -> Record? {
        offset >= 0 && offset < logEndOffset ? records[Int(offset)] : nil
    }

    /// The leader epoch of the record at `offset`, if present (cheaper than `record(at:)`: no copy of the record).
    public func epoch(at offset: Int64) -> Int? {
        offset >= 0 && offset < logEndOffset ? records[Int(offset)].leaderEpoch : nil
    }
}
