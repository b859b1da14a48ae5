/// The oracle: after every event it reads the cluster, checks the replication invariants and accounts for lost
/// records, keeping its own history; the engine never reads that history back.
///
/// TigerBeetle's `StateChecker` (src/testing/cluster/state_checker.zig) keeps the model and the oracle apart the same
/// way: the cluster runs, the checker looks at it after each step and remembers what it saw. Only the partitions an
/// event wrote are checked again, and all of them when a broker started or stopped running (the checks skip stopped
/// brokers): checking an unchanged partition again finds nothing new, because a lasting break is reported once and
/// the remembered HW and loss scan are those of the same state.
struct InvariantChecker: Hashable, Sendable {
    /// Invariant breaks and data loss, in the order they were found.
    private(set) var findings: [Finding] = []
    /// Keys of findings already reported (a lasting break is reported once).
    private var reportedFindings: Set<String> = []
    /// Each partition's history, by topic, by partition number.
    private var histories: [String: [PartitionHistory]] = [:]
    /// Where the topic whose history was changed last is in `histories`.
    private var historyMemo = TopicPositionMemo<[PartitionHistory]>()
    /// The brokers that were not running at the last check, ascending.
    private var stoppedBrokers: [BrokerID] = []
    /// Every broker's id, ascending (what `isStoppedBrokersUnchanged` reads after every event).
    private var brokerIDs = BrokerIDList()

    /// Creates a checker that has seen nothing.
    init() {}

    /// The history of one partition (empty when the checker has seen nothing of it).
    func history(of id: TopicPartition) -> PartitionHistory {
        guard let position = historyPosition(of: id.topic), id.partition < histories.values[position].count else {
            return PartitionHistory()
        }
        return histories.values[position][id.partition]
    }

    /// The offsets of `id`'s lost records, read in place (a copy of the history would retain every part of it).
    func lostOffsets(of id: TopicPartition) -> [Int64] {
        guard let position = historyPosition(of: id.topic), id.partition < histories.values[position].count else {
            return []
        }
        return histories.values[position][id.partition].lostOffsets
    }

    /// The leader HW the last check of `id` saw, read in place (a history holds every committed record).
    private func lastLeaderHighWatermark(of id: TopicPartition) -> LeaderHighWatermark? {
        guard let position = historyPosition(of: id.topic), id.partition < histories.values[position].count else {
            return nil
        }
        return histories.values[position][id.partition].lastLeaderHighWatermark
    }

    /// Records that a producer was told these records are written (the client's view of the partition): `count`
    /// records from `base`, all of leader epoch `epoch` (a request is told in runs of one epoch each).
    mutating func acknowledge(_ id: TopicPartition, from base: Int64, count: Int, epoch: Int, acks: Acks) {
        modifyHistory(id) { history in
            for index in 0..<count {
                history.acknowledged[base + Int64(index)] = AcknowledgedRecord(leaderEpoch: epoch, acks: acks)
            }
        }
    }

    /// Records that an isolated former leader acknowledged a record (it is not in the controller's leader's log).
    mutating func acknowledgeOnFormerLeader(_ id: TopicPartition, _ record: FormerLeaderAcknowledgement) {
        modifyHistory(id) { $0.formerLeaderAcknowledgements.append(record) }
    }

    /// After `broker`'s log of `id` was truncated to `log`: the offsets of the records it acknowledged as a former
    /// leader that are gone, now counted lost.
    mutating func formerLeaderRecordsLost(_ id: TopicPartition, broker: BrokerID, log: ReplicaLog?) -> [Int64] {
        guard history(of: id).formerLeaderAcknowledgements.contains(where: { $0.broker == broker }) else { return [] }
        return modifyHistory(id) { history in
            var lost: [Int64] = []
            history.formerLeaderAcknowledgements.removeAll { record in
                guard record.broker == broker, log?.epoch(at: record.offset) != record.leaderEpoch
                else { return false }
                lost.append(record.offset)
                return true
            }
            if !lost.isEmpty { history.lostOffsets = Array(Set(history.lostOffsets + lost)).sorted() }
            return lost
        }
    }

