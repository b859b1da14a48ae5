import Replication

/// What a step changed for clients: lost produce responses, producer retries and duplicates, consumer group
/// rebalances and assignments. Derived from the snapshots before and after the step, looking only at what can have
/// changed (requests pending before the step or sent during it, batches of named producers, groups).
enum ClientChanges {
    static func changes(from before: Cluster, to after: Cluster) -> [StepChange] {
        requestChanges(before, after) + batchChanges(before, after) + groupChanges(before, after)
    }

    /// Requests sent in the step (ids continue from the earlier count) and those pending before it.
    private static func requestChanges(_ before: Cluster, _ after: Cluster) -> [StepChange] {
        let (old, new) = (before.engine.requests, after.engine.requests)
        let candidates = before.engine.pendingRequestIDs + Array((old.count + 1)..<max(old.count + 1, new.count + 1))
        var changes: [StepChange] = []
        for id in Set(candidates).sorted() {
            guard let request = new[id] else { continue }
            let earlier = old[id]
            if request.isResponseDropped, earlier?.isResponseDropped != true {
                changes.append(
                    .responseLost(
                        request: id, request.partition, broker: request.leader,
                        offsets: request.baseOffset..<(request.baseOffset + request.count)))
            }
            if request.isDuplicate, earlier?.isDuplicate != true, let batch = request.batchID,
                let producer = after.engine.batches[batch]?.producer
            {
                changes.append(
                    .duplicateRecognised(
                        producer: producer, batch: batch, request.partition, broker: request.leader,
                        offset: request.baseOffset))
            }
        }
        return changes
    }

    /// Batches sent again in the step, and batches that are now in the log twice.
    private static func batchChanges(_ before: Cluster, _ after: Cluster) -> [StepChange] {
        guard !after.engine.batches.isEmpty else { return [] }
        var changes: [StepChange] = []
        var appended: [Int: [Int]] = [:]
        var appendedBefore: [Int: Int] = [:]
        for request in after.engine.requests.entries.map(\.value)
        where request.batchID != nil && request.baseOffset >= 0 && !request.isDuplicate {
            appended[request.batchID!, default: []].append(request.baseOffset)
            if before.engine.requests[request.id]?.baseOffset ?? -1 >= 0 {
                appendedBefore[request.batchID!, default: 0] += 1
            }
        }
        for (id, batch) in after.engine.batches.sorted(by: { $0.key < $1.key }) {
            let earlier = before.engine.batches[id]
            if batch.attempts > 1, batch.attempts > (earlier?.attempts ?? 0) {
                changes.append(
                    .retry(
                        producer: batch.producer, batch: id, batch.partition, values: batch.values,
                        attempt: batch.attempts))
            }
            if let offsets = appended[id], offsets.count > 1, offsets.count > appendedBefore[id, default: 0] {
                changes.append(.duplicate(producer: batch.producer, batch: id, batch.partition, offsets: offsets))
            }
        }
        return changes
    }

    /// New generations, and every member whose assignment changed (by client id, the name the scenario gave).
    private static func groupChanges(_ before: Cluster, _ after: Cluster) -> [StepChange] {
        var changes: [StepChange] = []
        for (name, group) in after.engine.groups.sorted(by: { $0.key < $1.key }) {
            let earlier = before.engine.groups[name]
            if group.generation != earlier?.generation ?? 0 {
                changes.append(.rebalance(group: name, generation: group.generation, assignor: group.protocolName))
            }
            let old = Dictionary((earlier?.members ?? []).map { ($0.clientID, $0.assignment.sorted()) }) { a, _ in a }
            let new = Dictionary(group.members.map { ($0.clientID, $0.assignment.sorted()) }) { a, _ in a }
            for member in Set(old.keys).union(new.keys).sorted() where old[member] != new[member] {
                changes.append(.assignment(group: name, member: member, from: old[member], to: new[member]))
            }
        }
        return changes
    }
}
