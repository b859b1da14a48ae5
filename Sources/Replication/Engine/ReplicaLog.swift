/// One replica's copy of a partition: its records, high watermark, epoch cache and what reached the disk.
///
/// The records are kept as slices of immutable batches (`RecordBatch`) shared with the other replicas' logs: the
/// leader appends a produce's batch, a follower appends the slices a fetch carries, so a record is stored once however
/// many replicas hold it. Kafka: `UnifiedLog` / `LogSegment`, whose segments hold the batches as bytes.
public struct ReplicaLog: Sendable {
    /// The records, by offset from 0 (no retention is simulated, so the log start offset is always 0), as slices of
    /// batches; two adjacent slices never continue each other in the same batch, and no slice is empty.
    public private(set) var slices = ChunkedArray<RecordSlice>()
    /// The log end offset: the offset the next record gets.
    public private(set) var logEndOffset: Int64 = 0
    /// This replica's own high watermark (a follower's lags the leader's by one fetch).
    public var highWatermark: Int64 = 0
    /// The leader epoch cache.
    public private(set) var epochCache = LeaderEpochCache()
    /// Records below this offset are on disk; a crash that loses unflushed data truncates to it.
    public var flushedOffset: Int64 = 0
    /// How many times `truncate(to:)` ran: between two equal counts the log only grew (see `LossCheckKey`).
    var truncationCount = 0
    /// Every record in `[lastEpochRunStart, logEndOffset)` has the epoch `lastEpochRunEpoch`: the log's last run of
    /// records of one epoch, or a part of it that ends at the log end (after a truncation it starts at the last
    /// slice). `epoch(at:)` answers an offset in it without searching the slices: the oracle reads the epochs at a
    /// replica's HW and LEO after every event, nearly always in the last epoch. Kept by `append` and `truncate`, the
    /// only writers of `slices`; derived from the records, so equality ignores it.
    private var lastEpochRunStart: Int64 = 0
    /// The epoch of the records from `lastEpochRunStart` on (meaningless while the run is empty).
    private var lastEpochRunEpoch = 0

    /// Creates an empty log.
    public init() {}

    /// The records, by offset from 0 (a copy: reads of a few records use `record(at:)` or `records(from:to:)`).
    public var records: [Record] { records(from: 0, to: logEndOffset) }

    /// The latest leader epoch this log knows (Kafka: `UnifiedLog.latestEpoch`).
    public var latestEpoch: Int? { epochCache.latestEpoch }

    /// Appends records (their offsets must continue the log), assigning their epochs in the cache.
    ///
    /// Kafka: `UnifiedLog.append` → `leaderEpochCache.assign(batch.partitionLeaderEpoch, batch.baseOffset)`.
    public mutating func append(_ newRecords: [Record]) {
        append(newRecords[...])
    }

    /// Appends a run of records (their offsets must continue the log), one batch per run of records with the same
    /// epoch and producer header.
    public mutating func append(_ newRecords: ArraySlice<Record>) {
        var start = newRecords.startIndex
        while start < newRecords.endIndex {
            let first = newRecords[start]
            var end = start + 1
            while end < newRecords.endIndex, newRecords[end].leaderEpoch == first.leaderEpoch,
                newRecords[end].producer == first.producer
            {
                end += 1
            }
            append(RecordSlice(RecordBatch(newRecords[start..<end])))
            start = end
        }
    }

    /// Appends slices of batches (their offsets must continue the log): a follower appends what a fetch carried.
    ///
    /// Kafka: `UnifiedLog.appendAsFollower` — the leader's batches, unchanged.
    public mutating func append(contentsOf newSlices: ArraySlice<RecordSlice>) {
        for slice in newSlices { append(slice) }
    }

    /// Appends a slice of a batch (its offsets must continue the log), assigning its epoch in the cache.
    ///
    /// The cache is asked once per slice: `assign` ignores a record whose epoch is the latest one at a later offset,
    /// which every record after the first of a slice is.
    public mutating func append(_ slice: RecordSlice) {
        precondition(slice.baseOffset == logEndOffset, "appended offset \(slice.baseOffset) ≠ LEO \(logEndOffset)")
        guard slice.count > 0 else { return }
        epochCache.assign(epoch: slice.leaderEpoch, startOffset: slice.baseOffset)
        if slice.leaderEpoch != lastEpochRunEpoch || lastEpochRunStart == logEndOffset {
            lastEpochRunStart = slice.baseOffset
            lastEpochRunEpoch = slice.leaderEpoch
        }
        if let last = slices.last, last.isContinued(by: slice) {
            slices[slices.count - 1].extend(by: slice)
        } else {
            slices.append(slice)
        }
        logEndOffset = slice.endOffset
    }

    /// Records that a new leader epoch starts at the current log end (Kafka: `maybeAssignEpochStartOffset`).
    public mutating func assignEpochStart(_ epoch: Int) {
        epochCache.assign(epoch: epoch, startOffset: logEndOffset)
    }