    /// Checks the partitions the last event touched (every partition when a broker started or stopped running) and
    /// returns the lines for the event log, in order: loss tracking of each partition, then its invariants.
    ///
    /// `topics` are the cluster's topics, moved out of it for the check (see `Cluster.checkAfterEvent`), with the
    /// cluster's memo of a topic's position and the parts of its engine state the check reads;
    /// `isStoppedBrokersUnchanged` is what `isStoppedBrokersUnchanged(runtimes)` answered before the check. Each
    /// partition is read once, in place, for both parts; the invariant breaks are reported after every partition's
    /// loss tracking, so findings and lines keep that order.
    mutating func check(
        _ topics: inout [String: Topic], memo: inout TopicPositionMemo<Topic>, runtimes: BrokerRuntimes,
        touched: TouchedPartitions, partitionIDs: [TopicPartition], now: SimulatedInstant,
        isStoppedBrokersUnchanged: Bool
    ) -> [String] {
        var notes: [String] = []
        var invariantBreaks: [(Finding.Kind, TopicPartition, String)] = []
        // No closure or nested function: capturing the lists made every check begin and end dynamic accesses.
        if !isStoppedBrokersUnchanged || touched.isEverything {
            stoppedBrokers = Self.stoppedBrokers(runtimes)
            for id in partitionIDs {
                check(
                    id, in: &topics, memo: &memo, runtimes: runtimes, now: now, notes: &notes, breaks: &invariantBreaks)
            }
        } else if touched.ids.count == 1 {
            check(
                touched.ids[0], in: &topics, memo: &memo, runtimes: runtimes, now: now, notes: &notes,
                breaks: &invariantBreaks)
        } else {
            var ids = touched.ids
            ids.sort()
            for (index, id) in ids.enumerated() where index == 0 || ids[index - 1] != id {
                check(
                    id, in: &topics, memo: &memo, runtimes: runtimes, now: now, notes: &notes, breaks: &invariantBreaks)
            }
        }
        for (kind, id, message) in invariantBreaks { report(kind, id, message, time: now, notes: &notes) }
        return notes
    }

    /// Checks the partition `id` of `topics`, read where it is stored (through the write accessor: a dictionary's
    /// non-mutating read copies the value out); nothing when there is no such partition. The topic's position comes
    /// from `memo` and is remembered there, as `Cluster.readPartition` does.
    private mutating func check(
        _ id: TopicPartition, in topics: inout [String: Topic], memo: inout TopicPositionMemo<Topic>,
        runtimes: BrokerRuntimes, now: SimulatedInstant, notes: inout [String],
        breaks: inout [(Finding.Kind, TopicPartition, String)]
    ) {
        let position: Dictionary<String, Topic>.Index
        if let remembered = memo.position(of: id.topic) {
            position = remembered
        } else {
            guard let found = topics.index(forKey: id.topic) else { return }
            memo.remember(id.topic, at: found)
            position = found
        }
        check(
            &topics.values[position].partitions, at: id.partition, runtimes: runtimes, now: now, notes: &notes,
            breaks: &breaks)
    }

    /// Checks the partition at `index` of `partitions`, if there is one.
    private mutating func check(
        _ partitions: inout [PartitionState], at index: Int, runtimes: BrokerRuntimes, now: SimulatedInstant,
        notes: inout [String], breaks: inout [(Finding.Kind, TopicPartition, String)]
    ) {
        guard index >= 0, index < partitions.count else { return }
        check(&partitions[index], runtimes: runtimes, now: now, notes: &notes, invariantBreaks: &breaks)
    }

