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
    /// How `run` and `play --from` name it after the lesson: its name, else its number in the lesson.
    var reference = ""
    /// The section id of the scenario it continues (`continues=`), if any: a sandbox runs that one's lines first.
    var continues: String?
    /// Verified, and how many expectations.
    var verdict: VerifiedMark
    /// The scenario's source lines.
    var sourceLines: [String]
    /// The whole transcript (its `text` is what the `output` block holds): the page writes it line by line.
    var transcript: Transcript
    /// Expectations checked before the first command.
    var leadingChecks: [CheckView]
    /// How many commands (steps) there are.
    var stepCount: Int { timeline.entries.count }

    /// The commands and their checks, from which the steps' views are made one at a time.
    let timeline: Timeline
    /// The cluster before the first step: the final state of the scenario this one continues, else nil.
    private let initialCluster: Cluster?
    /// With `versions=`: the steps that differ on the two releases (see `VersionComparisonHTML`).
    let versionComparison: VersionComparison?

    init(_ scenario: VerifiedScenario) {
        anchor = scenario.anchor
        name = scenario.block.name ?? scenario.anchor
        verdict = VerifiedMark(
            verified: scenario.isVerified, expectations: scenario.transcript.expectationCount, scenarios: 1)
        sourceLines = scenario.block.block.lines
        transcript = scenario.transcript
        timeline = scenario.transcript.timeline
        leadingChecks = timeline.leadingChecks.map(CheckView.init)
        initialCluster = scenario.initialCluster
        versionComparison = scenario.versionComparison
    }

    /// Makes each step's view in order and hands it to `body`. Each step shows only what differs from the step
    /// before, so the views are made in one pass; only the last picture and tables are kept from one to the next.
    func forEachStep<Failure: Error>(_ body: (StepView) throws(Failure) -> Void) throws(Failure) {
        // A scenario that continues another starts from its final state: the first step's changes are counted from
        // there (its first picture and tables are shown all the same, as the section's first).
        var previous = initialCluster
        var memory = StepMemory()
        for entry in timeline.entries {
            try body(
                StepView(
                    entry, total: timeline.entries.count, scenario: anchor, name: name, previous: previous,
                    memory: &memory))
            previous = entry.command.cluster
        }
    }

    /// Every step's view.
    var steps: [StepView] {
        var steps: [StepView] = []
        forEachStep { steps.append($0) }
        return steps
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
    /// The scenario's section id.
    var scenario: String
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
    /// The picture of the cluster after it, when it differs from the step before's.
    var diagram: Diagram?
    /// When the picture did not change: the step whose picture still holds.
    var samePictureAs: Int?

    init(
        _ entry: Timeline.Entry, total: Int, scenario anchor: String, name: String, previous: Cluster?,
        memory: inout StepMemory
    ) {
        number = entry.number
        self.total = total
        id = Anchor.step(scenario: anchor, number: entry.number)
        scenario = anchor
        let step = entry.command
        command = step.statement.text
        if case .kafkaError(let kafkaError) = step.outcome { error = kafkaError.name }
        narration = entry.narration.map { $0.joined(separator: " ") }
        output = step.output
        let stepChanges = SnapshotChanges.changes(from: previous, to: step.cluster)
        changes = stepChanges.sentences
        checks = entry.checks.map(CheckView.init)
        // A picture once there is a topic: before, it would only be empty boxes.
        if let cluster = step.cluster, !cluster.topics.isEmpty {
            let (tableIsUnchanged, sameBoxes) = memory.lookBack(from: cluster)
            let diagram = memory.picture(cluster: cluster, changes: stepChanges, sameBoxes: sameBoxes)
            let drawn = diagram.state
            if let last = memory.lastPicture, last.state == drawn {
                samePictureAs = last.step
            } else {
                self.diagram = diagram
                memory.lastPicture = (entry.number, drawn)
            }
            state = StateView(
                after: cluster, before: previous, changes: stepChanges, tableIsUnchanged: tableIsUnchanged,
                step: entry.number, scenario: name, memory: &memory)
        }
    }
}

/// What a scenario's steps carry from one to the next: the last picture and tables shown (each step shows only
/// what differs), and the partitions the pictures draw the logs of.
struct StepMemory {
    /// The partitions whose logs the last picture drew: a step that touches no partition keeps them.
    var focus: [TopicPartition] = []
    /// The last step with a picture of its own, and that picture's state (`Diagram.state`).
    var lastPicture: (step: Int, state: Diagram)?
    /// The cluster of the last step with a picture and tables (a step whose cluster has topics).
    var lastCluster: Cluster?
    /// The last picture's boxes (of `lastCluster`); `isHighlighted` when the picture highlighted some (then the
    /// highlights are cleared before the boxes are taken again).
    var boxes: (columns: [Diagram.Column], isHighlighted: Bool)?
    /// The brokers in display order, kept while they do not change.
    var brokerOrder = BrokerOrder()
    /// The replica tables made at a step, by partition.
    var replicaTables: (step: Int, tables: [TopicPartition: [ReplicaTable.Row]]) = (0, [:])
    /// The broker table after the step before.
    var brokerTable: BrokerTable?
    /// `kafka-topics.sh --describe` after the step before (its lines remade only where they changed).
    var describe = TopicDescription.Kept()
    /// Each consumer group's `kafka-consumer-groups.sh --describe` after the step before.
    var groups: [String: [String]] = [:]

