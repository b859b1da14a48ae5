import Diagnostics
import Replication

extension ScenarioRunner {
    /// Why `statement` may not run on `cluster` without passing a cap of `Limits`, or nil when it fits.
    func capProblem(before statement: Statement, on cluster: Cluster?) -> String? {
        switch statement.command {
        case .broker:
            guard let cluster, cluster.brokers.count >= limits.brokers else { return nil }
            return "a cluster has at most \(limits.brokers) brokers"
        case .topic(_, let partitions, let factor, _, _):
            return partitionCapProblem(adding: partitions, factor: factor, to: cluster)
        case .manualTopic(_, let text, _):
            let lists = text.split(separator: ",")
            return partitionCapProblem(
                adding: lists.count, factor: lists.first.map { $0.split(separator: ":").count } ?? 0, to: cluster)
        case .addPartitions(let topic, let count):
            guard let current = cluster?.topics[topic] else { return nil }
            return partitionCapProblem(
                adding: count - current.partitions.count, factor: current.replicationFactor, to: cluster)
        case .advance(let duration):
            let cap = limits.scenarioEnd
            guard let cluster, cluster.now + duration > cap else { return nil }
            return
                "advancing \(Duration.format(duration)) from \(Duration.format(cluster.now.sinceStart)) passes the simulated-time cap of \(Duration.format(cap.sinceStart)) per scenario"
        case .produce(let command):
            let replicas =
                cluster?.partition(TopicPartition(command.topic, command.partition ?? 0))?.replicas.count ?? 1
            guard recordsWritten + Int64(command.count) * Int64(max(1, replicas)) > limits.scenarioRecords else {
                return nil
            }
            return
                "this produce would take the scenario past \(limits.scenarioRecords) records, counted once per replica"
        default:
            return nil
        }
    }

    /// The partition and replica caps, for `topic` and `add-partitions`.
    private func partitionCapProblem(adding partitions: Int, factor: Int, to cluster: Cluster?) -> String? {
        guard let cluster, partitions > 0, factor > 0 else { return nil }
        let topics = cluster.topics.values
        let partitionCount = topics.reduce(0) { $0 + $1.partitions.count }
        let replicaCount = topics.reduce(0) { $0 + $1.partitions.count * $1.replicationFactor }
        if partitionCount + partitions > limits.partitions {
            return
                "a cluster has at most \(limits.partitions) partitions; this one would have \(partitionCount + partitions)"
        }
        if replicaCount + partitions * factor > limits.replicas {
            return
                "a cluster has at most \(limits.replicas) partition replicas; this one would have \(replicaCount + partitions * factor)"
        }
        return nil
    }

    /// Why the scenario must stop after a step that printed `output`, or nil: a run that hit the engine budget, or
    /// more output than `Limits.outputBytes`.
    func capProblem(after statement: Statement, output: [String], on cluster: Cluster?) -> String? {
        switch cluster?.exhaustedBudget {
        case .work:
            return
                "the scenario was stopped at \(cluster?.now ?? .start): it used up the engine-work cap of \(limits.engineWork) (every event counts once plus once per partition and per produce request checked after it); use fewer brokers or partitions, or shorter 'advance' lines"
        case .time:
            return
                "the scenario was stopped at \(cluster?.now ?? .start): it reached the simulated-time cap of \(Duration.format(.milliseconds(limits.scenarioMilliseconds))) per scenario"
        case nil:
            break
        }
        guard outputBytes > limits.outputBytes else { return nil }
        return
            "the scenario was stopped: its output passed \(limits.outputBytes) bytes"
    }

    /// The diagnostic for a cap, with where to raise it.
    static func capDiagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error(
            message, at: location,
            notes: [.init("\(Limits.whereToRaise); see docs/robustness.md")])
    }
}