    /// Tracks the committed and lost records of partition `state` and checks its invariants; its history is looked up
    /// once for both. The breaks are added to `invariantBreaks` for `check` to report.
    private mutating func check(
        _ state: inout PartitionState, runtimes: BrokerRuntimes, now: SimulatedInstant, notes: inout [String],
        invariantBreaks: inout [(Finding.Kind, TopicPartition, String)]
    ) {
        let id = state.id
        // Loss tracking needs a running leader; its history is created then (and by the invariants' HW otherwise).
        let runningLeader = state.leader.flatMap { isRunning($0, runtimes) ? $0 : nil }
        var position = historySlot(of: id, creating: runningLeader != nil)
        if let leader = runningLeader, let position {
            trackCommittedAndLostRecords(of: state, leader: leader, history: position, now: now, notes: &notes)
        }
        let last = position.flatMap { histories.values[$0][id.partition].lastLeaderHighWatermark }
        guard let check = Self.invariantCheck(of: state, last: last, stopped: stoppedBrokers) else { return }
        for (kind, message) in check.breaks { invariantBreaks.append((kind, id, message)) }
        if last != check.highWatermark {
            if position == nil { position = historySlot(of: id, creating: true) }
            if let position { histories.values[position][id.partition].lastLeaderHighWatermark = check.highWatermark }
        }
    }

    /// Whether the brokers not running are those of the last check: each broker's state read in its slot, in
    /// ascending id order, against `stoppedBrokers` (no list built, no runtime copied).
    func isStoppedBrokersUnchanged(_ runtimes: BrokerRuntimes) -> Bool {
        var next = 0
        for id in brokerIDs.ids {
            guard let state = runtimes.state(of: id), !state.isAlive else { continue }
            guard next < stoppedBrokers.count, stoppedBrokers[next] == id else { return false }
            next += 1
        }
        return next == stoppedBrokers.count
    }

    /// Brings the list of broker ids up to date with `brokers` (brokers are only ever added, so an equal count means
    /// the same brokers).
    mutating func updateBrokerIDs(_ brokers: [BrokerID: Broker]) {
        if brokerIDs.ids.count != brokers.count { brokerIDs.ids = brokers.keys.sorted() }
    }

    /// The brokers whose process does not run, ascending (usually none).
    private static func stoppedBrokers(_ runtimes: BrokerRuntimes) -> [BrokerID] {
        runtimes.brokers { !$0.isAlive }
    }

    /// Whether `broker` has a runtime and runs; `stoppedBrokers` is current (`check` brings it up to date first), so
    /// this is `runtimes[broker]?.isAlive == true` without copying the runtime.
    private func isRunning(_ broker: BrokerID, _ runtimes: BrokerRuntimes) -> Bool {
        runtimes.state(of: broker) != nil && !stoppedBrokers.contains(broker)
    }

    /// Where the history of `id` is (the topic's position in `histories` and the partition), creating it (and the
    /// histories of the topic's lower partitions) when `creating` is set; nil when there is none.
    private mutating func historySlot(
        of id: TopicPartition, creating: Bool
    ) -> Dictionary<String, [PartitionHistory]>.Index? {
        if let position = historyPosition(of: id.topic) {
            historyMemo.remember(id.topic, at: position)
            if id.partition < histories.values[position].count { return position }
            guard creating else { return nil }
            while histories.values[position].count <= id.partition {
                histories.values[position].append(PartitionHistory())
            }
            return position
        }
        guard creating else { return nil }
        modifyHistory(id) { _ in }
        return historyPosition(of: id.topic)
    }

    /// Remembers newly committed records and detects acknowledged or committed records that are gone.
    ///
    /// A record is committed once it is below a leader's HW. It is lost when the current leader's log no longer holds
    /// it (same offset and leader epoch). Lost acks=all or committed records are an invariant break after clean
    /// elections and data loss after an unclean one; a lost acks=1 record is Kafka's documented behaviour (S6).
    private mutating func trackCommittedAndLostRecords(
        of state: PartitionState, leader: BrokerID, history position: Dictionary<String, [PartitionHistory]>.Index,
        now: SimulatedInstant, notes: inout [String]
    ) {
        guard let logPosition = state.logs.position(of: leader),
            let (lost, lostCommitted) = Self.trackCommittedAndLostRecords(
                in: &histories.values[position][state.id.partition], state: state, leader: leader,
                logs: state.logs.values, at: logPosition)
        else { return }
        let id = state.id
        if !lost.isEmpty {
            notes.append("\(id): records lost at offsets \(Cluster.ranges(lost.sorted()))")
        }
        if !lostCommitted.isEmpty {
            let kind: Finding.Kind = state.hadUncleanElection ? .dataLoss : .committedRecordLost
            report(
                kind, id, "committed records lost at offsets \(Cluster.ranges(lostCommitted.sorted()))",
                time: now, notes: &notes)
        }
    }

