import Diagnostics
import Replication

extension ScenarioRunner {
    /// Runs a command that drives the engine; returns nil when it could not run (a diagnostic was reported).
    ///
    /// Every such command prints the engine's event-log lines it caused (`[9s] controller fences broker 3 …`) before
    /// its own result.
    mutating func runEngineCommand(_ statement: Statement, on cluster: inout Cluster) -> (
        output: [String], outcome: Outcome
    )? {
        let logStart = cluster.eventLog.count
        var result: [String] = []
        var outcome = Outcome.ok
        func events() -> [String] { Array(cluster.eventLog[logStart...]) }
        let open = Self.openAsyncWork(in: cluster)
        switch statement.command {
        case .advance(let duration):
            cluster.advance(by: duration)
            let answered = Self.lastAsyncOutcome(in: cluster, open: open) ?? .ok
            return (events() + ["Time: \(cluster.now)"], answered)
        case .fault(let fault, let broker):
            do {
                try cluster.apply(fault, to: broker)
            } catch {
                report(error.description, statement, at: statement.location(of: "#0"))
                return nil
            }
            outcome = Self.lastAsyncOutcome(in: cluster, open: open) ?? .ok
        case .heal(let broker):
            let targets = broker.map { [$0] } ?? cluster.isolatedBrokers
            for target in targets {
                do {
                    try cluster.apply(.heal, to: target)
                } catch {
                    report(error.description, statement, at: statement.location(of: "#0"))
                    return nil
                }
            }
            if targets.isEmpty { result = ["No broker is isolated."] }
            outcome = Self.lastAsyncOutcome(in: cluster, open: open) ?? .ok
        case .elect(let kind, let target):
            guard let partitions = resolve(target, in: cluster, statement: statement, isElection: true) else {
                return nil
            }
            // Kafka: LeaderElectionCommand.electLeaders — successes on one line, partitions that needed no election
            // on another, then one line per failure with the exception.
            var succeeded: [TopicPartition] = []
            var notNeeded: [TopicPartition] = []
            var failed: [(TopicPartition, KafkaError)] = []
            for id in partitions {
                do {
                    try cluster.elect(kind, partition: id)
                    succeeded.append(id)
                } catch {
                    outcome = .kafkaError(error)
                    if error.name == "ELECTION_NOT_NEEDED" {
                        notNeeded.append(id)
                    } else {
                        failed.append((id, error))
                    }
                }
            }
            let list = { (ids: [TopicPartition]) in ids.map { $0.description }.joined(separator: ", ") }
            if !succeeded.isEmpty {
                result.append(
                    "Successfully completed leader election (\(kind.rawValue)) for partitions \(list(succeeded))")
            }
            if !notNeeded.isEmpty { result.append("Valid replica already elected for partitions \(list(notNeeded))") }
            for (id, error) in failed {
                result.append(
                    "Error completing leader election (\(kind.rawValue)) for partition: \(id): \(error.javaException): \(error.message)"
                )
            }
            if !failed.isEmpty { result.append("Error: \(failed.count) replica(s) could not be elected") }
        case .config(let topic, let key, let value):
            do {
                if let topic {
                    try cluster.setTopicConfig(topic, key, value)
                    result = ["Completed updating config for topic \(topic)."]
                } else {
                    try cluster.setBrokerConfig(key, value)
                    result = ["Completed updating default config for brokers in the cluster."]
                }
            } catch {
                outcome = .kafkaError(error)
                result = ["Error while executing config command : \(error.message)", "error: \(error.name)"]
            }
        case .produce(let command):
            guard cluster.topics[command.topic] != nil else {
                report(
                    "unknown topic '\(command.topic)'", statement, at: statement.location(of: "#0"),
                    candidates: Array(cluster.topics.keys))
                return nil
            }
            if let producer = command.producer {
                let run = runProducerSend(command, producer: producer, on: &cluster, statement: statement)
                guard let run else { return nil }
                result = run.output
                outcome = run.outcome
                break
            }
            let chosen =
                command.partition
                ?? cluster.choosePartition(topic: command.topic, key: command.key, value: command.values[0]) ?? 0
            let id = TopicPartition(command.topic, chosen)
            do {
                let request: ProduceRequest
                if command.isAsync {
                    let requestID = try cluster.produce(
                        to: id, key: command.key, values: command.values, acks: command.acks, isAsync: true)
                    guard let sent = cluster.requests[requestID] else { return nil }
                    request = sent
                } else {
                    request = try cluster.produceAndWait(
                        to: id, key: command.key, values: command.values, acks: command.acks)
                }
                let line = Self.describe(request)
                if case .failure(let error) = request.outcome { outcome = .kafkaError(error) }
                result = [line]
            } catch {
                outcome = .kafkaError(error)
                result = ["error: \(error.name): \(error.message)"]
            }
        case .explain(let id):
            guard let explanation = PartitionExplanation(cluster: cluster, partition: id) else {
                report(
                    "unknown partition '\(id)'", statement, at: statement.location(of: "#0"),
                    candidates: Array(cluster.topics.keys))
                return nil
            }
            result = explanation.lines
        case .replicas(let target):
            guard let partitions = resolve(target, in: cluster, statement: statement) else { return nil }
            for id in partitions {
                result += ReplicaTable(cluster: cluster, partition: id)?.textLines ?? []
            }
        case .producer, .consume, .group:
            guard let run = runClientCommand(statement, on: &cluster) else { return nil }
            result = run.output
            outcome = run.outcome
        default:
            return nil
        }
        return (events() + result, outcome)
    }