    /// Removes every record at or after `offset`; a slice the offset falls inside keeps its first part.
    ///
    /// Kafka: `UnifiedLog.truncateTo` → `LogSegment.truncateTo`, which cuts at the start of the batch holding
    /// `offset` (`translateOffset`); this log has always truncated record by record, and still does.
    public mutating func truncate(to offset: Int64) {
        truncationCount += 1
        guard offset < logEndOffset else {
            // Kafka: "Always truncate epoch cache since we may have a conflicting epoch entry at the end of the log
            // from the leader" — a former leader that appended nothing in its epoch.
            epochCache.truncateFromEnd(logEndOffset)
            return
        }
        let target = max(0, offset)
        let index = sliceIndex(containing: target)
        let kept = slices[index].clamped(from: 0, to: target)
        slices.removeSubrange(index...)
        if kept.count > 0 { slices.append(kept) }
        logEndOffset = target
        if target <= lastEpochRunStart {
            // The run lost every record: the last slice left (if any) starts the part of a run the log ends with.
            lastEpochRunStart = slices.isEmpty ? 0 : slices[slices.count - 1].baseOffset
            lastEpochRunEpoch = slices.isEmpty ? 0 : slices[slices.count - 1].leaderEpoch
        }
        epochCache.truncateFromEnd(target)
        highWatermark = min(highWatermark, target)
        flushedOffset = min(flushedOffset, target)
    }

    /// The slices holding the records in `[from, to)`, cut to that range: what a fetch carries.
    ///
    /// Kafka: `LogSegment.read` → `FileRecords.slice` (a view of the same records, not a copy).
    public func slices(from start: Int64, to end: Int64) -> [RecordSlice] {
        var result: [RecordSlice] = []
        forEachSlice(from: start, to: end) { result.append($0) }
        return result
    }

    /// Calls `body` with each slice holding records in `[from, to)`, cut to that range, in order (no array built:
    /// the oracle reads epochs this way on every HW move).
    public func forEachSlice(from start: Int64, to end: Int64, _ body: (RecordSlice) -> Void) {
        let lower = max(0, min(start, logEndOffset))
        let upper = max(lower, min(end, logEndOffset))
        guard lower < upper else { return }
        var index = sliceIndex(containing: lower)
        while index < slices.count, slices[index].baseOffset < upper {
            body(slices[index].clamped(from: lower, to: upper))
            index += 1
        }
    }

    /// The records in `[from, to)`.
    public func records(from start: Int64, to end: Int64) -> [Record] {
        var result: [Record] = []
        for slice in slices(from: start, to: end) { result.append(contentsOf: slice.records) }
        return result
    }

    /// The record at `offset`, if present.
    public func record(at offset: Int64) -> Record? {
        offset >= 0 && offset < logEndOffset ? slices[sliceIndex(containing: offset)].record(at: offset) : nil
    }

    /// The leader epoch of the record at `offset`, if present (cheaper than `record(at:)`: no copy of the record; in
    /// the log's last run of one epoch, no search either).
    public func epoch(at offset: Int64) -> Int? {
        guard offset >= 0, offset < logEndOffset else { return nil }
        if offset >= lastEpochRunStart { return lastEpochRunEpoch }
        return slices[sliceIndex(containing: offset)].leaderEpoch
    }

    /// A reader of the epochs at ascending offsets (see `EpochReader`).
    public var epochReader: EpochReader { EpochReader(slices: slices, logEndOffset: logEndOffset) }

    /// Reads the epochs of records at ascending offsets in one pass: each read goes on from the slice the last one
    /// found, so reading every offset of a log costs a step per slice, not a search per offset (the oracle's scan
    /// for lost records after a leader change reads every committed offset).
    public struct EpochReader {
        private let slices: ChunkedArray<RecordSlice>
        private let logEndOffset: Int64
        private var index = 0
        /// The offsets and epoch of the slice at `index` once read (empty before): most reads fall in the slice the
        /// last one found, and are answered without reading the slice (and its batch) again.
        private var current: (offsets: Range<Int64>, epoch: Int) = (0..<0, 0)

        init(slices: ChunkedArray<RecordSlice>, logEndOffset: Int64) {
            self.slices = slices
            self.logEndOffset = logEndOffset
        }

        /// The leader epoch of the record at `offset`, nil when the log has none there. Offsets read out of order
        /// are answered too, by starting again from the first slice.
        public mutating func epoch(at offset: Int64) -> Int? {
            guard offset >= 0, offset < logEndOffset else { return nil }
            if current.offsets.contains(offset) { return current.epoch }
            if slices[index].baseOffset > offset { index = 0 }
            while slices[index].endOffset <= offset { index += 1 }
            let slice = slices[index]
            current = (slice.baseOffset..<slice.endOffset, slice.leaderEpoch)
            return slice.leaderEpoch
        }
    }

    /// The index of the slice holding `offset` (`0 <= offset < logEndOffset`). Most reads are near the end (the
    /// HW, a follower's LEO), so the search gallops back from the last slice, then bisects.
    private func sliceIndex(containing offset: Int64) -> Int {
        // Invariant: the answer is in low...high.
        var high = slices.count - 1
        var low = high
        var step = 1
        while slices[low].baseOffset > offset {
            high = low - 1
            low = max(0, low - step)
            step *= 2
        }
        while low < high {
            let middle = (low + high + 1) / 2
            if slices[middle].baseOffset <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension ReplicaLog: Hashable {
    /// Two logs are equal when they hold the same records, whichever batches hold them, and the same state.
    public static func == (lhs: ReplicaLog, rhs: ReplicaLog) -> Bool {
        lhs.logEndOffset == rhs.logEndOffset && lhs.highWatermark == rhs.highWatermark
            && lhs.flushedOffset == rhs.flushedOffset && lhs.truncationCount == rhs.truncationCount
            && lhs.epochCache == rhs.epochCache && (lhs.slices == rhs.slices || lhs.records == rhs.records)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(logEndOffset)
        hasher.combine(highWatermark)
        hasher.combine(flushedOffset)
        hasher.combine(truncationCount)
        hasher.combine(epochCache)
    }
}
