import Course
import Replication
import ScenarioLanguage

/// The cluster at a line of a scenario, and the values that exist in it, for completion.
struct StateAtLine {
    /// The cluster, if one exists at that line.
    var cluster: Cluster?

    /// The cluster after a scenario's lines above a 1-based file line: from its transcript when it ran, else by
    /// running the lines above that parse (a scenario being written has a line that does not parse yet, and such a
    /// scenario is not run).
    static func cluster(before fileLine: Int, in scenario: ScenarioView, text: SourceText, runs: ScenarioRuns)
        -> Cluster?
    {
        guard scenario.transcript.steps.isEmpty else {
            if let step = scenario.transcript.steps.last(where: { $0.statement.location.line < fileLine }) {
                return step.cluster
            }
            return runs.startingCluster(ofScenario: scenario.index)
        }
        let lines = (scenario.lines.lowerBound..<max(scenario.lines.lowerBound, fileLine)).map {
            text.line($0 - 1) + "\n"
        }
        return runs.cluster(afterLinesThatParseOf: lines.joined(), asScenario: scenario.index)
    }

    /// Values for a positional argument, by its name in the command table.
    func values(forPositional name: String, command: String, arguments: [String]) -> [CompletionItem] {
        switch (command, name) {
        case ("broker", "id"): return nextBrokerID()
        case ("topic", _), ("producer", _): return []
        case (_, "broker"): return brokerItems()
        case (_, "topic"): return topicItems()
        case ("elect", "partition"), ("replicas", "partition"): return topicItems() + partitionItems()
        case (_, "partition"): return partitionItems()
        case (_, "group"): return groupItems()
        case (_, "duration"):
            return ["500ms", "1s", "5s", "10s", "30s", "1m"].map { CompletionItem(label: $0, kind: .value) }
        default: return []
        }
    }

    /// Values for a key, by its name in the command table.
    func values(forKey key: String, command: String, arguments: [String]) -> [CompletionItem] {
        let positional = arguments.first { !$0.contains("=") && !$0.hasPrefix("--") }
        switch key {
        case "member" where command != "join":
            return positional.map { memberItems(ofGroup: $0) } ?? []
        case "topics": return topicItems()
        case "producer":
            return (cluster?.producers.map { $0.name }.sorted() ?? []).map {
                CompletionItem(label: $0, kind: .value)
            }
        case "partition":
            guard let topic = positional.flatMap({ cluster?.topics[$0] }) else { return [] }
            return topic.partitions.map {
                CompletionItem(label: String($0.id.partition), kind: .value, detail: "leader \(Self.leader($0))")
            }
        case "rack":
            let racks = Set(cluster?.brokers.values.compactMap(\.rack) ?? [])
            return racks.sorted().map { CompletionItem(label: $0, kind: .value) }
        case "lag": return ["0ms", "500ms", "2s", "10s"].map { CompletionItem(label: $0, kind: .value) }
        default: return []
        }
    }

    func brokerItems() -> [CompletionItem] {
        (cluster?.sortedBrokers ?? []).map { broker in
            CompletionItem(label: String(broker.id), kind: .value, detail: describe(broker))
        }
    }

    /// Brokers holding a replica of the partition (all brokers when it is unknown).
    func brokerItems(holding partition: TopicPartition?) -> [CompletionItem] {
        guard let partition, let state = cluster?.partition(partition) else { return brokerItems() }
        return state.replicas.map { broker in
            CompletionItem(
                label: String(broker), kind: .value, detail: broker == state.leader ? "leader" : "follower")
        }
    }

    func topicItems() -> [CompletionItem] {
        (cluster?.sortedTopics ?? []).map { topic in
            CompletionItem(
                label: topic.name, kind: .value,
                detail: "\(topic.partitions.count) partitions, replication factor \(topic.replicationFactor)")
        }
    }

    func partitionItems() -> [CompletionItem] {
        (cluster?.sortedTopics ?? []).flatMap { topic in
            topic.partitions.map { partition in
                CompletionItem(
                    label: partition.id.description, kind: .value,
                    detail: "leader \(Self.leader(partition)), ISR \(Self.csv(partition.isr))")
            }
        }
    }

    func groupItems() -> [CompletionItem] {
        (cluster?.groups.keys.sorted() ?? []).map { CompletionItem(label: $0, kind: .value) }
    }

    func memberItems(ofGroup group: String) -> [CompletionItem] {
        (cluster?.groups[group]?.members ?? []).map { member in
            CompletionItem(label: member.clientID, kind: .value, detail: member.memberID)
        }
    }

    private func nextBrokerID() -> [CompletionItem] {
        let next = (cluster?.brokers.keys.max() ?? -1) + 1
        return [CompletionItem(label: String(next), kind: .value, detail: "the next free broker id")]
    }

    private func describe(_ broker: Broker) -> String {
        let state = cluster?.state(of: broker.id) ?? .up
        return [broker.rack.map { "rack \($0)" }, state.rawValue].compactMap { $0 }.joined(separator: ", ")
    }

    static func csv(_ ids: [BrokerID]) -> String {
        ids.isEmpty ? "none" : ids.map(String.init).joined(separator: ",")
    }

    static func leader(_ partition: PartitionState) -> String {
        partition.leader.map(String.init) ?? "none"
    }
}
