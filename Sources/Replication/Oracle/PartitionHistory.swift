/// What the invariant checker remembers about one partition between events: the records it saw committed or
/// acknowledged, the ones that went missing, and the leader's high watermark at its last check.
///
/// The checker's own memory, never read by the engine: the model (`PartitionState`) only holds what Kafka holds.
struct PartitionHistory: Hashable, Sendable {
    /// Epochs of the records known committed (below a leader's HW at some point), by offset.
    var committed = OffsetTable<Int>()
    /// Offsets below this one were checked for commitment.
    var committedUpTo: Int64 = 0
    /// Epochs of the records acknowledged to a producer, by offset, with their acks.
    var acknowledged = OffsetTable<AcknowledgedRecord>()
    /// Offsets of acknowledged or committed records that are gone (truncation or unclean election), ascending.
    var lostOffsets: [Int64] = []
    /// Records an isolated former leader acknowledged, until its log is truncated (see `FormerLeadership`).
    var formerLeaderAcknowledgements: [FormerLeaderAcknowledgement] = []
    /// Identifies the leader log last scanned for lost records (leader, epoch, LEO, epoch-cache size).
    var lossCheckKey: LossCheckKey?
    /// The leader epoch and HW at the last invariant check (HW monotonic on a leader).
    var lastLeaderHighWatermark: LeaderHighWatermark?
}

/// A leader's high watermark in one leader epoch, as the invariant check last saw it.
struct LeaderHighWatermark: Hashable, Sendable {
    /// The leader epoch.
    var epoch: Int
    /// The high watermark.
    var value: Int64
}

/// Identifies the state of a leader's log when it was last scanned for lost records.
///
/// Between two keys with the same leader, leader epoch, epoch-cache size and truncation count whose log end offset
/// did not shrink, the log only had records appended. Every committed or acknowledged record known at the earlier
/// scan was in the log then (or was reported lost and forgotten), and every one learnt since was read from this same
/// log, so the scan cannot find anything: it is skipped. That keeps loss tracking linear in the records produced
/// instead of rescanning every committed record after each append.
struct LossCheckKey: Hashable, Sendable {
    var leader: BrokerID
    var leaderEpoch: Int
    var logEndOffset: Int64
    var epochCacheSize: Int
    var truncationCount: Int

    /// The key of `log`, the log of `state`'s leader `leader`.
    init(_ state: PartitionState, leader: BrokerID, log: ReplicaLog) {
        self.leader = leader
        leaderEpoch = state.leaderEpoch
        logEndOffset = log.logEndOffset
        epochCacheSize = log.epochCache.entries.count
        truncationCount = log.truncationCount
    }

    /// Whether the log only grew between `previous` and this key.
    func onlyGrew(since previous: LossCheckKey) -> Bool {
        leader == previous.leader && leaderEpoch == previous.leaderEpoch && epochCacheSize == previous.epochCacheSize
            && truncationCount == previous.truncationCount && logEndOffset >= previous.logEndOffset
    }
}

/// The partitions an event wrote (through `Cluster.modifyPartition`), for the checks after it; bookkeeping, not
/// state: two clusters that differ only here are equal (checking a partition again finds nothing new).
struct TouchedPartitions: Hashable, Sendable {
    /// The partitions written since the last check, in the order first written (repeats possible).
    private(set) var ids: [TopicPartition] = []
    /// Whether so many were written that checking them all is simpler.
    private var isManyWritten = false
    /// Whether the oracle checks every partition after every event (off except to test that it finds the same).
    var checksEveryPartition = false

    /// Whether no partition was written since the last check.
    var isEmpty: Bool { ids.isEmpty && !isEverything }

    /// Whether the oracle checks every partition this time.
    var isEverything: Bool { isManyWritten || checksEveryPartition }

    /// Notes that `id` was written.
    mutating func insert(_ id: TopicPartition) {
        guard !isEverything, ids.last != id else { return }
        guard ids.count < 32 else {
            isManyWritten = true
            ids = []
            return
        }
        ids.append(id)
    }

    /// Forgets every write (after a check).
    mutating func removeAll() {
        // One by one from the end (usually one id): `removeAll(keepingCapacity:)` goes through `replaceSubrange`,
        // about 150 instructions after every event checked.
        while !ids.isEmpty { ids.removeLast() }
        isManyWritten = false
    }

    static func == (lhs: TouchedPartitions, rhs: TouchedPartitions) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
