/// The `kafka-topics.sh --describe` view of topics.
///
/// Kafka: `TopicCommand.TopicService.describeTopic`, `PartitionDescription.printDescription`
/// (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java).
public struct TopicDescription: Hashable, Sendable {
    /// Partition filters, as `kafka-topics --describe` flags. With any of them, topic header lines are not printed.
    public enum Filter: String, Hashable, Sendable, CaseIterable {
        case underReplicatedPartitions = "under-replicated-partitions"
        case underMinIsrPartitions = "under-min-isr-partitions"
        case atMinIsrPartitions = "at-min-isr-partitions"
        case unavailablePartitions = "unavailable-partitions"
    }

    /// The lines of output, without trailing newlines.
    public var lines: [String]

    /// Describes `topics` (all, sorted by name, when empty), optionally filtered.
    public init(cluster: Cluster, topics names: [String] = [], filter: Filter? = nil) {
        let selected = names.isEmpty ? cluster.sortedTopics : names.compactMap { cluster.topics[$0] }
        var lines: [String] = []
        for topic in selected {
            if filter == nil {
                let configs = cluster.describedConfigs(of: topic.name).map { "\($0.name)=\($0.value)" }
                lines.append(
                    "Topic: \(topic.name)\tTopicId: \(topic.id)\tPartitionCount: \(topic.partitions.count)\t"
                        + "ReplicationFactor: \(topic.replicationFactor)\tConfigs: \(configs.joined(separator: ","))")
            }
            for partition in topic.partitions
            where filter.map({
                Self.matches(partition, minInsyncReplicas: cluster.minInsyncReplicas(of: topic.name), filter: $0)
            }) ?? true {
                let leader = partition.leader.map(String.init) ?? "none"
                // Kafka 3.8+ `printDescription` prints `Elr:` and `LastKnownElr:` (empty lists when ELR is off).
                let elr =
                    cluster.behaviour.describeShowsElr
                    ? "\tElr: \(Self.csv(partition.elr))\tLastKnownElr: \(Self.csv(partition.lastKnownElr))" : ""
                lines.append(
                    "\tTopic: \(topic.name)\tPartition: \(partition.id.partition)\tLeader: \(leader)\t"
                        + "Replicas: \(Self.csv(partition.replicas))\tIsr: \(Self.csv(partition.isr))" + elr)
            }
        }
        self.lines = lines
    }

    /// Kafka: `TopicCommand.PartitionDescription` — `isUnderReplicated`, `isUnderMinIsr`, `isAtMinIsrPartitions`,
    /// `hasUnavailablePartitions`.
    static func matches(_ partition: PartitionState, minInsyncReplicas: Int, filter: Filter) -> Bool {
        let minIsr = minInsyncReplicas
        switch filter {
        case .underReplicatedPartitions:
            return partition.isr.count < partition.replicas.count
        case .underMinIsrPartitions:
            return partition.leader == nil || partition.isr.count < minIsr
        case .atMinIsrPartitions:
            return partition.isr.count == minIsr
        case .unavailablePartitions:
            return partition.leader == nil
        }
    }

    static func csv(_ ids: [BrokerID]) -> String { ids.map(String.init).joined(separator: ",") }
}
