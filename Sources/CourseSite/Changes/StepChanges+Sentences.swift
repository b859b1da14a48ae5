import Replication

extension StepChanges {
    /// The changes in words, in the order they are told: brokers, topics, leaders, lost data, the ISR, logs, high
    /// watermarks, clients, time. Changes of one kind across partitions or brokers share a sentence
    /// ("B3 left the ISR of P0, P6.").
    var sentences: [String] {
        var cluster: [String] = []
        var leaders: [String] = []
        var lost: [String] = []
        var leftIsr: [BrokerID: [String]] = [:]
        var joinedIsr: [BrokerID: [String]] = [:]
        var truncations: [String] = []
        var logEnds = Moves()
        var highWatermarks: [(id: TopicPartition, from: Int64, to: Int64)] = []
        var followerHighWatermarks = Moves()
        for change in changes {
            switch change {
            case .brokersAdded(let brokers):
                cluster.append("Brokers added: \(brokers.map(\.label).joined(separator: ", ")).")
            case .brokerState(let id, let from, let to):
                cluster.append("B\(id) is now \(to.rawValue) (was \(from.rawValue)).")
            case .fenced(let id, let isFenced):
                cluster.append(isFenced ? "The controller fenced B\(id)." : "The controller unfenced B\(id).")
            case .topicCreated(let name, let partitions, let factor):
                cluster.append(
                    "Created topic \(name): \(partitions) partition\(partitions == 1 ? "" : "s"), replication factor \(factor)."
                )
            case .partitionsAdded(let topic, let first, let last):
                let range =
                    first == last
                    ? labels(TopicPartition(topic, first))
                    : labels(TopicPartition(topic, first)) + "–" + labels(TopicPartition(topic, last))
                cluster.append("Added partition\(first == last ? "" : "s") \(range) to \(topic).")
            case .topicConfig(let topic, let key, let from, let to):
                cluster.append("\(topic): \(key) \(from ?? "(default)") → \(to ?? "(default)").")
            case .leader(let id, let from, let to, let epoch, let election):
                leaders.append(leaderPhrase(id, from: from, to: to, epoch: epoch, election: election))
            case .recordsLost(let id, let offsets):
                lost.append(
                    "Data loss on \(labels(id)): acknowledged records at offset\(offsets.count == 1 ? "" : "s") "
                        + "\(OffsetRanges.text(offsets)) are lost.")
            case .leftIsr(let id, let broker): leftIsr[broker, default: []].append(labels(id))
            case .joinedIsr(let id, let broker): joinedIsr[broker, default: []].append(labels(id))
            case .truncated(let id, let broker, let removed):
                truncations.append(
                    "B\(broker) truncated \(labels(id)): the records at offset\(removed.count == 1 ? "" : "s") "
                        + "\(OffsetRanges.text(Array(removed))) are gone from its log.")
            case .logEndOffset(let id, let broker, let from, let to):
                logEnds.add(id, broker: broker, from: from, to: to)
            case .highWatermark(let id, let from, let to):
                highWatermarks.append((id, from, to))
            case .followerHighWatermark(let id, let broker, let from, let to):
                followerHighWatermarks.add(id, broker: broker, from: from, to: to)
            case .responseLost, .retry, .duplicate, .duplicateRecognised, .rebalance, .assignment, .invariantBroken,
                .time:
                break
            }
        }
        var sentences = cluster
        if !leaders.isEmpty { sentences.append(leaders.joined(separator: " ")) }
        sentences += lost
        for broker in leftIsr.keys.sorted() {
            sentences.append("B\(broker) left the ISR of \(leftIsr[broker]!.joined(separator: ", ")).")
        }
        for broker in joinedIsr.keys.sorted() {
            sentences.append("B\(broker) joined the ISR of \(joinedIsr[broker]!.joined(separator: ", ")).")
        }
        sentences += truncations
        // The sentences told at most steps are written as bytes and decoded once: a `String` interpolation costs
        // hundreds of instructions a piece.
        for (index, id) in logEnds.partitions.enumerated() {
            sentences.append(
                TextBytes.sentence("Log end offset (LEO) of ", labels(id), ": ", moves: logEnds.moves[index]))
        }
        if !highWatermarks.isEmpty {
            var text = TextBytes()
            text.append("High watermark: ")
            for (index, move) in highWatermarks.enumerated() {
                if index > 0 { text.append("; ") }
                text.append(labels(move.id))
                text.append(" ")
                text.append(move.from, to: move.to)
            }
            sentences.append(text.sentence())
        }
        for (index, id) in followerHighWatermarks.partitions.enumerated() {
            sentences.append(
                TextBytes.sentence(
                    "Followers of ", labels(id), " learnt the high watermark: ",
                    moves: followerHighWatermarks.moves[index]))
        }
        sentences += changes.compactMap(clientSentence)
        for case .time(let from, let to) in changes {
            sentences.append("Simulated time: \(SimulatedTime.text(from)) → \(SimulatedTime.text(to)).")
        }
        return sentences
    }

