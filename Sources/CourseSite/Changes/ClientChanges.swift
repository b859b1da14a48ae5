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
        let (old, new) = (before.requests, after.requests)
        let sent = (old.count + 1..<max(old.count + 1, new.count + 1)).map { ProduceRequestID($0) }
        var changes: [StepChange] = []
        for id in Set(before.pendingRequestIDs + sent).sorted() {
            guard let request = new[id] else { continue }
            let earlier = old[id]
            if request.isResponseDropped, earlier?.isResponseDropped != true, let leader = request.leader {
                changes.append(
                    .responseLost(
                        request: id, request.partition, broker: leader,
                        offsets: request.baseOffset.map { $0..<($0 + Int64(request.count)) }))
            }
            if request.isDuplicate, earlier?.isDuplicate != true, let batch = request.batchID,
                let producer = after.batches[batch].map({ producerName($0, in: after) }),
                let leader = request.leader, let baseOffset = request.baseOffset
            {
                changes.append(
                    .duplicateRecognised(
                        producer: producer, batch: batch, request.partition, broker: leader, offset: baseOffset))
            }
        }
        return changes
    }

    /// The name the scenario gave a batch's producer.
    private static func producerName(_ batch: ProducerBatch, in cluster: Cluster) -> String {
        cluster.producers.indices.contains(batch.producer.rawValue)
            ? cluster.producers[batch.producer.rawValue].name : batch.producer.description
    }

    /// Batches sent again in the step, and batches that are now in the log twice.
    private static func batchChanges(_ before: Cluster, _ after: Cluster) -> [StepChange] {
        guard after.batches.count > 0 else { return [] }
        var changes: [StepChange] = []
        var appended: [ProducerBatchID: [Int64]] = [:]
        var appendedBefore: [ProducerBatchID: Int] = [:]
        for request in after.requests.values where !request.isDuplicate {
            guard let batch = request.batchID, let baseOffset = request.baseOffset else { continue }
            appended[batch, default: []].append(baseOffset)
            if before.requests[request.id]?.baseOffset != nil { appendedBefore[batch, default: 0] += 1 }
        }
        for batch in after.batches.values {
            let id = batch.id
            let earlier = before.batches[id]
            let producer = producerName(batch, in: after)
            if batch.attempts > 1, batch.attempts > (earlier?.attempts ?? 0) {
                changes.append(
                    .retry(
                        producer: producer, batch: id, batch.partition, values: batch.values, attempt: batch.attempts))
            }
            if let offsets = appended[id], offsets.count > 1, offsets.count > appendedBefore[id, default: 0] {
                changes.append(.duplicate(producer: producer, batch: id, batch.partition, offsets: offsets))
            }
        }
        return changes
    }

    /// New generations, and every member whose assignment changed (by client id, the name the scenario gave).
    private static func groupChanges(_ before: Cluster, _ after: Cluster) -> [StepChange] {
        var changes: [StepChange] = []
        for (name, group) in after.groups.sorted(by: { $0.key < $1.key }) {
            let earlier = before.groups[name]
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