    /// `trackCommittedAndLostRecords` with the leader's log `logs[index]` (read where it is stored: a copy of a log
    /// retains and releases its parts).
    private static func trackCommittedAndLostRecords(
        in history: inout PartitionHistory, state: PartitionState, leader: BrokerID, logs: [ReplicaLog], at index: Int
    ) -> (lost: [Int64], lostCommitted: [Int64])? {
        // The leader's log only loses records through a leader change or a truncation; skip the scan otherwise.
        let checkKey = LossCheckKey(state, leader: leader, log: logs[index])
        guard history.lossCheckKey != checkKey || history.committedUpTo < logs[index].highWatermark else { return nil }
        var lost: [Int64] = []
        var lostCommitted: [Int64] = []
        if history.lossCheckKey != checkKey, !(history.lossCheckKey.map { checkKey.onlyGrew(since: $0) } ?? false) {
            // Both tables are read by ascending offset, so the log's epochs are read in one pass each.
            var committedEpochs = logs[index].epochReader
            history.committed.forEach { offset, epoch in
                guard committedEpochs.epoch(at: offset) != epoch else { return }
                lost.append(offset)
                lostCommitted.append(offset)
            }
            var acknowledgedEpochs = logs[index].epochReader
            history.acknowledged.forEach { offset, record in
                guard acknowledgedEpochs.epoch(at: offset) != record.leaderEpoch else { return }
                if !lost.contains(offset) { lost.append(offset) }
                if record.acks == .all, !lostCommitted.contains(offset) { lostCommitted.append(offset) }
            }
        }
        history.lossCheckKey = checkKey
        for offset in lost {
            history.committed[offset] = nil
            history.acknowledged[offset] = nil
            history.committedUpTo = min(history.committedUpTo, offset)
        }
        if !lost.isEmpty {
            history.lostOffsets = Array(Set(history.lostOffsets + lost)).sorted()
        }
        if history.committedUpTo < logs[index].highWatermark {
            // The epochs a slice at a time (one lookup, not one per record); none above the LEO.
            logs[index].forEachSlice(from: history.committedUpTo, to: logs[index].highWatermark) { slice in
                for offset in slice.baseOffset..<slice.endOffset { history.committed[offset] = slice.leaderEpoch }
            }
            for offset in max(
                history.committedUpTo, logs[index].logEndOffset)..<max(
                    logs[index].highWatermark, logs[index].logEndOffset)
            {
                history.committed[offset] = nil
            }
            history.committedUpTo = logs[index].highWatermark
        }
        return (lost, lostCommitted)
    }

    /// Whether checking every partition of `cluster` now would leave the findings and the histories as they are
    /// (what skipping idle time needs).
    func isSettled(_ cluster: Cluster) -> Bool {
        let runtimes = cluster.engine.runtimes
        let stopped = Self.stoppedBrokers(runtimes)
        for id in cluster.engine.partitionIDs {
            let settled = cluster.withPartition(id) { isSettled($0, runtimes: runtimes, stopped: stopped) }
            guard settled == true else { return false }
        }
        return true
    }

    /// Whether checking `state` now would leave the findings and its history as they are; `stopped` is
    /// `stoppedBrokers(runtimes)`. The history is read in place, not copied: only three of its fields matter here.
    private func isSettled(_ state: PartitionState, runtimes: BrokerRuntimes, stopped: [BrokerID]) -> Bool {
        let id = state.id
        // Where the partition's history is; nil when the checker has seen nothing of it (an empty history).
        let position = historyPosition(of: id.topic).flatMap { id.partition < histories.values[$0].count ? $0 : nil }
        if let leader = state.leader, runtimes[leader]?.isAlive == true, let log = state.logs[leader] {
            guard let position,
                histories.values[position][id.partition].lossCheckKey == LossCheckKey(state, leader: leader, log: log),
                histories.values[position][id.partition].committedUpTo >= log.highWatermark
            else { return false }
        }
        let last = position.flatMap { histories.values[$0][id.partition].lastLeaderHighWatermark }
        guard let check = Self.invariantCheck(of: state, last: last, stopped: stopped) else { return true }
        return last == check.highWatermark
            && check.breaks.allSatisfy { reportedFindings.contains(Self.findingKey($0.0, id, $0.1)) }
    }

