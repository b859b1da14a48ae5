/// Kafka's general sticky assignment, used when members subscribe to different topics.
///
/// Kafka: `AbstractStickyAssignor.GeneralAssignmentBuilder` (non-rack-aware). Known gap: when a partition is moved
/// for balance, Kafka's `PartitionMovements.getTheActualPartitionToBeMoved` may move a different partition of the same
/// topic to keep earlier moves reversible; this model moves the partition itself. Results can differ from Kafka only
/// when a rebalance needs more than one balancing move between the same pair of members.
struct GeneralStickyBuilder {
    let partitionsPerTopic: [String: Int]
    var topicConsumers: [String: [String]] = [:]
    var consumerTopics: [String: Set<String>] = [:]
    var currentAssignment: [String: [TopicPartition]] = [:]
    var partitionConsumer: [TopicPartition: String] = [:]
    var sortedAllPartitions: [TopicPartition] = []
    /// The consumers of Kafka's `sortedCurrentSubscriptions` (ordered on demand).
    var participating = Set<String>()
    var revocationRequired = false

    /// `sortedCurrentSubscriptions`: by assignment size, then member id (Java order).
    var sortedSubscriptions: [String] {
        participating.sorted {
            let (l, r) = (currentAssignment[$0]!.count, currentAssignment[$1]!.count)
            return l != r ? l < r : JavaOrdering.isLess($0, $1)
        }
    }

    func count(_ consumer: String) -> Int? { currentAssignment[consumer]?.count }

    /// Kafka: `GeneralAssignmentBuilder.getMaxAssignmentSize`.
    func maxAssignmentSize(_ consumer: String) -> Int {
        consumerTopics[consumer]!.reduce(0) { $0 + partitionsPerTopic[$1]! }
    }

    /// Kafka: `GeneralAssignmentBuilder.isBalanced`.
    func isBalanced() -> Bool {
        let sorted = sortedSubscriptions
        guard let first = sorted.first, let last = sorted.last else { return true }
        let minCount = count(first)!
        if minCount >= count(last)! - 1 { return true }
        for consumer in sorted {
            let consumerCount = count(consumer)!
            if consumerCount == maxAssignmentSize(consumer) { continue }
            let mine = Set(currentAssignment[consumer]!)
            for topic in consumerTopics[consumer]! {
                for p in 0..<partitionsPerTopic[topic]! where !mine.contains(TopicPartition(topic, p)) {
                    if let other = partitionConsumer[TopicPartition(topic, p)], let otherCount = count(other),
                        consumerCount + 1 < otherCount
                    {
                        return false
                    }
                }
            }
        }
        return true
    }

    /// Kafka: `GeneralAssignmentBuilder.getBalanceScore`.
    static func balanceScore(_ assignment: [String: [TopicPartition]]) -> Int {
        let sizes = assignment.values.map { $0.count }
        var score = 0
        for i in sizes.indices { for j in sizes.indices where j > i { score += abs(sizes[i] - sizes[j]) } }
        return score
    }

    mutating func move(_ partition: TopicPartition, to newConsumer: String) {
        let old = partitionConsumer[partition]!
        currentAssignment[old]!.removeAll { $0 == partition }
        currentAssignment[newConsumer]!.append(partition)
        partitionConsumer[partition] = newConsumer
    }

    /// Kafka: `GeneralAssignmentBuilder.performReassignments`.
    mutating func performReassignments(
        _ partitions: [TopicPartition], previous: [TopicPartition: (consumer: String, generation: Int)]
    ) -> Bool {
        var performed = false
        var modified: Bool
        repeat {
            modified = false
            for partition in partitions {
                if isBalanced() { break }
                guard let consumer = partitionConsumer[partition], let consumerCount = count(consumer) else { continue }
                if let prev = previous[partition], let prevCount = count(prev.consumer), consumerCount > prevCount + 1 {
                    move(partition, to: prev.consumer)
                    performed = true
                    modified = true
                    continue
                }
                let candidates = topicConsumers[partition.topic] ?? []
                if candidates.contains(where: { count($0).map { consumerCount > $0 + 1 } ?? false }) {
                    // Kafka: reassignPartition(partition) — the least loaded subscriber.
                    let target = sortedSubscriptions.first { consumerTopics[$0]!.contains(partition.topic) }!
                    move(partition, to: target)
                    performed = true
                    modified = true
                }
            }
        } while modified
        return performed
    }
}

