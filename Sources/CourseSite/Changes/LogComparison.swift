import Replication

/// Where two copies of a partition's log stop agreeing, by their leader epoch caches: two records at the same offset
/// with the same leader epoch are the same record (Kafka's log matching property, which epoch-based truncation
/// relies on: `LeaderEpochFileCache.endOffsetFor`), so comparing the epoch of every offset at the caches' boundaries
/// is enough, without reading the records.
enum LogComparison {
    /// The first offset at which `a` and `b` hold different records, or the smaller log end offset when one is a
    /// prefix of the other.
    static func firstDivergence(_ a: ReplicaLog, _ b: ReplicaLog) -> Int64 {
        let end = min(a.logEndOffset, b.logEndOffset)
        let (epochsA, epochsB) = (a.epochCache.entries, b.epochCache.entries)
        // Equal caches give every offset the same epoch (most comparisons: a replica and itself a step later, a
        // follower that fetched in the leader's epochs).
        if epochsA == epochsB { return end }
        let boundaries = Set([0] + epochsA.map(\.startOffset) + epochsB.map(\.startOffset)).filter { $0 < end }
        for offset in boundaries.sorted() where epoch(at: offset, in: epochsA) != epoch(at: offset, in: epochsB) {
            return offset
        }
        return end
    }

    /// The epoch of the record at `offset`: that of the last cache entry starting at or before it.
    private static func epoch(at offset: Int64, in entries: [LeaderEpochCache.Entry]) -> Int? {
        entries.last { $0.startOffset <= offset }?.epoch
    }
}
