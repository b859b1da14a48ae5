import Diagnostics
import Replication

extension ScenarioRunner {
    /// Checks `expect partition|assignment|read|lag|committed` against the live cluster.
    mutating func checkClient(_ expectation: Expectation, statement: Statement) -> ExpectationResult? {
        guard var cluster else {
            fail(statement, "there is no cluster yet", kind: .input)
            return nil
        }
        let actual: String
        let what: String
        func group(_ id: String) -> ConsumerGroup? {
            if let group = cluster.groups[id] { return group }
            diagnostics.append(
                .error(
                    "unknown consumer group '\(id)'", at: statement.location,
                    notes: Suggestion.note(for: id, in: cluster.groups.keys.sorted()).map { [.init($0)] } ?? []))
            return nil
        }
        switch expectation.claim {
        case .partition(let topic, let key, _):
            // A keyed record's partition does not depend on partitioner state, so a copy is enough.
            guard let partition = cluster.choosePartition(topic: topic, key: key, value: "") else {
                diagnostics.append(.error("unknown topic '\(topic)'", at: statement.location))
                return nil
            }
            actual = String(partition)
            what = "partition of key '\(key)' in \(topic)"
        case .assignment(let groupID, let member, _):
            guard let group = group(groupID) else { return nil }
            // A consumer that is not (or no longer) in the group holds nothing: `== none` is how a lesson says so.
            actual = StateQuery.assignment(of: member, in: group)
            what = "assignment of \(member) in \(groupID)"
        case .read(let id, _):
            guard cluster.partition(id) != nil else {
                diagnostics.append(.error("unknown partition \(id)", at: statement.location))
                return nil
            }
            actual = StateQuery.read(id, in: cluster)
            what = "what a consumer reads from \(id)"
        case .lag(let groupID, let id, _), .committed(let groupID, let id, _):
            guard let group = group(groupID) else { return nil }
            if case .lag = expectation.claim {
                actual = StateQuery.lag(of: group, on: id, in: cluster)
                what = "lag of \(groupID) on \(id)"
            } else {
                actual = StateQuery.committed(of: group, on: id)
                what = "committed offset of \(groupID) on \(id)"
            }
        default:
            return nil
        }
        return verdict(expectation, statement: statement, what: what, actual: actual)
    }
}
