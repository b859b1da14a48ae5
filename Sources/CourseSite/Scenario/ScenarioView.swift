import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// What the site shows of a verified scenario, decided apart from how it is marked up: per step the command, the
/// author's narration, the output, what changed, the checks, and which tables changed (only those are shown).
struct ScenarioView {
    /// The section's id.
    var anchor: String
    /// The scenario's name (its anchor when it has none).
    var name: String
    /// Verified, and how many expectations.
    var verdict: VerifiedMark
    /// The scenario's source lines.
    var sourceLines: [String]
    /// The whole transcript, as the `output` block holds it.
    var transcript: String
    /// Expectations checked before the first command.
    var leadingChecks: [CheckView]
    /// The commands.
    var steps: [StepView]

    init(_ scenario: VerifiedScenario) {
        anchor = scenario.anchor
        name = scenario.block.name ?? scenario.anchor
        verdict = VerifiedMark(
            verified: scenario.isVerified, expectations: scenario.transcript.expectationCount, scenarios: 1)
        sourceLines = scenario.block.block.lines
        transcript = scenario.transcript.text
        let timeline = scenario.transcript.timeline
        leadingChecks = timeline.leadingChecks.map(CheckView.init)
        var steps: [StepView] = []
        var previous: Cluster?
        for entry in timeline.entries {
            steps.append(
                StepView(
                    entry, total: timeline.entries.count, scenario: scenario.anchor, name: name, previous: previous))
            previous = entry.command.cluster
        }
        self.steps = steps
    }
}

/// One step: a command and what belongs to it.
struct StepView {
    /// 1-based.
    var number: Int
    /// How many steps the scenario has.
    var total: Int
    /// The step's id (`scenario-<name>/step-<n>`).
    var id: String
    /// The command as written.
    var command: String
    /// The Kafka error the command ended with, if any.
    var error: String?
    /// The author's narration, one paragraph per block of comment lines (the lines of a block joined).
    var narration: [String]
    /// What the command printed.
    var output: [String]
    /// What changed, in words.
    var changes: [String]
    /// The expectations checked after it.
    var checks: [CheckView]
    /// The cluster's state after it, as far as it changed (nil before there is a topic).
    var state: StateView?

    init(_ entry: Timeline.Entry, total: Int, scenario anchor: String, name: String, previous: Cluster?) {
        number = entry.number
        self.total = total
        id = Anchor.step(scenario: anchor, number: entry.number)
        let step = entry.command
        command = step.statement.text
        if case .kafkaError(let kafkaError) = step.outcome { error = kafkaError.name }
        narration = entry.narration.map { $0.joined(separator: " ") }
        output = step.output
        let stepChanges = SnapshotChanges.changes(from: previous, to: step.cluster)
        changes = stepChanges.sentences
        checks = entry.checks.map(CheckView.init)
        if let cluster = step.cluster, !cluster.topics.isEmpty {
            state = StateView(
                after: cluster, before: previous, changes: stepChanges, step: entry.number, scenario: name)
        }
    }
}

/// An expectation and its verdict.
struct CheckView {
    var statement: String
    var passed: Bool
    var actual: String

    init(_ step: Step) {
        statement = step.statement.text
        passed = step.expectation?.passed ?? false
        actual = step.expectation?.actual ?? "?"
    }
}

/// The tables of a step: each only when it differs from the step before.
struct StateView {
    /// The broker table, when it changed.
    var brokerTable: BrokerTableView?
    /// Per-replica tables of the partitions the step touched (at most `replicaTableLimit`).
    var replicaTables: [ReplicaTableView]
    /// How many more partitions the step touched.
    var morePartitions: Int
    /// Consumer groups whose `kafka-consumer-groups.sh --describe` changed.
    var groups: [GroupView]
    /// `kafka-topics.sh --describe`, when it changed.
    var describe: [String]?
    /// The step's number.
    var step: Int

    /// At most this many replica tables per step; the rest are in `--describe`.
    static let replicaTableLimit = 4

    init(after cluster: Cluster, before previous: Cluster?, changes: StepChanges, step: Int, scenario: String) {
        self.step = step
        let table = BrokerTable(cluster: cluster)
        let previousTable = previous.map { BrokerTable(cluster: $0) }
        if table != previousTable {
            brokerTable = BrokerTableView(
                table: table, previous: previousTable, changedBrokers: changes.brokersWithNewState,
                caption: "Brokers after step \(step) of \(scenario)")
        }
        let touched = changes.touchedPartitions
        replicaTables = touched.prefix(Self.replicaTableLimit).compactMap { id in
            guard let table = ReplicaTable(cluster: cluster, partition: id), let partition = cluster.partition(id)
            else { return nil }
            let leader = partition.leader.map { "B\($0)" } ?? "none"
            let highWatermark = partition.leader == nil ? "none (no leader)" : String(partition.highWatermark)
            return ReplicaTableView(
                table: table, previous: previous.flatMap { ReplicaTable(cluster: $0, partition: id) },
                caption: "Replicas of \(id) after step \(step): leader \(leader), high watermark \(highWatermark)")
        }
        morePartitions = max(0, touched.count - Self.replicaTableLimit)
        groups = cluster.engine.groups.keys.sorted().compactMap { group in
            let now = ConsumerGroupDescription(cluster: cluster, group: group).lines
            let before = previous.map { ConsumerGroupDescription(cluster: $0, group: group).lines }
            return now == before ? nil : GroupView(name: group, lines: Array(now.drop { $0.isEmpty }))
        }
        let lines = TopicDescription(cluster: cluster).lines
        let previousLines = previous.flatMap { $0.topics.isEmpty ? nil : TopicDescription(cluster: $0).lines }
        describe = lines == previousLines ? nil : lines
    }

    /// Whether nothing is shown.
    var isEmpty: Bool {
        brokerTable == nil && replicaTables.isEmpty && groups.isEmpty && describe == nil && morePartitions == 0
    }
}

/// A consumer group as `kafka-consumer-groups.sh --describe` prints it.
struct GroupView {
    var name: String
    var lines: [String]
}
