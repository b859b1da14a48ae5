import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// A verified scenario as a timeline: its source, then each step with the command, its output, what changed, the
/// checks that ran after it, and the cluster state (broker table, `kafka-topics --describe`).
struct ScenarioSection {
    var scenario: VerifiedScenario
    var anchor: String

    /// A command and the expectations checked right after it.
    struct Timeline {
        var step: Step
        var checks: [Step]
        var previousCluster: Cluster?
    }

    var timeline: [Timeline] {
        var entries: [Timeline] = []
        var previous: Cluster?
        for step in scenario.transcript.steps {
            if step.isExpectation, !entries.isEmpty {
                entries[entries.count - 1].checks.append(step)
            } else if !step.isExpectation {
                entries.append(Timeline(step: step, checks: [], previousCluster: previous))
                previous = step.cluster
            }
        }
        return entries
    }

    var html: String {
        let name = scenario.block.name ?? anchor
        let entries = timeline
        let mark = VerifiedMark(
            verified: scenario.isVerified, expectations: scenario.transcript.expectationCount, scenarios: 1)
        var out =
            "<section class=\"scenario\" id=\"\(HTML.escape(anchor))\" aria-labelledby=\"\(HTML.escape(anchor))-title\" data-steps=\"\(entries.count)\">\n"
        out +=
            "<h3 class=\"scenario-title\" id=\"\(HTML.escape(anchor))-title\"><a class=\"anchor\" href=\"#\(HTML.escape(anchor))\">Scenario <code>\(HTML.escape(name))</code></a> \(mark.html)</h3>\n"
        out +=
            "<details class=\"source\"><summary>Scenario source (\(scenario.block.block.lines.count) lines)</summary><pre><code>"
        for (index, line) in scenario.block.block.lines.enumerated() {
            out += "<span class=\"ln\" aria-hidden=\"true\">\(index + 1)</span>\(HTML.escape(line))\n"
        }
        out += "</code></pre></details>\n"
        out += "<div class=\"stepper\" hidden><button type=\"button\" data-action=\"prev\">← Previous</button> "
        out += "<button type=\"button\" data-action=\"play\" aria-pressed=\"false\">▶ Play</button> "
        out += "<button type=\"button\" data-action=\"next\">Next →</button> "
        out += "<span class=\"step-status\" aria-live=\"polite\"></span></div>\n"
        out += "<ol class=\"steps\">\n"
        for (index, entry) in entries.enumerated() {
            out += stepHTML(entry, number: index + 1, of: entries.count, scenarioName: name)
        }
        out += "</ol>\n"
        out +=
            "<details class=\"transcript\"><summary>Full transcript</summary><pre><code>\(HTML.escape(scenario.transcript.text))</code></pre></details>\n"
        out += "</section>\n"
        return out
    }

    private func stepHTML(_ entry: Timeline, number: Int, of total: Int, scenarioName: String) -> String {
        let id = Anchor.step(scenario: anchor, number: number)
        let step = entry.step
        var out = "<li class=\"step\" id=\"\(HTML.escape(id))\">\n<details open>\n"
        out +=
            "<summary><a class=\"step-no\" href=\"#\(HTML.escape(id))\">Step \(number)<span class=\"visually-hidden\"> of \(total)</span></a> <code class=\"command\">\(HTML.escape(step.statement.text))</code>"
        if case .kafkaError(let error) = step.outcome {
            out +=
                " <span class=\"outcome error\"><span aria-hidden=\"true\">⚠</span> \(HTML.escape(error.name))</span>"
        }
        out += "</summary>\n"
        if !step.output.isEmpty {
            out += "<pre class=\"output\"><code>\(HTML.escape(step.output.joined(separator: "\n")))</code></pre>\n"
        }
        let changes = StepChanges(from: entry.previousCluster, to: step.cluster)
        if !changes.sentences.isEmpty {
            out +=
                "<p class=\"changes\"><strong>What changed:</strong> \(HTML.escape(changes.sentences.joined(separator: " ")))</p>\n"
        }
        if !entry.checks.isEmpty {
            out += "<ul class=\"checks\" aria-label=\"Expectations checked after this step\">\n"
            for check in entry.checks {
                let passed = check.expectation?.passed ?? false
                let symbol = passed ? "✓" : "✗"
                let word = passed ? "holds" : "fails (actual: \(check.expectation?.actual ?? "?"))"
                out +=
                    "<li class=\"\(passed ? "pass" : "fail")\"><span aria-hidden=\"true\">\(symbol)</span> <code>\(HTML.escape(check.statement.text))</code> <span class=\"verdict\">\(HTML.escape(word))</span></li>\n"
            }
            out += "</ul>\n"
        }
        if let cluster = step.cluster, !cluster.topics.isEmpty {
            out +=
                BrokerTableHTML(
                    table: BrokerTable(cluster: cluster), caption: "Brokers after step \(number) of \(scenarioName)",
                    changed: entry.previousCluster == nil ? [] : changes.changedCells,
                    changedBrokers: changes.changedBrokers
                ).html
            // Per-replica tables for the partitions this step changed (at most four; the rest are in describe).
            for id in changes.changedPartitions.prefix(4) {
                guard let table = ReplicaTable(cluster: cluster, partition: id) else { continue }
                let previous = entry.previousCluster.flatMap { ReplicaTable(cluster: $0, partition: id) }
                let leader = cluster.partition(id)?.leader.map { "B\($0)" } ?? "none"
                let caption =
                    "Replicas of \(id) after step \(number): leader \(leader), high watermark \(cluster.partition(id)?.highWatermark ?? 0)"
                out += ReplicaTableHTML(table: table, partition: id, previous: previous, caption: caption).html
            }
            if changes.changedPartitions.count > 4 {
                let more = changes.changedPartitions.count - 4
                out +=
                    "<p class=\"more\">\(more) more partition\(more == 1 ? "" : "s") changed; see <code>kafka-topics.sh --describe</code> below.</p>\n"
            }
            // Consumer groups whose view changed in this step, as kafka-consumer-groups.sh --describe shows them.
            for group in cluster.engine.groups.keys.sorted() {
                let now = ConsumerGroupDescription(cluster: cluster, group: group).lines
                let before = entry.previousCluster.map { ConsumerGroupDescription(cluster: $0, group: group).lines }
                guard now != before else { continue }
                out +=
                    "<figure class=\"group\"><figcaption>Consumer group <code>\(HTML.escape(group))</code> after step \(number) (<code>kafka-consumer-groups.sh --describe</code>)</figcaption><pre><code>\(HTML.escape(now.drop { $0.isEmpty }.joined(separator: "\n")))</code></pre></figure>\n"
            }
            let describe = TopicDescription(cluster: cluster).lines.joined(separator: "\n")
            out +=
                "<details class=\"describe\"><summary><code>kafka-topics.sh --describe</code> after step \(number)</summary><pre><code>\(HTML.escape(describe))</code></pre></details>\n"
        }
        out += "</details>\n</li>\n"
        return out
    }
}
