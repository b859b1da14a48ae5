import Course
import Replication
import ScenarioLanguage

/// Inlay hints after each command of a scenario (not after `expect` lines, which state their own values): what the
/// command changed — a partition's leader, ISR or high watermark, a broker's state — so a reader sees the effect
/// of every line without running it.
struct InlayHints {
    var analysis: DocumentAnalysis
    /// The document's scenario runs (where each scenario starts).
    var runs: ScenarioRuns
    var encoding: PositionEncoding

    /// At most this many partitions are named in one hint; more are counted.
    static let maximumPartitions = 3

    /// The hints on the lines of a range, as the protocol's `InlayHint[]`.
    func json(for range: TextRange) -> JSON {
        let text = analysis.text
        let lines = (range.start.line + 1)...(range.end.line + 1)
        var hints: [JSON] = []
        for scenario in analysis.scenarios {
            var previous = runs.startingCluster(ofScenario: scenario.index)
            for step in scenario.transcript.steps {
                defer { if !step.isExpectation { previous = step.cluster } }
                guard !step.isExpectation, lines.contains(step.statement.location.line),
                    let label = Self.label(from: previous, to: step.cluster)
                else { continue }
                let line = text.lineRange(step.statement.location.line - 1)
                hints.append([
                    "position": text.position(ofOffset: line.upperBound, in: encoding).json,
                    "label": .string(label),
                    "paddingLeft": true,
                ])
            }
        }
        return .array(hints)
    }

    /// What changed between two states, in a few words; nil when nothing a reader would look for did.
    static func label(from before: Cluster?, to after: Cluster?) -> String? {
        guard let after else { return nil }
        var parts: [String] = []
        for broker in after.sortedBrokers {
            let state = after.state(of: broker.id)
            if let before, before.brokers[broker.id] != nil, before.state(of: broker.id) != state {
                parts.append("broker \(broker.id) \(state.rawValue)")
            }
        }
        var changed: [String] = []
        for topic in after.sortedTopics {
            for partition in topic.partitions {
                // A new topic announces itself; only partitions that existed before the line can have changed.
                guard let old = before?.partition(partition.id) else { continue }
                var facts: [String] = []
                if old.leader != partition.leader { facts.append("leader \(StateAtLine.leader(partition))") }
                if old.isr != partition.isr { facts.append("ISR \(ScenarioRunner.csv(partition.isr))") }
                if old.highWatermark != partition.highWatermark { facts.append("HW \(partition.highWatermark)") }
                if !facts.isEmpty { changed.append("\(partition.id) " + facts.joined(separator: " ")) }
            }
        }
        parts += changed.prefix(maximumPartitions)
        if changed.count > maximumPartitions { parts.append("+\(changed.count - maximumPartitions) more") }
        return parts.isEmpty ? nil : "→ " + parts.joined(separator: " · ")
    }
}
