/// Kafka's default assignor: per topic, consecutive ranges of partitions, remainders to the first members.
///
/// Kafka: `org.apache.kafka.clients.consumer.RangeAssignor.assignPartitions` (non-rack-aware path).
public struct RangeAssignor: PartitionAssignor {
    /// `range`.
    public let name = "range"

    /// Creates the assignor.
    public init() {}

    /// For each topic with metadata, its subscribers in Kafka member order get `P / C` partitions each, the first
    /// `P % C` of them one more.
    public func assign(partitionsPerTopic: [String: Int], members: [GroupMember]) -> GroupAssignment {
        var assignment = GroupAssignment(uniqueKeysWithValues: members.map { ($0.memberID, []) })
        let topics = Set(members.flatMap { $0.subscribedTopics }).sorted(by: JavaOrdering.isLess)
        for topic in topics {
            guard let partitionCount = partitionsPerTopic[topic] else { continue }
            let consumers = members.filter { $0.subscribedTopics.contains(topic) }.sorted(by: GroupMember.kafkaOrder)
            let perConsumer = partitionCount / consumers.count
            let extra = partitionCount % consumers.count
            // Kafka: RangeAssignor.assignRanges — start = q * i + min(i, extra), length = q + (i < extra ? 1 : 0).
            for (i, consumer) in consumers.enumerated() {
                let start = perConsumer * i + min(i, extra)
                let length = perConsumer + (i < extra ? 1 : 0)
                assignment[consumer.memberID, default: []]
                    .append(contentsOf: (start..<start + length).map { TopicPartition(topic, $0) })
            }
        }
        return assignment
    }
}