    /// What checking one partition finds, without changing anything: the breaks in the order they are reported and
    /// the leader's HW to remember; nil when the partition has no running leader (nothing is checked).
    ///
    /// Runs after every event that wrote a partition, so it reads the logs where they are stored (a copy of a log
    /// retains and releases its parts) and allocates nothing unless it finds a break: a partition has a handful of
    /// replicas, so a log is found by a scan of the partition's few logs rather than by hashing a broker id.
    private static func invariantCheck(
        of state: PartitionState, last: LeaderHighWatermark?, stopped: [BrokerID]
    ) -> (breaks: [(Finding.Kind, String)], highWatermark: LeaderHighWatermark)? {
        /// The position in `logs` of a running broker's log, nil when it is stopped or has none.
        func runningLog(_ broker: BrokerID) -> Int? {
            stopped.contains(broker) ? nil : state.logs.position(of: broker)
        }
        guard let leader = state.leader, let leaderIndex = runningLog(leader) else { return nil }
        let logs = state.logs.values
        /// The epoch of the record at `offset` in the log at `index` (the ISR and pair checks read a log's HW − 1 or
        /// LEO − 1, which its last run of one epoch answers without a search).
        func epoch(_ index: Int, at offset: Int64) -> Int? { logs[index].epoch(at: offset) }
        var breaks: [(Finding.Kind, String)] = []
        let hw = logs[leaderIndex].highWatermark
        if !state.isr.contains(leader) {
            breaks.append((.leaderNotInIsr, "leader \(leader) is not in Isr \(Cluster.csv(state.isr))"))
        }
        let leaderEpochBelowHighWatermark = hw > 0 ? epoch(leaderIndex, at: hw - 1) : nil
        for member in state.isr {
            guard let index = runningLog(member) else { continue }
            let logEndOffset = logs[index].logEndOffset
            if logEndOffset < hw {
                breaks.append(
                    (
                        .highWatermarkAboveIsrLogEnd,
                        "leader HW \(hw) is above the LEO \(logEndOffset) of ISR member \(member)"
                    ))
            } else if hw > 0, index != leaderIndex, epoch(index, at: hw - 1) != leaderEpochBelowHighWatermark {
                // Equal epochs at the same offset imply equal prefixes (leader-epoch log matching).
                breaks.append((.strongIsr, "ISR member \(member) differs from the leader below HW \(hw)"))
            }
        }
        if let last, last.epoch == state.leaderEpoch, hw < last.value {
            breaks.append((.highWatermarkDecreased, "leader HW went from \(last.value) to \(hw)"))
        }
        // Each pair of running replicas (a log of a broker that is no replica is none), reported in ascending broker
        // order: the pairs are visited in assignment order and the (rare) breaks sorted afterwards.
        var pairBreaks: [(first: BrokerID, second: BrokerID, kind: Finding.Kind, limit: Int64)] = []
        for (position, one) in state.replicas.enumerated() {
            guard let oneIndex = runningLog(one) else { continue }
            for other in state.replicas[(position + 1)...] {
                guard let otherIndex = runningLog(other) else { continue }
                let limit = min(
                    logs[oneIndex].highWatermark, logs[otherIndex].highWatermark,
                    logs[oneIndex].logEndOffset, logs[otherIndex].logEndOffset)
                if limit > 0, epoch(oneIndex, at: limit - 1) != epoch(otherIndex, at: limit - 1) {
                    let afterUnclean = state.uncleanElectionEpoch != nil && limit > state.uncleanElectionStartOffset
                    pairBreaks.append(
                        (min(one, other), max(one, other), afterUnclean ? .dataLoss : .logMatching, limit))
                }
            }
        }
        // Sorted only when there is something to order: sorting an empty array allocates a buffer.
        if pairBreaks.count > 1 { pairBreaks.sort { ($0.first, $0.second) < ($1.first, $1.second) } }
        for pair in pairBreaks {
            let afterUnclean = pair.kind == .dataLoss
            breaks.append(
                (
                    pair.kind,
                    "brokers \(pair.first) and \(pair.second) disagree below offset \(pair.limit)"
                        + (afterUnclean ? " (unclean election)" : "")
                ))
        }
        return (breaks, LeaderHighWatermark(epoch: state.leaderEpoch, value: hw))
    }

