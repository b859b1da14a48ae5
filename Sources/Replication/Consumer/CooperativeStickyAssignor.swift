/// The cooperative (incremental) sticky assignor: the sticky target, minus partitions that change owner, which are
/// first revoked and only assigned in the follow-up rebalance.
///
/// Kafka: `org.apache.kafka.clients.consumer.CooperativeStickyAssignor.assignPartitions` and `adjustAssignment`.
public struct CooperativeStickyAssignor: PartitionAssignor {
    /// `cooperative-sticky`.
    public let name = "cooperative-sticky"

    /// Creates the assignor.
    public init() {}

    /// This rebalance's assignment: the sticky target without the partitions transferring ownership.
    public func assign(partitionsPerTopic: [String: Int], members: [GroupMember]) -> GroupAssignment {
        assignWithDetails(partitionsPerTopic: partitionsPerTopic, members: members).assignment
    }

    /// This rebalance's assignment (in `assignment`) and the partitions held back until the next rebalance (in
    /// `partitionsTransferringOwnership`, with the member that will get each).
    public func assignWithDetails(partitionsPerTopic: [String: Int], members: [GroupMember]) -> StickyAssignmentResult {
        var result = StickyAssignor().assignWithDetails(partitionsPerTopic: partitionsPerTopic, members: members)
        for (partition, newOwner) in result.partitionsTransferringOwnership {
            result.assignment[newOwner]?.removeAll { $0 == partition }
        }
        return result
    }
}
