/// One member of a classic consumer group as the client-side assignors see it (`ConsumerPartitionAssignor.Subscription`
/// plus the member id).
public struct GroupMember: Hashable, Sendable {
    /// The member id the coordinator gave it (`member.id`).
    public var memberID: String
    /// `group.instance.id` for a static member, `nil` for a dynamic one.
    public var groupInstanceID: String?
    /// The topics it subscribes to.
    public var subscribedTopics: [String]
    /// The partitions it owned in the previous generation (sticky assignors only).
    public var ownedPartitions: [TopicPartition]
    /// The generation of `ownedPartitions`, or `nil` if unknown (Kafka's `DEFAULT_GENERATION`, -1).
    public var generation: Int?

    /// Creates a member.
    public init(
        memberID: String, groupInstanceID: String? = nil, subscribedTopics: [String],
        ownedPartitions: [TopicPartition] = [], generation: Int? = nil
    ) {
        self.memberID = memberID
        self.groupInstanceID = groupInstanceID
        self.subscribedTopics = subscribedTopics
        self.ownedPartitions = ownedPartitions
        self.generation = generation
    }

    /// Kafka's member order: static members first, by `group.instance.id`, then dynamic ones by member id, both in
    /// Java `String.compareTo` order.
    ///
    /// Kafka: `AbstractPartitionAssignor.MemberInfo.compareTo`.
    public static func kafkaOrder(_ lhs: GroupMember, _ rhs: GroupMember) -> Bool {
        switch (lhs.groupInstanceID, rhs.groupInstanceID) {
        case (let l?, let r?): JavaOrdering.isLess(l, r)
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): JavaOrdering.isLess(lhs.memberID, rhs.memberID)
        }
    }
}

/// What an assignor returns: the partitions of each member id, in the order Kafka lists them.
public typealias GroupAssignment = [String: [TopicPartition]]

/// A client-side assignor of the classic consumer group protocol (`partition.assignment.strategy`).
public protocol PartitionAssignor: Sendable {
    /// The name members advertise (`range`, `roundrobin`, `sticky`, `cooperative-sticky`).
    var name: String { get }

    /// Assigns the partitions of the subscribed topics that exist (`partitionsPerTopic`) to `members`.
    /// Every member appears in the result, possibly with no partitions.
    func assign(partitionsPerTopic: [String: Int], members: [GroupMember]) -> GroupAssignment
}
