/// The per-replica cache of `(leader epoch, start offset)` entries.
///
/// Kafka: `storage/.../epoch/LeaderEpochFileCache.java` — `assign`, `endOffsetFor`, `truncateFromEndAsyncFlush`.
public struct LeaderEpochCache: Hashable, Sendable {
    /// Kafka's `UNDEFINED_EPOCH`.
    public static let undefinedEpoch = -1
    /// Kafka's `UNDEFINED_EPOCH_OFFSET`.
    public static let undefinedOffset: Int64 = -1

    /// One entry: the first offset written in `epoch`.
    public struct Entry: Hashable, Sendable {
        /// The leader epoch.
        public var epoch: Int
        /// The first offset of that epoch.
        public var startOffset: Int64
    }

    /// The entries, ascending by epoch and by start offset.
    public private(set) var entries: [Entry] = []

    /// Creates an empty cache.
    public init() {}

    /// The latest epoch, if any.
    public var latestEpoch: Int? { entries.last?.epoch }

    /// Records that `epoch` starts at `startOffset`.
    ///
    /// Kafka: `LeaderEpochFileCache.assign` — ignored when the epoch equals the latest one and the start is not
    /// earlier (`isUpdateNeeded`); otherwise entries with an epoch ≥ the new one or a start ≥ the new start are
    /// dropped first (`maybeTruncateNonMonotonicEntries`).
    public mutating func assign(epoch: Int, startOffset: Int64) {
        guard epoch >= 0, startOffset >= 0 else { return }
        if let last = entries.last, last.epoch == epoch, startOffset >= last.startOffset { return }
        entries.removeAll { $0.epoch >= epoch || $0.startOffset >= startOffset }
        entries.append(Entry(epoch: epoch, startOffset: startOffset))
    }

    /// The largest epoch ≤ `requestedEpoch` and the offset where the next epoch starts.
    ///
    /// Kafka: `LeaderEpochFileCache.endOffsetFor(requestedEpoch, logEndOffset)`.
    public func endOffsetFor(_ requestedEpoch: Int, logEndOffset: Int64) -> (epoch: Int, endOffset: Int64) {
        if requestedEpoch == Self.undefinedEpoch { return (Self.undefinedEpoch, Self.undefinedOffset) }
        if latestEpoch == requestedEpoch { return (requestedEpoch, logEndOffset) }
        guard let higher = entries.first(where: { $0.epoch > requestedEpoch }) else {
            return (Self.undefinedEpoch, Self.undefinedOffset)
        }
        guard let floor = entries.last(where: { $0.epoch <= requestedEpoch }) else {
            return (requestedEpoch, higher.startOffset)
        }
        return (floor.epoch, higher.startOffset)
    }

    /// Drops entries starting at or after `endOffset` (the log was truncated to `endOffset`).
    ///
    /// Kafka: `LeaderEpochFileCache.truncateFromEndAsyncFlush`.
    public mutating func truncateFromEnd(_ endOffset: Int64) {
        guard endOffset >= 0, let last = entries.last, last.startOffset >= endOffset else { return }
        entries.removeAll { $0.startOffset >= endOffset }
    }
}