    /// Keeps `cluster` as the last one with a picture and tables, and tells whether the broker table and the boxes
    /// of the one it replaces are certainly those of `cluster` (the boxes unhighlighted): asked once for both.
    mutating func lookBack(from cluster: Cluster) -> (tableIsUnchanged: Bool, sameBoxes: Bool) {
        var last: Cluster? = cluster
        swap(&last, &lastCluster)
        guard let last, BrokerTable.isUnchanged(from: last, to: cluster) else { return (false, false) }
        return (true, cluster.hasSameBrokerStatus(as: last))
    }

    /// The picture after a step: the logs of the partitions it touched (else those drawn before; at first, every
    /// partition when there are only a few). `sameBoxes`: the last picture's boxes are certainly this one's,
    /// unhighlighted (the same brokers, states, fencing and placements).
    mutating func picture(cluster: Cluster, changes: StepChanges, sameBoxes: Bool) -> Diagram {
        var partitions = 0
        for topic in cluster.topics.values { partitions += topic.partitions.count }
        // Logs with no records say nothing, except for a cluster's only partition (where the commit path starts).
        let touched = changes.touchedPartitions.filter {
            partitions == 1 || Self.hasRecords(cluster.partition($0), in: cluster)
        }
        if !touched.isEmpty {
            focus = touched
        } else if focus.isEmpty, partitions == 1 {
            focus = cluster.sortedTopics.flatMap { $0.partitions.map { $0.id } }
        }
        var unchanged: [Diagram.Column]?
        if let boxes, sameBoxes {
            unchanged = boxes.isHighlighted ? Diagram.unhighlighted(boxes.columns) : boxes.columns
        }
        let diagram = Diagram(
            cluster: cluster, changes: changes, focus: focus, brokers: brokerOrder.brokers(of: cluster),
            unchanged: unchanged)
        boxes = (diagram.columns, diagram.highlightsBoxes)
        return diagram
    }

    private static func hasRecords(_ partition: PartitionState?, in cluster: Cluster) -> Bool {
        guard let partition else { return false }
        return !cluster.lostOffsets(of: partition.id).isEmpty || partition.logs.values.contains { $0.logEndOffset > 0 }
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

    /// `tableIsUnchanged`: the broker table of the last step with a state is certainly this one's
    /// (`BrokerTable.isUnchanged`), so it is not made again.
    init(
        after cluster: Cluster, before previous: Cluster?, changes: StepChanges, tableIsUnchanged: Bool, step: Int,
        scenario: String, memory: inout StepMemory
    ) {
        self.step = step
        if memory.brokerTable == nil || !tableIsUnchanged {
            let table = BrokerTable(cluster: cluster, brokers: memory.brokerOrder.brokers(of: cluster))
            if table != memory.brokerTable {
                let earlier =
                    memory.brokerTable ?? previous.flatMap { $0.topics.isEmpty ? nil : BrokerTable(cluster: $0) }
                var caption = TextBytes()
                caption.append("Brokers after step ")
                caption.append(step)
                caption.append(" of ")
                caption.append(scenario)
                brokerTable = BrokerTableView(
                    table: table, previous: earlier, changedBrokers: changes.brokersWithNewState,
                    caption: caption.text)
            }
            memory.brokerTable = table
        }
        let touched = changes.touchedPartitions
        // The step before's replica tables are of `previous` (steps are numbered one after the other): a partition
        // touched by both steps has its rows made once. Only the rows are shown (the caption says the rest), so the
        // table's header line is not made.
        let before = memory.replicaTables.step == step - 1 ? memory.replicaTables.tables : [:]
        var made: [TopicPartition: [ReplicaTable.Row]] = [:]
        replicaTables = touched.prefix(Self.replicaTableLimit).compactMap { id in
            guard let partition = cluster.partition(id), let rows = ReplicaTable.rows(cluster: cluster, partition: id)
            else { return nil }
            made[id] = rows
            var caption = TextBytes()
            caption.append("Replicas of ")
            caption.append(id.description)
            caption.append(" after step ")
            caption.append(step)
            if let leader = partition.leader {
                caption.append(": leader B")
                caption.append(leader)
                caption.append(", high watermark ")
                caption.append(partition.highWatermark)
            } else {
                caption.append(": leader none, high watermark none (no leader)")
            }
            return ReplicaTableView(
                partition: id, rows: rows,
                previous: before[id] ?? previous.flatMap { ReplicaTable.rows(cluster: $0, partition: id) },
                caption: caption.text)
        }
        memory.replicaTables = (step, made)
        morePartitions = max(0, touched.count - Self.replicaTableLimit)
        groups = cluster.groups.keys.sorted().compactMap { group in
            let now = ConsumerGroupDescription(cluster: cluster, group: group).lines
            defer { memory.groups[group] = now }
            return now == memory.groups[group] ? nil : GroupView(name: group, lines: Array(now.drop { $0.isEmpty }))
        }
        if memory.describe.update(to: cluster) { describe = memory.describe.lines }
    }
}

/// A consumer group as `kafka-consumer-groups.sh --describe` prints it.
struct GroupView {
    var name: String
    var lines: [String]
}
