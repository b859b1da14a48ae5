extension Cluster {
    /// Remembers newly committed records and detects acknowledged or committed records that are gone.
    ///
    /// A record is committed once it is below a leader's HW. It is lost when the current leader's log no longer holds
    /// it (same offset and leader epoch). Lost acks=all or committed records are an invariant break after clean
    /// elections and data loss after an unclean one; a lost acks=1 record is Kafka's documented behaviour (S6).
    mutating func trackCommittedAndLostRecords() {
        // The partitions are updated in place: after every event, a copy of each would cost more than the check.
        updateEveryPartition { state, engine in
            guard let leader = state.leader, engine.runtimes[leader]?.isAlive == true,
                let (lost, lostCommitted, hadUncleanElection) = Self.trackCommittedAndLostRecords(
                    in: &state, leader: leader)
            else { return }
            let id = state.id
            if !lost.isEmpty {
                engine.note("\(id): records lost at offsets \(Self.ranges(lost.sorted()))")
            }
            if !lostCommitted.isEmpty {
                let kind: Finding.Kind = hadUncleanElection ? .dataLoss : .committedRecordLost
                Self.report(
                    kind, id, "committed records lost at offsets \(Self.ranges(lostCommitted.sorted()))",
                    engine: &engine)
            }
        }
    }

    /// One partition's part of `trackCommittedAndLostRecords`: nil when its leader's log was not scanned, else the
    /// offsets found lost (all, and committed or acks=all ones).
    private static func trackCommittedAndLostRecords(in state: inout PartitionState, leader: BrokerID) -> (
        lost: [Int64], lostCommitted: [Int64], hadUncleanElection: Bool
    )? {
        guard let log = state.logs[leader] else { return nil }
        // The leader's log only loses records through a leader change or a truncation; skip the scan otherwise.
        let checkKey = LossCheckKey(state, leader: leader, log: log)
        guard state.lossCheckKey != checkKey || state.committedUpTo < log.highWatermark else { return nil }
        var lost: [Int64] = []
        var lostCommitted: [Int64] = []
        if state.lossCheckKey != checkKey, !(state.lossCheckKey.map { checkKey.onlyGrew(since: $0) } ?? false) {
            for (offset, epoch) in state.committed.entries where log.record(at: offset)?.leaderEpoch != epoch {
                lost.append(offset)
                lostCommitted.append(offset)
            }
            for (offset, record) in state.acknowledged.entries
            where log.record(at: offset)?.leaderEpoch != record.leaderEpoch {
                if !lost.contains(offset) { lost.append(offset) }
                if record.acks == .all, !lostCommitted.contains(offset) { lostCommitted.append(offset) }
            }
        }
        state.lossCheckKey = checkKey
        for offset in lost {
            state.committed[offset] = nil
            state.acknowledged[offset] = nil
            state.committedUpTo = min(state.committedUpTo, offset)
        }
        if !lost.isEmpty {
            state.lostOffsets = Array(Set(state.lostOffsets + lost)).sorted()
        }
        if state.committedUpTo < log.highWatermark {
            for offset in state.committedUpTo..<log.highWatermark {
                state.committed[offset] = log.record(at: offset)?.leaderEpoch
            }
            state.committedUpTo = log.highWatermark
        }
        return (lost, lostCommitted, state.hadUncleanElection)
    }

    /// Checks the replication invariants on every partition that has a leader.
    mutating func checkInvariants() {
        // In place, with the findings written straight to the engine: no copy of the partition per event.
        updateEveryPartition { state, engine in Self.checkInvariants(of: &state, engine: &engine) }
    }

    /// Runs `body` on every partition in topic-partition order, in place (no copy, no hashing per partition).
    mutating func updateEveryPartition(_ body: (inout PartitionState, inout EngineState) -> Void) {
        for name in topics.keys.sorted() {
            guard let position = topics.index(forKey: name) else { continue }
            for index in topics.values[position].partitions.indices {
                body(&topics.values[position].partitions[index], &engine)
            }
        }
    }

    /// Checks one partition in place.
    ///
    /// Only running brokers are checked: a crashed leader or a crashed ISR member (still listed until its session
    /// expires) serves nothing, so its shortened disk (`crash … lose-unflushed`) breaks nothing until it is elected
    /// again, and then `NoCommittedRecordLost` is the right finding. Divergence after an unclean election, at or
    /// above the offset where the unclean leader's epoch starts, is the documented data loss (`DataLoss`).
    /// Kafka: `Partition.maybeIncrementLeaderHW` and `Partition.isUnderMinIsr` only ever look at the leader's own state
    /// and the followers' fetch state; a dead replica sends no fetches (`ReplicaManager.fetchMessages`).
    private static func checkInvariants(of state: inout PartitionState, engine: inout EngineState) {
        guard let check = invariantCheck(of: state, runtimes: engine.runtimes) else { return }
        for (kind, message) in check.breaks { report(kind, state.id, message, engine: &engine) }
        state.lastLeaderHighWatermark = check.highWatermark
    }

    /// What checking one partition finds, without changing anything: the breaks in the order they are reported and
    /// the leader's HW to remember; nil when the partition has no running leader (nothing is checked).
    static func invariantCheck(of state: PartitionState, runtimes: [BrokerID: BrokerRuntime]) -> (
        breaks: [(Finding.Kind, String)], highWatermark: LeaderHighWatermark
    )? {
        guard let leader = state.leader, let leaderLog = state.logs[leader] else { return nil }
        let isRunning = { (broker: BrokerID) in runtimes[broker]?.isAlive ?? true }
        guard isRunning(leader) else { return nil }
        var breaks: [(Finding.Kind, String)] = []
        let hw = leaderLog.highWatermark
        if !state.isr.contains(leader) {
            breaks.append((.leaderNotInIsr, "leader \(leader) is not in Isr \(csv(state.isr))"))
        }
        for member in state.isr where isRunning(member) {
            guard let log = state.logs[member] else { continue }
            if log.logEndOffset < hw {
                breaks.append(
                    (
                        .highWatermarkAboveIsrLogEnd,
                        "leader HW \(hw) is above the LEO \(log.logEndOffset) of ISR member \(member)"
                    ))
            } else if hw > 0, log.epoch(at: hw - 1) != leaderLog.epoch(at: hw - 1) {
                // Equal epochs at the same offset imply equal prefixes (leader-epoch log matching).
                breaks.append((.strongIsr, "ISR member \(member) differs from the leader below HW \(hw)"))
            }
        }
        if let last = state.lastLeaderHighWatermark, last.epoch == state.leaderEpoch, hw < last.value {
            breaks.append((.highWatermarkDecreased, "leader HW went from \(last.value) to \(hw)"))
        }
        let brokers = state.replicas.sorted().filter(isRunning)
        for (index, first) in brokers.enumerated() {
            for second in brokers.dropFirst(index + 1) {
                guard let a = state.logs[first], let b = state.logs[second] else { continue }
                let limit = min(a.highWatermark, b.highWatermark, a.logEndOffset, b.logEndOffset)
                if limit > 0, a.epoch(at: limit - 1) != b.epoch(at: limit - 1) {
                    let afterUnclean = state.uncleanElectionEpoch != nil && limit > state.uncleanElectionStartOffset
                    breaks.append(
                        (
                            afterUnclean ? .dataLoss : .logMatching,
                            "brokers \(first) and \(second) disagree below offset \(limit)"
                                + (afterUnclean ? " (unclean election)" : "")
                        ))
                }
            }
        }
        return (breaks, LeaderHighWatermark(epoch: state.leaderEpoch, value: hw))
    }

    /// Adds a finding once (a lasting break is reported when first seen).
    mutating func report(_ kind: Finding.Kind, _ id: TopicPartition, _ message: String) {
        Self.report(kind, id, message, engine: &engine)
    }

    private static func report(
        _ kind: Finding.Kind, _ id: TopicPartition, _ message: String, engine: inout EngineState
    ) {
        let key = findingKey(kind, id, message)
        guard !engine.reportedFindings.contains(key) else { return }
        engine.reportedFindings.insert(key)
        engine.findings.append(Finding(time: engine.now, kind: kind, partition: id, message: message))
        engine.note("finding: \(kind.rawValue) \(id): \(message)")
    }

    /// What identifies a finding among those already reported.
    static func findingKey(_ kind: Finding.Kind, _ id: TopicPartition, _ message: String) -> String {
        "\(kind.rawValue)|\(id)|\(message)"
    }

    /// `3..5,8` for `[3, 4, 5, 8]`.
    public static func ranges(_ offsets: [Int64]) -> String {
        var parts: [String] = []
        var index = 0
        while index < offsets.count {
            var end = index
            while end + 1 < offsets.count, offsets[end + 1] == offsets[end] + 1 { end += 1 }
            parts.append(end == index ? "\(offsets[index])" : "\(offsets[index])..\(offsets[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
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
