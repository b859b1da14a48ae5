import Replication
import ScenarioLanguage

extension Completion {
    /// Items inside a prose reference being typed (`{{…` with no `}}` after it on the line): scenario names to read
    /// from (`name:`, `name/step-n:`) and query words, then each next word of the query against the state the
    /// reference reads: the named scenario or step, else the end of the last scenario above, as `check` reads it.
    func referenceItems(before: String, word: String, fileLine: Int) -> ([CompletionItem], valueStart: Int)? {
        guard let open = before.ranges(of: "{{").last, !before[open.upperBound...].contains("}}") else { return nil }
        let inner = before[open.upperBound...]
        let colon = inner.firstIndex(of: ":")
        let query = colon.map { inner[inner.index(after: $0)...] } ?? inner
        let pieces = query.split(separator: " ", omittingEmptySubsequences: false)
        let partial = pieces.last.map(String.init) ?? ""
        let complete = pieces.dropLast().filter { !$0.isEmpty }.map(String.init)
        let valueStart = max(0, word.utf8.count - partial.utf8.count)
        let above = analysis.scenarios.filter { ($0.block?.block.openingLine ?? .max) < fileLine }
        let target = colon.map { inner[..<$0].trimmingCharacters(in: " ") }
        guard let cluster = Self.cluster(readBy: target, above: above) else {
            return (target == nil && complete.isEmpty ? targetItems(above) : [], valueStart)
        }
        var items = Self.queryItems(after: complete, cluster: cluster)
        if target == nil, complete.isEmpty { items = targetItems(above) + items }
        return (items, valueStart)
    }

    /// `name:` and `name/step-n:` for each named scenario above.
    private func targetItems(_ above: [ScenarioView]) -> [CompletionItem] {
        var items: [CompletionItem] = []
        for scenario in above {
            guard let name = scenario.name else { continue }
            items.append(CompletionItem(label: name + ":", kind: .reference, detail: "end of the scenario"))
            for (number, step) in scenario.transcript.steps.filter({ !$0.isExpectation }).enumerated() {
                items.append(
                    CompletionItem(
                        label: "\(name)/step-\(number + 1):", kind: .reference, detail: step.statement.text))
            }
        }
        return items
    }

    /// The cluster a reference reads: the named scenario's end or step, or the end of the last scenario above.
    private static func cluster(readBy target: String?, above: [ScenarioView]) -> Cluster? {
        guard let target else {
            // The last scenario above that ran: one being written may have a line that does not parse yet.
            return above.reversed().lazy.compactMap { $0.transcript.steps.last(where: { !$0.isExpectation })?.cluster }
                .first
        }
        let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
        guard let name = parts.first, let scenario = above.first(where: { $0.name == name }) else { return nil }
        let steps = scenario.transcript.steps.filter { !$0.isExpectation }
        guard parts.count == 2 else { return steps.last?.cluster }
        guard parts[1].hasPrefix("step-"), let number = Int(parts[1].dropFirst(5)), steps.indices.contains(number - 1)
        else { return nil }
        return steps[number - 1].cluster
    }
}
