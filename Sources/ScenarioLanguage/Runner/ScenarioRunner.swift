import Diagnostics
import Replication

/// Runs a parsed scenario on the replication engine, step by step, checking every expectation.
public struct ScenarioRunner {
    /// The cluster so far (nil until `cluster` or `broker` creates it).
    public internal(set) var cluster: Cluster?
    private let seed: UInt64
    /// The Kafka release a `cluster` line without `kafka=` (or a `broker` line) makes.
    public let kafka: KafkaVersion
    /// The caps this scenario runs under.
    public let limits: Limits
    private var lastOutcome: Outcome?
    private var steps: [Step] = []
    var diagnostics: [Diagnostic] = []
    /// Set once a cap of `Limits` stopped the scenario: later statements are not run.
    public private(set) var isStopped = false
    /// Transcript bytes printed so far, for `Limits.outputBytes`.
    var outputBytes = 0
    /// Records written so far, once per replica, for `Limits.scenarioRecords`.
    var recordsWritten: Int64 = 0
    /// Whether the clusters this runner makes skip idle stretches of time (`Cluster.skipsIdleTime`, on by default).
    /// Off only for differential checks that skipping changes nothing (the runner fuzz target): the transcript must
    /// be the same, but event by event a long `advance` does far more work and may stop at the work cap instead.
    public var skipsIdleTime = true

    /// The outcome of the most recent command (not expectation), for `expect ok` / `expect error`.
    var lastOutcomeForExpectations: Outcome? { lastOutcome }

    /// Records a false claim (or, with `kind: .input`, a claim that cannot be checked).
    mutating func fail(
        _ statement: Statement, _ message: String, at location: SourceLocation? = nil,
        kind: Diagnostic.Kind = .verification
    ) {
        diagnostics.append(Diagnostic(.error, kind: kind, at: location ?? statement.location, message))
    }

    /// Values captured with `let`, by name.
    public internal(set) var variables: [String: String] = [:]

    /// Creates a runner; `seed` drives every random choice of the engine; clusters behave as `kafka` unless their
    /// `cluster` line says otherwise; the scenario runs under `limits`.
    public init(seed: UInt64 = 0, kafka: KafkaVersion = .newest, limits: Limits = .standard) {
        self.seed = seed
        self.kafka = kafka
        self.limits = limits
    }

    /// Runs a whole script and returns its transcript.
    public static func run(
        _ script: Script, seed: UInt64 = 0, kafka: KafkaVersion = .newest, limits: Limits = .standard
    ) -> Transcript {
        var runner = ScenarioRunner(seed: seed, kafka: kafka, limits: limits)
        for statement in script.statements { runner.execute(statement) }
        return runner.transcript
    }

    /// The transcript of everything executed so far.
    public var transcript: Transcript { Transcript(steps: steps, diagnostics: diagnostics) }