    /// Adds a finding once (a lasting break is reported when first seen).
    private mutating func report(
        _ kind: Finding.Kind, _ id: TopicPartition, _ message: String, time: SimulatedInstant, notes: inout [String]
    ) {
        guard reportedFindings.insert(Self.findingKey(kind, id, message)).inserted else { return }
        findings.append(Finding(time: time, kind: kind, partition: id, message: message))
        notes.append("finding: \(kind.rawValue) \(id): \(message)")
    }

    /// What identifies a finding among those already reported.
    private static func findingKey(_ kind: Finding.Kind, _ id: TopicPartition, _ message: String) -> String {
        "\(kind.rawValue)|\(id)|\(message)"
    }

    /// The position of `topic`'s histories in `histories`, from the memo when it is the topic changed last (histories
    /// are only ever added, and an addition is remembered at once, so a remembered position stays valid).
    private func historyPosition(of topic: String) -> Dictionary<String, [PartitionHistory]>.Index? {
        historyMemo.position(of: topic) ?? histories.index(forKey: topic)
    }

    /// Changes one partition's history in place.
    @discardableResult
    private mutating func modifyHistory<Result>(_ id: TopicPartition, _ body: (inout PartitionHistory) -> Result)
        -> Result
    {
        var position = historyPosition(of: id.topic)
        if position == nil {
            histories[id.topic] = []
            position = histories.index(forKey: id.topic)
        }
        guard let index = position else { preconditionFailure("no history of \(id.topic)") }
        historyMemo.remember(id.topic, at: index)
        while histories.values[index].count <= id.partition { histories.values[index].append(PartitionHistory()) }
        return body(&histories.values[index][id.partition])
    }
}

extension Cluster {
    /// Lets the oracle check what the last event touched, and writes what it found to the event log.
    mutating func checkAfterEvent() {
        engine.oracle.updateBrokerIDs(brokers)
        let isStoppedBrokersUnchanged = engine.oracle.isStoppedBrokersUnchanged(engine.runtimes)
        // The same answer `check` gives for it (no lines), without moving the topics out and back.
        guard !engine.touched.isEmpty || !isStoppedBrokersUnchanged else { return }
        // The topics are moved out and back (not copied: a copy would make the in-place reads copy the topic), so the
        // oracle reads the partitions in place while it changes itself; the routes are held as `readPartition` holds
        // them (the swaps are writes to `topics`).
        engine.fetchRoutes.isHeld = true
        var checked: [String: Topic] = [:]
        swap(&checked, &topics)
        let notes = engine.oracle.check(
            &checked, memo: &topicMemo, runtimes: engine.runtimes, touched: engine.touched,
            partitionIDs: engine.partitionIDs, now: engine.now, isStoppedBrokersUnchanged: isStoppedBrokersUnchanged)
        swap(&checked, &topics)
        engine.fetchRoutes.isHeld = false
        engine.touched.removeAll()
        for line in notes { note(line) }
    }

    /// The offsets of acknowledged or committed records of `id` that are gone, ascending (what the oracle found).
    public func lostOffsets(of id: TopicPartition) -> [Int64] { engine.oracle.lostOffsets(of: id) }

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

/// Every broker's id, ascending: a cache of `Cluster.brokers`' keys (brokers are only ever added, so a list as long as
/// the dictionary holds its keys), not state: two checkers that differ only here are equal.
struct BrokerIDList: Hashable, Sendable {
    /// The ids.
    var ids: [BrokerID] = []

    static func == (lhs: BrokerIDList, rhs: BrokerIDList) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