    /// Async work still unanswered: `produce … async` requests and named producers' batches, by id.
    static func openAsyncWork(in cluster: Cluster) -> OpenAsyncWork {
        // Only requests without an outcome can be open: look at those, not at every request ever sent.
        let requests = cluster.pendingRequestIDs.filter { id in
            cluster.requests[id].map { $0.isAsync && $0.outcome == nil } ?? false
        }
        let batches = cluster.batches.values.filter { !$0.isDone }.map { $0.id }
        return OpenAsyncWork(requests: requests, batches: batches)
    }

    /// Async work without an answer yet: `produce … async` requests and named producers' batches.
    struct OpenAsyncWork {
        /// Requests of `produce … async` lines.
        var requests: [ProduceRequestID]
        /// Named producers' batches.
        var batches: [ProducerBatchID]
    }

    /// The outcome of the async answer that arrived last among `open` (ties: the higher id), if any arrived.
    ///
    /// This is what `expect ok` / `expect error` see after a command with no result of its own (`advance`, faults,
    /// `heal`): the most recent outcome in the scenario is the answer that came in while it ran.
    static func lastAsyncOutcome(in cluster: Cluster, open: OpenAsyncWork) -> Outcome? {
        var latest: (time: SimulatedInstant, order: Int, outcome: Outcome)?
        func consider(_ time: SimulatedInstant, _ order: Int, _ outcome: Outcome) {
            if latest.map({ ($0.time, $0.order) < (time, order) }) ?? true { latest = (time, order, outcome) }
        }
        for id in open.requests {
            guard let request = cluster.requests[id], let answer = request.outcome,
                let time = request.completedAt
            else { continue }
            if case .failure(let error) = answer {
                consider(time, id.rawValue, .kafkaError(error))
            } else {
                consider(time, id.rawValue, .ok)
            }
        }
        for id in open.batches {
            guard let batch = cluster.batches[id], let answer = batch.outcome, let time = batch.completedAt
            else { continue }
            switch answer {
            case .acknowledged: consider(time, id.rawValue, .ok)
            case .failed(let error): consider(time, id.rawValue, .kafkaError(error))
            case .unknown(let timeout, _): consider(time, id.rawValue, .kafkaError(timeout))
            }
        }
        return latest?.outcome
    }

    /// One line for a produce request: `t-0: offsets 0..2 (acks=all, after 1s)` or the Kafka error.
    static func describe(_ request: ProduceRequest) -> String {
        let acks = "acks=\(request.acks.rawValue)"
        let after = request.completedAt.map { ($0 - request.sentAt).description }
        switch request.outcome {
        case .success(let base, let count):
            let offsets = count == 1 ? "offset \(base)" : "offsets \(base)..\(base + Int64(count) - 1)"
            return "\(request.partition): \(offsets) (\(acks), after \(after ?? "0s"))"
        case .noResponse(let base, let count):
            let sent = base.map { "appended at \($0)..\($0 + Int64(count) - 1)" } ?? "not delivered"
            return "\(request.partition): sent without waiting (\(acks), \(sent))"
        case .failure(let error):
            return "\(request.partition): error \(error.name) after \(after ?? "0s"): \(error.message)"
        case nil:
            return "\(request.partition): request \(request.id) sent (\(acks), async)"
        }
    }

    /// `orders-0` → that partition; `orders` (a topic name) → all its partitions.
    /// The partitions a target names. For an election (`isElection`) a partition the cluster does not have is
    /// passed on, so it gets Kafka's per-partition error result as `kafka-leader-election --topic t --partition 9`
    /// prints it; otherwise, and for a bare unknown name, it is a script error.
    private mutating func resolve(
        _ target: String, in cluster: Cluster, statement: Statement, isElection: Bool = false
    ) -> [TopicPartition]? {
        if let topic = cluster.topics[target] { return topic.partitions.map({ $0.id }) }
        if let id = TopicPartition(parsing: target), cluster.partition(id) != nil || isElection { return [id] }
        report(
            "unknown topic or partition '\(target)'", statement, at: statement.location(of: "#1"),
            candidates: Array(cluster.topics.keys))
        return nil
    }
}
