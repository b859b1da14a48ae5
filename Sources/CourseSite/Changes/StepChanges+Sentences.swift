import Replication

extension StepChanges {
    /// The changes in words, one sentence per kind of change: "B2 left the ISR of P0." "Simulated time: 31s → 45s."
    var sentences: [String] {
        var sentences: [String] = []
        var leftIsr: [BrokerID: [String]] = [:]
        var joinedIsr: [BrokerID: [String]] = [:]
        var logEnds: [(TopicPartition, String)] = []
        var highWatermarks: [String] = []
        var followerHighWatermarks: [(TopicPartition, String)] = []
        var leaders: [String] = []
        for change in changes {
            switch change {
            case .brokersAdded(let brokers):
                sentences.append("Brokers added: \(brokers.map(\.label).joined(separator: ", ")).")
            case .brokerState(let id, let from, let to):
                sentences.append("B\(id) is now \(to.rawValue) (was \(from.rawValue)).")
            case .fenced(let id, let isFenced):
                sentences.append(isFenced ? "The controller fenced B\(id)." : "The controller unfenced B\(id).")
            case .truncated(let id, let broker, let removed):
                sentences.append(
                    "B\(broker) truncated \(labels(id)): the records at offset\(removed.count == 1 ? "" : "s") "
                        + "\(OffsetRanges.text(Array(removed))) are gone from its log.")
            case .recordsLost(let id, let offsets):
                sentences.append(
                    "Data loss on \(labels(id)): acknowledged records at offset\(offsets.count == 1 ? "" : "s") "
                        + "\(OffsetRanges.text(offsets)) are lost.")
            case .topicCreated(let name, let partitions, let factor):
                sentences.append(
                    "Created topic \(name): \(partitions) partition\(partitions == 1 ? "" : "s"), replication factor \(factor)."
                )
            case .partitionsAdded(let topic, let first, let last):
                let range =
                    first == last
                    ? labels(TopicPartition(topic, first))
                    : labels(TopicPartition(topic, first)) + "–" + labels(TopicPartition(topic, last))
                sentences.append("Added partition\(first == last ? "" : "s") \(range) to \(topic).")
            case .leader(let id, let from, let to, let epoch):
                leaders.append(leaderPhrase(id, from: from, to: to, epoch: epoch))
            case .leftIsr(let id, let broker): leftIsr[broker, default: []].append(labels(id))
            case .joinedIsr(let id, let broker): joinedIsr[broker, default: []].append(labels(id))
            case .logEndOffset(let id, let broker, let from, let to):
                logEnds.append((id, "B\(broker) \(from) → \(to)"))
            case .highWatermark(let id, let from, let to):
                highWatermarks.append("\(labels(id)) \(from) → \(to)")
            case .followerHighWatermark(let id, let broker, let from, let to):
                followerHighWatermarks.append((id, "B\(broker) \(from) → \(to)"))
            case .time: break
            }
        }
        if !leaders.isEmpty { sentences.append(leaders.joined(separator: " ")) }
        for broker in leftIsr.keys.sorted() {
            sentences.append("B\(broker) left the ISR of \(leftIsr[broker]!.joined(separator: ", ")).")
        }
        for broker in joinedIsr.keys.sorted() {
            sentences.append("B\(broker) joined the ISR of \(joinedIsr[broker]!.joined(separator: ", ")).")
        }
        for (id, moves) in grouped(logEnds) {
            sentences.append("Log end offset (LEO) of \(labels(id)): \(moves.joined(separator: ", ")).")
        }
        if !highWatermarks.isEmpty {
            sentences.append("High watermark: \(highWatermarks.joined(separator: "; ")).")
        }
        for (id, moves) in grouped(followerHighWatermarks) {
            sentences.append("Followers of \(labels(id)) learnt the high watermark: \(moves.joined(separator: ", ")).")
        }
        for case .time(let from, let to) in changes {
            sentences.append("Simulated time: \(SimulatedTime.text(from)) → \(SimulatedTime.text(to)).")
        }
        return sentences
    }

    private func leaderPhrase(_ id: TopicPartition, from: BrokerID?, to: BrokerID?, epoch: Int) -> String {
        let name = labels(id)
        switch (from, to) {
        case (_, nil): return "\(name) is offline: no leader (epoch \(epoch))."
        case (nil, let to?): return "\(name) has a leader again: B\(to) (epoch \(epoch))."
        case (let from?, let to?) where from == to: return "\(name): B\(to) leads again, epoch \(epoch)."
        case (let from?, let to?): return "\(name): leader B\(from) → B\(to) (epoch \(epoch))."
        }
    }

    /// Pairs grouped by partition, partitions in the order they first appear.
    private func grouped(_ pairs: [(TopicPartition, String)]) -> [(TopicPartition, [String])] {
        var order: [TopicPartition] = []
        var groups: [TopicPartition: [String]] = [:]
        for (id, text) in pairs {
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(text)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