    private func leaderPhrase(
        _ id: TopicPartition, from: BrokerID?, to: BrokerID?, epoch: Int, election: StepChange.Election
    ) -> String {
        let name = labels(id)
        let how: String
        switch election {
        case .clean: how = ""
        case .unclean: how = ", elected uncleanly: it was not in the ISR"
        case .preferred: how = ", back to its preferred replica (leader rebalance)"
        }
        switch (from, to) {
        case (_, nil): return "\(name) is offline: no leader (epoch \(epoch))."
        case (nil, let to?): return "\(name) has a leader again: B\(to) (epoch \(epoch))\(how)."
        case (let from?, let to?) where from == to: return "\(name): B\(to) leads again, epoch \(epoch)\(how)."
        case (let from?, let to?): return "\(name): leader B\(from) → B\(to) (epoch \(epoch))\(how)."
        }
    }

    private func clientSentence(_ change: StepChange) -> String? {
        switch change {
        case .responseLost(let request, let id, let broker, let offsets):
            guard let offsets else {
                return "B\(broker) answered request \(request) to \(labels(id)) with an error (it wrote nothing), "
                    + "but its response was lost: the producer will time out."
            }
            let written =
                offsets.count == 1 ? "offset \(offsets.lowerBound)" : "offsets \(OffsetRanges.text(Array(offsets)))"
            return "B\(broker) wrote request \(request) to \(labels(id)) (\(written)), but its response was lost: "
                + "the producer will time out."
        case .retry(let producer, let batch, let id, let values, let attempt):
            return
                "Producer \(producer) sent batch \(batch) (\(values.joined(separator: ","))) to \(labels(id)) again: "
                + "attempt \(attempt)."
        case .duplicate(let producer, let batch, let id, let offsets):
            return "Duplicate: batch \(batch) of producer \(producer) is in \(labels(id)) "
                + "\(offsets.count == 2 ? "twice" : "\(offsets.count) times"), at offsets "
                + "\(offsets.map(String.init).joined(separator: " and "))."
        case .duplicateRecognised(let producer, let batch, let id, let broker, let offset):
            return "B\(broker) recognised batch \(batch) of producer \(producer) as a duplicate (already at offset "
                + "\(offset) of \(labels(id))): nothing appended."
        case .rebalance(let group, let generation, let assignor):
            return "Group \(group) rebalanced: generation \(generation)\(assignor.map { " (\($0))" } ?? "")."
        case .assignment(let group, let member, let from, let to):
            func text(_ partitions: [TopicPartition]) -> String {
                partitions.isEmpty ? "nothing" : partitions.map { labels($0) }.joined(separator: ", ")
            }
            switch (from, to) {
            case (nil, let to?): return "\(member) joined group \(group), assigned \(text(to))."
            case (_?, nil): return "\(member) is no longer in group \(group)."
            case (let from?, let to?): return "\(member)'s assignment in \(group): \(text(from)) → \(text(to))."
            case (nil, nil): return nil
            }
        case .invariantBroken(let finding):
            return "The engine found a broken invariant, \(finding.kind.rawValue), on \(labels(finding.partition)): "
                + "\(finding.message)."
        default:
            return nil
        }
    }

}

/// Replicas' moves of one kind (`B1 0 → 3`), grouped by partition, partitions in the order they first appear (a
/// step touches a few: they are searched, not hashed).
private struct Moves {
    var partitions: [TopicPartition] = []
    var moves: [[(broker: BrokerID, from: Int64, to: Int64)]] = []

    mutating func add(_ id: TopicPartition, broker: BrokerID, from: Int64, to: Int64) {
        if let index = partitions.firstIndex(of: id) {
            moves[index].append((broker, from, to))
        } else {
            partitions.append(id)
            moves.append([(broker, from, to)])
        }
    }
}
