/// The `kafka-topics.sh --describe` view of topics.
///
/// Kafka: `TopicCommand.TopicService.describeTopic`, `PartitionDescription.printDescription`
/// (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java).
///
/// Every line is made from a `Header` or a `Row` alone, and those read from the cluster everything a line prints:
/// equal headers and rows print the same lines, so `Kept` makes a line again only when its header or row changed.
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
        let showsElr = cluster.behaviour.describeShowsElr
        let clusterWide = cluster.engine.config.topicDefaults
        var lines: [String] = []
        for topic in selected {
            if filter == nil { lines.append(Header(topic, clusterWide: clusterWide).line) }
            let minInsyncReplicas = filter == nil ? 0 : cluster.minInsyncReplicas(of: topic.name)
            for partition in topic.partitions
            where filter.map({ Self.matches(partition, minInsyncReplicas: minInsyncReplicas, filter: $0) }) ?? true {
                lines.append(Row(partition, showsElr: showsElr).line(topic: topic.name))
            }
        }
        self.lines = lines
    }

    /// The description of all topics (no filter) kept from one state to the next: a line is made again only when
    /// what it prints (its `Header` or `Row`) changed, so a step costs what changed rather than the whole cluster.
    ///
    /// After `update(to:)`, `lines` equal `TopicDescription(cluster:).lines` of the cluster given.
    public struct Kept: Sendable {
        /// What a line is made from.
        enum Source: Equatable, Sendable {
            case header(Header)
            case row(topic: String, Row)
        }

        /// The lines of the last cluster given (none before the first).
        public private(set) var lines: [String] = []
        /// What each of `lines` was made from.
        private var sources: [Source] = []
        private var isFirst = true

        /// Nothing kept yet.
        public init() {}

        /// Brings `lines` to the description of `cluster`; returns whether they differ from the lines before (always
        /// true the first time).
        ///
        /// Each header and row is compared with the one kept at its place where the topic and its partitions are
        /// (no `Header` with copies of the config dictionaries, no `Row` with copies of the lists, unless its line is
        /// made again), and the kept arrays are changed only where a line is.
        public mutating func update(to cluster: Cluster) -> Bool {
            let showsElr = cluster.behaviour.describeShowsElr
            let clusterWide = cluster.engine.config.topicDefaults
            var changed = isFirst
            isFirst = false
            var index = 0
            for topic in cluster.sortedTopics {
                if !keepsHeader(of: topic, clusterWide: clusterWide, at: index) {
                    keep(.header(Header(topic, clusterWide: clusterWide)), at: index, changed: &changed)
                }
                index += 1
                topic.partitions.withUnsafeBufferPointer { partitions in
                    for position in partitions.indices {
                        if !keepsRow(of: topic.name, partitions, at: position, showsElr: showsElr, index: index) {
                            keep(
                                .row(topic: topic.name, Row(partitions[position], showsElr: showsElr)), at: index,
                                changed: &changed)
                        }
                        index += 1
                    }
                }
            }
            if index < lines.count {
                lines.removeSubrange(index...)
                sources.removeSubrange(index...)
                changed = true
            }
            return changed
        }

        /// Whether the source kept at `index` is the header of `topic`.
        private func keepsHeader(of topic: Topic, clusterWide: [String: String], at index: Int) -> Bool {
            guard index < sources.count, case .header(let header) = sources[index] else { return false }
            return header.describes(topic, clusterWide: clusterWide)
        }

        /// Whether the source kept at `index` is the row of `partitions[position]` of `topic`.
        private func keepsRow(
            of topic: String, _ partitions: UnsafeBufferPointer<PartitionState>, at position: Int, showsElr: Bool,
            index: Int
        ) -> Bool {
            guard index < sources.count, case .row(let name, let row) = sources[index] else { return false }
            return name == topic && row.describes(partitions, at: position, showsElr: showsElr)
        }

        /// Puts `source` and its line at `index` (a place kept, or the next one); `changed` is set when the line
        /// differs from the one there, or is new.
        private mutating func keep(_ source: Source, at index: Int, changed: inout Bool) {
            let line: String
            switch source {
            case .header(let header): line = header.line
            case .row(let topic, let row): line = row.line(topic: topic)
            }
            if index < lines.count {
                if lines[index] != line {
                    changed = true
                    lines[index] = line
                }
                sources[index] = source
            } else {
                changed = true
                lines.append(line)
                sources.append(source)
            }
        }
    }

    /// Everything a topic's header line reads from the cluster.
    struct Header: Equatable, Sendable {
        var name: String
        var id: TopicID
        var partitionCount: Int
        var replicationFactor: Int
        /// The topic's own configs and the cluster-wide topic defaults (`describedConfigs(own:clusterWide:)`).
        var ownConfigs: [String: String]
        var clusterWideConfigs: [String: String]

        /// `clusterWide`: the cluster's topic defaults (`EngineConfig.topicDefaults`).
        init(_ topic: Topic, clusterWide: [String: String]) {
            name = topic.name
            id = topic.id
            partitionCount = topic.partitions.count
            replicationFactor = topic.replicationFactor
            ownConfigs = topic.configs
            clusterWideConfigs = clusterWide
        }

        /// Whether this is the header `topic` and `clusterWide` make, compared in place.
        func describes(_ topic: Topic, clusterWide: [String: String]) -> Bool {
            name == topic.name && id == topic.id && partitionCount == topic.partitions.count
                && replicationFactor == topic.replicationFactor && ownConfigs == topic.configs
                && clusterWideConfigs == clusterWide
        }

        var line: String {
            var line = "Topic: "
            line.reserveCapacity(128)
            line += name
            line += "\tTopicId: "
            line += id.description
            line += "\tPartitionCount: "
            line += String(partitionCount)
            line += "\tReplicationFactor: "
            line += String(replicationFactor)
            line += "\tConfigs: "
            let described = TopicDescription.describedConfigs(own: ownConfigs, clusterWide: clusterWideConfigs)
            for (index, config) in described.enumerated() {
                if index > 0 { line += "," }
                line += config.name
                line += "="
                line += config.value
            }
            return line
        }
    }

    /// Everything a partition's line prints besides its topic's name.
    struct Row: Equatable, Sendable {
        var partition: Int
        var leader: BrokerID?
        var replicas: [BrokerID]
        var isr: [BrokerID]
        /// nil when the release does not print them.
        var elr: [BrokerID]?
        var lastKnownElr: [BrokerID]?

        init(_ state: PartitionState, showsElr: Bool) {
            partition = state.id.partition
            leader = state.leader
            replicas = state.replicas
            isr = state.isr
            elr = showsElr ? state.elr : nil
            lastKnownElr = showsElr ? state.lastKnownElr : nil
        }

        /// Whether this is the row of `partitions[index]`, compared field by field in place (a partition read
        /// whole from the buffer would be copied).
        func describes(_ partitions: UnsafeBufferPointer<PartitionState>, at index: Int, showsElr: Bool) -> Bool {
            partition == partitions[index].id.partition && leader == partitions[index].leader
                && replicas == partitions[index].replicas && isr == partitions[index].isr
                && elr == (showsElr ? partitions[index].elr : nil)
                && lastKnownElr == (showsElr ? partitions[index].lastKnownElr : nil)
        }

        func line(topic: String) -> String {
            // Written as bytes, decoded once: a line is made for every partition whose row changed, and a `String`
            // append costs hundreds of instructions.
            var line = TextBytes(capacity: 96 + topic.utf8.count)
            line.append("\tTopic: ")
            line.append(topic)
            line.append("\tPartition: ")
            line.append(partition)
            line.append("\tLeader: ")
            if let leader { line.append(leader) } else { line.append("none") }
            line.append("\tReplicas: ")
            line.append(csv: replicas)
            line.append("\tIsr: ")
            line.append(csv: isr)
            // Kafka 3.8+ `printDescription` prints `Elr:` and `LastKnownElr:` (empty lists when ELR is off).
            if let elr, let lastKnownElr {
                line.append("\tElr: ")
                line.append(csv: elr)
                line.append("\tLastKnownElr: ")
                line.append(csv: lastKnownElr)
            }
            return line.text
        }
    }

    /// The configs `kafka-topics --describe` lists under `Configs`: every topic config set on the topic (`own`) or
    /// cluster-wide (`clusterWide`, by broker synonym), with its value, in `TopicConfig.all`'s order (by name).
    ///
    /// Kafka: `TopicCommand.TopicService.describeTopic` prints `config.entries()` filtered by `!entry.isDefault()`,
    /// and an entry from `DYNAMIC_DEFAULT_BROKER_CONFIG` or `STATIC_BROKER_CONFIG` is not a default one.
    public static func describedConfigs(own: [String: String], clusterWide: [String: String])
        -> [(name: String, value: String)]
    {
        TopicConfig.all.compactMap { key in
            if let value = own[key.name] { return (key.name, value) }
            if let synonym = key.brokerSynonym, let value = clusterWide[synonym] { return (key.name, value) }
            return nil
        }
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
}
