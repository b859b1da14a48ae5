extension StickyAssignment {
    /// Kafka's optimised sticky assignment when all members subscribe to the same topics.
    ///
    /// Kafka: `AbstractStickyAssignor.ConstrainedAssignmentBuilder.build` (`assignOwnedPartitions`,
    /// `getUnassignedPartitions`, `assignRoundRobin`, `assignNewPartition`), without the rack-aware steps.
    /// - Parameter owned: each member's valid owned partitions, in Kafka's map iteration order.
    func constrainedAssign(
        owned: [(String, [TopicPartition])], partitionsWithMultiplePreviousOwners: Set<TopicPartition>
    ) -> (GroupAssignment, [TopicPartition: String]) {
        let allPartitions = allPartitionsSorted
        let total = allPartitions.count
        let consumers = owned.count
        let minQuota = total / consumers
        let maxQuota = (total + consumers - 1) / consumers
        let expectedOverMin = total % consumers
        var currentOverMin = 0

        var assignment = GroupAssignment(uniqueKeysWithValues: owned.map { ($0.0, []) })
        var assigned = Set<TopicPartition>()
        var revoked = Set<TopicPartition>()
        var transferring: [TopicPartition: String] = [:]
        var unfilledUnderMin: [String] = []
        var unfilledExactlyMin: [String] = []

        // Kafka: ConstrainedAssignmentBuilder.assignOwnedPartitions.
        for (consumer, claimed) in owned {
            let ownedPartitions =
                claimed
                .sorted(by: isOwnedLess)
                .filter { !partitionsWithMultiplePreviousOwners.contains($0) }
            if ownedPartitions.count < minQuota {
                assignment[consumer]!.append(contentsOf: ownedPartitions)
                assigned.formUnion(ownedPartitions)
                unfilledUnderMin.append(consumer)
            } else if ownedPartitions.count >= maxQuota && currentOverMin < expectedOverMin {
                currentOverMin += 1
                if currentOverMin == expectedOverMin { unfilledExactlyMin.removeAll() }
                assignment[consumer]!.append(contentsOf: ownedPartitions[..<maxQuota])
                assigned.formUnion(ownedPartitions[..<maxQuota])
                revoked.formUnion(ownedPartitions[maxQuota...])
            } else {
                assignment[consumer]!.append(contentsOf: ownedPartitions[..<minQuota])
                assigned.formUnion(ownedPartitions[..<minQuota])
                revoked.formUnion(ownedPartitions[minQuota...])
                if currentOverMin < expectedOverMin { unfilledExactlyMin.append(consumer) }
            }
        }

        let unassigned = allPartitions.filter { !assigned.contains($0) }
        unfilledUnderMin.sort(by: JavaOrdering.isLess)
        unfilledExactlyMin.sort(by: JavaOrdering.isLess)

        // Kafka: ConstrainedAssignmentBuilder.assignRoundRobin; `cursor` plays the LinkedList iterator.
        var cursor = 0
        for partition in unassigned {
            let consumer: String
            var fromUnderMin = true
            if cursor < unfilledUnderMin.count {
                consumer = unfilledUnderMin[cursor]
                cursor += 1
            } else if unfilledUnderMin.isEmpty && unfilledExactlyMin.isEmpty {
                preconditionFailure("No more unfilled consumers to be assigned.")
            } else if unfilledUnderMin.isEmpty {
                consumer = unfilledExactlyMin.removeFirst()
                fromUnderMin = false
            } else {
                consumer = unfilledUnderMin[0]
                cursor = 1
            }
            // Kafka: ConstrainedAssignmentBuilder.assignNewPartition.
            assignment[consumer]!.append(partition)
            if revoked.contains(partition) || partitionsWithMultiplePreviousOwners.contains(partition) {
                transferring[partition] = consumer
            }
            let count = assignment[consumer]!.count
            if count == minQuota {
                if fromUnderMin {
                    cursor -= 1
                    unfilledUnderMin.remove(at: cursor)
                }
                unfilledExactlyMin.append(consumer)
            } else if count == maxQuota {
                currentOverMin += 1
            }
        }
        return (assignment, transferring)
    }

    /// Owned partitions are kept in partition-number order, then topic (`Comparator.comparing(partition)
    /// .thenComparing(topic)` in `assignOwnedPartitions`).
    private func isOwnedLess(_ lhs: TopicPartition, _ rhs: TopicPartition) -> Bool {
        lhs.partition != rhs.partition ? lhs.partition < rhs.partition : JavaOrdering.isLess(lhs.topic, rhs.topic)
    }
}
