/// Deals all partitions of all subscribed topics one by one around the members, skipping non-subscribers.
///
/// Kafka: `org.apache.kafka.clients.consumer.RoundRobinAssignor.assign` (with `CircularIterator`).
public struct RoundRobinAssignor: PartitionAssignor {
    /// `roundrobin`.
    public let name = "roundrobin"

    /// Creates the assignor.
    public init() {}

    /// Partitions in topic order (Java string order) then partition number; members in Kafka member order.
    public func assign(partitionsPerTopic: [String: Int], members: [GroupMember]) -> GroupAssignment {
        var assignment = GroupAssignment(uniqueKeysWithValues: members.map { ($0.memberID, []) })
        let sortedMembers = members.sorted(by: GroupMember.kafkaOrder)
        guard !sortedMembers.isEmpty else { return assignment }
        let topics = Set(members.flatMap { $0.subscribedTopics }).sorted(by: JavaOrdering.isLess)
        var next = 0
        for topic in topics {
            guard let partitionCount = partitionsPerTopic[topic] else { continue }
            for partition in 0..<partitionCount {
                // Someone subscribes to `topic`, so this loop ends.
                while !sortedMembers[next].subscribedTopics.contains(topic) {
                    next = (next + 1) % sortedMembers.count
                }
                assignment[sortedMembers[next].memberID, default: []].append(TopicPartition(topic, partition))
                next = (next + 1) % sortedMembers.count
            }
        }
        return assignment
    }
}
