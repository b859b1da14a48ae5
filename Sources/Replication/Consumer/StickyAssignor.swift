/// The result of a sticky assignment, with the bookkeeping the cooperative protocol needs.
public struct StickyAssignmentResult: Hashable, Sendable {
    /// The target assignment: member id → partitions.
    public var assignment: GroupAssignment
    /// Partitions that move from a previous owner to a new one, with the new owner
    /// (`AbstractStickyAssignor.partitionsTransferringOwnership`; computed after the fact on the general path).
    public var partitionsTransferringOwnership: [TopicPartition: String]
    /// Whether all members had the same subscription, so Kafka's optimised "constrained" algorithm ran.
    public var isConstrained: Bool
}

/// The eager sticky assignor: balance first, then keep as many previously owned partitions as possible.
///
/// Kafka: `org.apache.kafka.clients.consumer.StickyAssignor` over `internals.AbstractStickyAssignor` (non-rack-aware).
/// Owned partitions and generations come from each member's `ownedPartitions`/`generation` (Kafka reads them from
/// the subscription user data).
public struct StickyAssignor: PartitionAssignor {
    /// `sticky`.
    public let name = "sticky"

    /// Creates the assignor.
    public init() {}

    /// The target assignment.
    public func assign(partitionsPerTopic: [String: Int], members: [GroupMember]) -> GroupAssignment {
        assignWithDetails(partitionsPerTopic: partitionsPerTopic, members: members).assignment
    }

    /// The target assignment and which partitions change owner.
    ///
    /// Kafka: `AbstractStickyAssignor.assignPartitions`.
    public func assignWithDetails(partitionsPerTopic: [String: Int], members: [GroupMember]) -> StickyAssignmentResult {
        StickyAssignment(partitionsPerTopic: partitionsPerTopic, members: members).run()
    }
}

/// The shared state of one run of Kafka's `AbstractStickyAssignor`.
struct StickyAssignment {
    /// Only subscribed topics that have metadata, as `AbstractPartitionAssignor.assign` passes them.
    let partitionsPerTopic: [String: Int]
    /// Members by id.
    let members: [String: GroupMember]
    /// Member ids in the order Kafka iterates its `HashMap<String, Subscription>`.
    let iterationOrder: [String]
    /// `DEFAULT_GENERATION` in Kafka.
    static let defaultGeneration = -1

    init(partitionsPerTopic: [String: Int], members: [GroupMember]) {
        let subscribed = Set(members.flatMap { $0.subscribedTopics })
        self.partitionsPerTopic = partitionsPerTopic.filter { subscribed.contains($0.key) }
        var byID: [String: GroupMember] = [:]
        for member in members where byID[member.memberID] == nil { byID[member.memberID] = member }
        self.members = byID
        iterationOrder = JavaOrdering.hashMapIterationOrder(
            members.sorted(by: GroupMember.kafkaOrder).map { $0.memberID })
    }

    func run() -> StickyAssignmentResult {
        let prepared = ownedPartitions()
        if iterationOrder.isEmpty {
            return StickyAssignmentResult(assignment: [:], partitionsTransferringOwnership: [:], isConstrained: true)
        }
        if prepared.isAllSubscriptionsEqual {
            let (assignment, transferring) = constrainedAssign(
                owned: prepared.owned, partitionsWithMultiplePreviousOwners: prepared.multiplyClaimed)
            return StickyAssignmentResult(
                assignment: assignment, partitionsTransferringOwnership: transferring, isConstrained: true)
        }
        let assignment = generalAssign(owned: prepared.owned)
        return StickyAssignmentResult(
            assignment: assignment, partitionsTransferringOwnership: transferringOwnership(of: assignment),
            isConstrained: false)
    }

    /// All partitions of `partitionsPerTopic`, by topic (Java order) then partition number.
    var allPartitionsSorted: [TopicPartition] {
        partitionsPerTopic.keys.sorted(by: JavaOrdering.isLess).flatMap { topic in
            (0..<partitionsPerTopic[topic]!).map { TopicPartition(topic, $0) }
        }
    }

    var maxGeneration: Int {
        members.values.map { $0.generation ?? Self.defaultGeneration }.max() ?? Self.defaultGeneration
    }

    /// Kafka: `AbstractStickyAssignor.allSubscriptionsEqual` — whether all subscriptions are equal, each member's
    /// still-valid owned partitions (a partition claimed twice goes to the newer generation, or to nobody if both
    /// claims are of the same generation).
    func ownedPartitions() -> (
        isAllSubscriptionsEqual: Bool, owned: [(String, [TopicPartition])], multiplyClaimed: Set<TopicPartition>
    ) {
        var isEqual = true
        var subscribedTopics: Set<String>?
        var owned: [String: [TopicPartition]] = [:]
        var previousOwner: [TopicPartition: String] = [:]
        var multiplyClaimed = Set<TopicPartition>()
        for consumer in iterationOrder {
            let member = members[consumer]!
            let topics = Set(member.subscribedTopics)
            if subscribedTopics == nil || subscribedTopics!.isEmpty {
                subscribedTopics = topics
            } else if topics != subscribedTopics {
                isEqual = false
            }
            let generation = member.generation ?? Self.defaultGeneration
            owned[consumer] = []
            for tp in member.ownedPartitions where partitionsPerTopic[tp.topic] != nil {
                guard let other = previousOwner[tp] else {
                    owned[consumer]!.append(tp)
                    previousOwner[tp] = consumer
                    continue
                }
                let otherGeneration = members[other]!.generation ?? Self.defaultGeneration
                if generation == otherGeneration {
                    multiplyClaimed.insert(tp)
                    owned[other]!.removeAll { $0 == tp }
                    previousOwner[tp] = consumer
                } else if generation > otherGeneration {
                    owned[consumer]!.append(tp)
                    owned[other]!.removeAll { $0 == tp }
                    previousOwner[tp] = consumer
                }
            }
        }
        return (isEqual, iterationOrder.map { ($0, owned[$0]!) }, multiplyClaimed)
    }

    /// Partitions assigned to a member that another member reported as owned.
    ///
    /// Kafka: `CooperativeStickyAssignor.computePartitionsTransferringOwnership`.
    func transferringOwnership(of assignment: GroupAssignment) -> [TopicPartition: String] {
        var added: [TopicPartition: String] = [:]
        var revoked = Set<TopicPartition>()
        for (consumer, partitions) in assignment {
            let ownedSet = Set(members[consumer]?.ownedPartitions ?? [])
            let assignedSet = Set(partitions)
            for tp in partitions where !ownedSet.contains(tp) { added[tp] = consumer }
            for tp in ownedSet where !assignedSet.contains(tp) { revoked.insert(tp) }
        }
        return added.filter { revoked.contains($0.key) }
    }
}
