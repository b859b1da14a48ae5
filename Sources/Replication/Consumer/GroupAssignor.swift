/// The client-side assignors a consumer group can use, by the name members advertise
/// (`partition.assignment.strategy`).
///
/// An enum rather than a table of `any PartitionAssignor`: the set is closed, and the engine must build without
/// existentials (Embedded Swift).
public enum GroupAssignor: String, CaseIterable, Hashable, Sendable {
    /// `RangeAssignor`, Kafka's default.
    case range
    /// `RoundRobinAssignor`.
    case roundRobin = "roundrobin"
    /// `StickyAssignor`.
    case sticky
    /// `CooperativeStickyAssignor`.
    case cooperativeSticky = "cooperative-sticky"

    /// The name members advertise.
    public var name: String { rawValue }

    /// Assigns the partitions of the subscribed topics with this assignor (see `PartitionAssignor.assign`).
    public func assign(partitionsPerTopic: [String: Int], members: [GroupMember]) -> GroupAssignment {
        switch self {
        case .range: RangeAssignor().assign(partitionsPerTopic: partitionsPerTopic, members: members)
        case .roundRobin: RoundRobinAssignor().assign(partitionsPerTopic: partitionsPerTopic, members: members)
        case .sticky: StickyAssignor().assign(partitionsPerTopic: partitionsPerTopic, members: members)
        case .cooperativeSticky:
            CooperativeStickyAssignor().assign(partitionsPerTopic: partitionsPerTopic, members: members)
        }
    }
}
