extension Cluster {
    /// Remembers newly committed records and detects acknowledged or committed records that are gone.
    ///
    /// A record is committed once it is below a leader's HW. It is lost when the current leader's log no longer holds
    /// it (same offset and leader epoch). Lost acks=all or committed records are an invariant break after clean
    /// elections and data loss after an unclean one; a lost acks=1 record is Kafka's documented behaviour (S6).
    mutating func trackCommittedAndLostRecords() {
        for id in allPartitionIDs {
            guard var state = partition(id), let leader = state.leader, let log = state.logs[leader],
                engine.runtimes[leader]?.isAlive == true
            else { continue }
            // The leader's log only loses records through a leader change or a truncation; skip the scan otherwise.
            let checkKey = "\(leader)/\(state.leaderEpoch)/\(log.logEndOffset)/\(log.epochCache.entries.count)"
            guard state.lossCheckKey != checkKey || state.committedUpTo < log.highWatermark else { continue }
            // Drop the cluster's references so the copies below are mutated in place, not copied.
            topics[id.topic]!.partitions[id.partition].committed = [:]
            topics[id.topic]!.partitions[id.partition].acknowledged = [:]
            var lost: [Int] = []
            var lostCommitted: [Int] = []
            if state.lossCheckKey != checkKey {
                for (offset, epoch) in state.committed where log.record(at: offset)?.leaderEpoch != epoch {
                    lost.append(offset)
                    lostCommitted.append(offset)
                }
                for (offset, record) in state.acknowledged
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
            topics[id.topic]!.partitions[id.partition] = state
            if !lost.isEmpty {
                note("\(id): records lost at offsets \(Self.ranges(lost.sorted()))")
            }
            if !lostCommitted.isEmpty {
                let kind: Finding.Kind = state.hadUncleanElection ? .dataLoss : .committedRecordLost
                report(kind, id, "committed records lost at offsets \(Self.ranges(lostCommitted.sorted()))")
            }
        }
    }

    /// Checks the replication invariants on every partition that has a leader.
    mutating func checkInvariants() {
        for id in allPartitionIDs {
            guard var state = partition(id), let leader = state.leader, let leaderLog = state.logs[leader] else {
                continue
            }
            let hw = leaderLog.highWatermark
            if !state.isr.contains(leader) {
                report(.leaderNotInIsr, id, "leader \(leader) is not in Isr \(Self.csv(state.isr))")
            }
            for member in state.isr {
                guard let log = state.logs[member] else { continue }
                if log.logEndOffset < hw {
                    report(
                        .highWatermarkAboveIsrLogEnd, id,
                        "leader HW \(hw) is above the LEO \(log.logEndOffset) of ISR member \(member)")
                } else if hw > 0, log.record(at: hw - 1)?.leaderEpoch != leaderLog.record(at: hw - 1)?.leaderEpoch {
                    // Equal epochs at the same offset imply equal prefixes (leader-epoch log matching).
                    report(.strongIsr, id, "ISR member \(member) differs from the leader below HW \(hw)")
                }
            }
            if let last = state.lastLeaderHighWatermark, last.epoch == state.leaderEpoch, hw < last.value {
                report(.highWatermarkDecreased, id, "leader HW went from \(last.value) to \(hw)")
            }
            state.lastLeaderHighWatermark = (state.leaderEpoch, hw)
            topics[id.topic]!.partitions[id.partition].lastLeaderHighWatermark = state.lastLeaderHighWatermark
            let brokers = state.replicas.sorted()
            for (index, first) in brokers.enumerated() {
                for second in brokers.dropFirst(index + 1) {
                    guard let a = state.logs[first], let b = state.logs[second] else { continue }
                    let limit = min(a.highWatermark, b.highWatermark, a.logEndOffset, b.logEndOffset)
                    if limit > 0, a.record(at: limit - 1)?.leaderEpoch != b.record(at: limit - 1)?.leaderEpoch {
                        report(.logMatching, id, "brokers \(first) and \(second) disagree below offset \(limit)")
                    }
                }
            }
        }
    }

    /// Adds a finding once (a lasting break is reported when first seen).
    mutating func report(_ kind: Finding.Kind, _ id: TopicPartition, _ message: String) {
        let key = "\(kind.rawValue)|\(id)|\(message)"
        guard !engine.reportedFindings.contains(key) else { return }
        engine.reportedFindings.insert(key)
        engine.findings.append(Finding(timeMs: engine.now, kind: kind, partition: id, message: message))
        note("finding: \(kind.rawValue) \(id): \(message)")
    }

    /// `3..5,8` for `[3, 4, 5, 8]`.
    public static func ranges(_ offsets: [Int]) -> String {
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