    /// Executes one statement and records its step.
    public mutating func execute(_ statement: Statement) {
        guard !isStopped else { return }
        if let problem = capProblem(before: statement, on: cluster) {
            diagnostics.append(Self.capDiagnostic(problem, at: statement.location))
            steps.append(Step(statement: statement, output: [], outcome: .ok, cluster: cluster, expectation: nil))
            isStopped = true
            return
        }
        var output: [String] = []
        var outcome = Outcome.ok
        var result: ExpectationResult?
        switch statement.command {
        case .expect(let expectation):
            result = check(expectation, statement: statement)
            outcome = .notACommand
        case .deferred(let line, let map):
            runDeferred(line, map: map, statement: statement)
            return
        case .letValue(let name, let query):
            guard let current = requireCluster(statement) else { return }
            switch query.evaluate(in: current) {
            case .success(let value):
                variables[name] = value
                output = ["\(name) = \(value)"]
            case .failure(let error):
                report(error.message, statement, at: statement.location(of: "#0"))
                return
            }
        case .cluster(let count, let racks, let version, let settings):
            if cluster != nil {
                report(
                    "the cluster already exists; 'cluster' must come before any 'broker' or other 'cluster' line",
                    statement)
                return
            }
            var new = Cluster(seed: seed, kafka: version ?? kafka)
            new.budget = limits.engineBudget
            new.skipsIdleTime = skipsIdleTime
            for id in 0..<count {
                // Racks hold contiguous blocks of ids: 6 brokers in 2 racks → R1 = 0,1,2 and R2 = 3,4,5.
                let rack = racks.map { "R\(id * $0 / count + 1)" }
                try? new.addBroker(Broker(id: id, rack: rack))
            }
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
                // Validated by the parser; the brokers start with these settings.
                try? new.setStartupConfig(key, value)
            }
            cluster = new
            // A release named on the line is echoed; the default one is named by the page or `run` around it.
            output = [Self.summary(of: new) + (version.map { " (Kafka \($0.text))" } ?? "")]
        case .broker(let id, let rack):
            var current = cluster ?? Cluster(seed: seed, kafka: kafka)
            current.budget = limits.engineBudget
            current.skipsIdleTime = skipsIdleTime
            do {
                try current.addBroker(Broker(id: id, rack: rack))
            } catch {
                report(error.description, statement, at: statement.location(of: "#0"))
                return
            }
            cluster = current
            output = ["Added broker \(id)" + (rack.map { " in rack \($0)." } ?? ".")]
        case .topic(let name, let partitions, let factor, let placement, let configs):
            guard var current = requireCluster(statement) else { return }
            do {
                try current.createTopic(
                    name, partitions: partitions, replicationFactor: factor, placement: placement, configs: configs)
                output = ["Created topic \(name)."]
            } catch {
                outcome = .kafkaError(error)
                output = ["Error while executing topic command : \(error.message)", "error: \(error.name)"]
            }
            cluster = current
        case .manualTopic(let name, let text, let configs):
            guard var current = requireCluster(statement) else { return }
            do {
                // Kafka: TopicCommand parses the lists, then CreateTopics carries them with partitions and
                // replication factor -1; later partitions are placed as the default placement places them.
                let assignment = try Cluster.parseReplicaAssignment(text)
                try current.createTopic(
                    name, partitions: assignment.count, replicationFactor: assignment.first?.count ?? 0,
                    placement: .adminUtils(startIndex: 0), configs: configs, replicaAssignment: assignment)
                output = ["Created topic \(name)."]
            } catch {
                outcome = .kafkaError(error)
                output = ["Error while executing topic command : \(error.message)", "error: \(error.name)"]
            }
            cluster = current
        case .addPartitions(let topic, let count):
            guard var current = requireCluster(statement) else { return }
            do {
                try current.addPartitions(topic: topic, totalCount: count)
                output = ["Topic \(topic) now has \(count) partitions."]
            } catch {
                outcome = .kafkaError(error)
                output = ["Error while executing topic command : \(error.message)", "error: \(error.name)"]
            }
            cluster = current
        case .describe(let topic, let filter):
            guard let current = requireCluster(statement) else { return }
            if let topic, current.topics[topic] == nil {
                let error = KafkaError("UNKNOWN_TOPIC_OR_PARTITION", "Topic '\(topic)' does not exist as expected")
                outcome = .kafkaError(error)
                output = ["Error while executing topic command : \(error.message)", "error: \(error.name)"]
            } else {
                output = TopicDescription(cluster: current, topics: topic.map { [$0] } ?? [], filter: filter).lines
            }
        case .brokers(let topic):
            guard let current = requireCluster(statement) else { return }
            if let topic, current.topics[topic] == nil {
                report(
                    "unknown topic '\(topic)'", statement, at: statement.location(of: "#0"),
                    candidates: Array(current.topics.keys))
                return
            }
            output = BrokerTable(cluster: current, topic: topic).textLines
        case .advance, .fault, .heal, .elect, .config, .produce, .replicas, .explain, .producer, .consume, .group:
            guard var current = requireCluster(statement) else { return }
            guard let result = runEngineCommand(statement, on: &current) else { return }
            cluster = current
            output = result.output
            outcome = result.outcome
        }
        if outcome != .notACommand { lastOutcome = outcome }
        if case .produce(let command) = statement.command, let cluster {
            let replicas = cluster.partition(TopicPartition(command.topic, command.partition ?? 0))?.replicas.count
            recordsWritten += Int64(command.count) * Int64(max(1, replicas ?? 1))
        }
        outputBytes += statement.text.utf8.count + 3 + output.reduce(0) { $0 + $1.utf8.count + 1 }
        steps.append(
            Step(statement: statement, output: output, outcome: outcome, cluster: cluster, expectation: result))
        if let problem = capProblem(after: statement, output: output, on: cluster) {
            diagnostics.append(Self.capDiagnostic(problem, at: statement.location))
            isStopped = true
        }
    }

    /// One line describing a new cluster: `6 brokers: R1 = 0,1,2; R2 = 3,4,5`.
    static func summary(of cluster: Cluster) -> String {
        let brokers = cluster.sortedBrokers
        let count = "\(brokers.count) broker\(brokers.count == 1 ? "" : "s")"
        guard brokers.contains(where: { $0.rack != nil }) else {
            return "\(count): \(brokers.map { String($0.id) }.joined(separator: ","))"
        }
        var racks: [String: [BrokerID]] = [:]
        for broker in brokers { racks[broker.rack ?? "-", default: []].append(broker.id) }
        let parts = racks.keys.sorted().map { "\($0) = \(racks[$0]!.map(String.init).joined(separator: ","))" }
        return "\(count): \(parts.joined(separator: "; "))"
    }

    mutating func requireCluster(_ statement: Statement) -> Cluster? {
        if let cluster { return cluster }
        report("there is no cluster yet; start the scenario with 'cluster brokers=<n>' or 'broker <id>'", statement)
        return nil
    }

    mutating func report(
        _ message: String, _ statement: Statement, at location: SourceLocation? = nil, candidates: [String] = []
    ) {
        var notes: [Diagnostic.Note] = []
        if let suggestion = Suggestion.note(
            for: message.split(separator: "'").dropFirst().first.map(String.init) ?? "", in: candidates)
        {
            notes.append(.init(suggestion))
        }
        diagnostics.append(.error(message, at: location ?? statement.location, notes: notes))
        steps.append(Step(statement: statement, output: [], outcome: .ok, cluster: cluster, expectation: nil))
    }
}