extension StickyAssignment {
    /// Kafka: `GeneralAssignmentBuilder` constructor, `build`, `assignOwnedPartitions`, `balance`.
    func generalAssign(owned: [(String, [TopicPartition])]) -> GroupAssignment {
        var b = GeneralStickyBuilder(partitionsPerTopic: partitionsPerTopic)
        for topic in partitionsPerTopic.keys { b.topicConsumers[topic] = [] }
        for consumer in iterationOrder {
            let topics = members[consumer]!.subscribedTopics.filter { partitionsPerTopic[$0] != nil }
            b.consumerTopics[consumer] = Set(topics)
            for topic in topics where !b.topicConsumers[topic]!.contains(consumer) {
                b.topicConsumers[topic]!.append(consumer)
            }
        }
        // Kafka: TopicComparator — fewest potential consumers first, then name.
        let sortedTopics = partitionsPerTopic.keys.sorted {
            let (l, r) = (b.topicConsumers[$0]!.count, b.topicConsumers[$1]!.count)
            return l != r ? l < r : JavaOrdering.isLess($0, $1)
        }
        b.sortedAllPartitions = sortedTopics.flatMap { t in (0..<partitionsPerTopic[t]!).map { TopicPartition(t, $0) } }

        // Kafka: prepopulateCurrentAssignments — the latest older-generation owner of each partition.
        var previous: [TopicPartition: (consumer: String, generation: Int)] = [:]
        let maxGeneration = self.maxGeneration
        for consumer in iterationOrder {
            let member = members[consumer]!
            let generation: Int
            if let g = member.generation, g < maxGeneration {
                generation = g
            } else if member.generation == nil && maxGeneration > Self.defaultGeneration {
                generation = Self.defaultGeneration
            } else {
                continue
            }
            for tp in member.ownedPartitions where previous[tp].map({ generation > $0.generation }) ?? true {
                previous[tp] = (consumer, generation)
            }
        }

        // Kafka: assignOwnedPartitions — keep owned partitions the member still subscribes to.
        var assigned = Set<TopicPartition>()
        for (consumer, partitions) in owned {
            b.currentAssignment[consumer] = []
            for tp in partitions where b.topicConsumers[tp.topic] != nil {
                if b.consumerTopics[consumer]!.contains(tp.topic) {
                    b.currentAssignment[consumer]!.append(tp)
                    b.partitionConsumer[tp] = consumer
                    assigned.insert(tp)
                } else {
                    b.revocationRequired = true
                }
            }
        }
        var unassigned = b.sortedAllPartitions.filter { !assigned.contains($0) }
        b.participating = Set(iterationOrder)

        // Kafka: balance.
        let initializing = b.sortedSubscriptions.last.map { b.currentAssignment[$0]!.isEmpty } ?? true
        for partition in unassigned where !(b.topicConsumers[partition.topic]!.isEmpty) {
            if let consumer = b.sortedSubscriptions.first(where: { b.consumerTopics[$0]!.contains(partition.topic) }) {
                b.currentAssignment[consumer]!.append(partition)
                b.partitionConsumer[partition] = consumer
            }
        }
        let fixedTopics = Set(partitionsPerTopic.keys.filter { b.topicConsumers[$0]!.count < 2 })
        b.sortedAllPartitions.removeAll { fixedTopics.contains($0.topic) }
        unassigned.removeAll { fixedTopics.contains($0.topic) }
        var fixed: [String: [TopicPartition]] = [:]
        for consumer in iterationOrder {
            let partitions = b.currentAssignment[consumer]!
            let canParticipate =
                partitions.count < b.maxAssignmentSize(consumer)
                || partitions.contains { b.topicConsumers[$0.topic]!.count >= 2 }
            if !canParticipate {
                fixed[consumer] = b.currentAssignment.removeValue(forKey: consumer)
                b.participating.remove(consumer)
            }
        }
        let preBalance = b.currentAssignment
        let preBalanceOwners = b.partitionConsumer
        if !b.revocationRequired { _ = b.performReassignments(unassigned, previous: previous) }
        let performed = b.performReassignments(b.sortedAllPartitions, previous: previous)
        if !initializing && performed
            && GeneralStickyBuilder.balanceScore(b.currentAssignment)
                >= GeneralStickyBuilder.balanceScore(preBalance)
        {
            b.currentAssignment = preBalance
            b.partitionConsumer = preBalanceOwners
        }
        for (member, partitions) in fixed where b.currentAssignment[member] == nil {
            b.currentAssignment[member] = partitions
        }
        return b.currentAssignment
    }
}
