import Diagnostics
import Replication

extension ScenarioRunner {
    /// Checks one expectation against the current state; a false claim becomes a verification diagnostic.
    mutating func check(_ expectation: Expectation, statement: Statement) -> ExpectationResult? {
        switch expectation.claim {
        case .ok, .error:
            return checkOutcome(expectation, statement: statement)
        case .highWatermark, .logEndOffset, .epoch, .lost, .invariantsOK:
            return checkEngine(expectation, statement: statement)
        case .partition, .assignment, .read, .lag, .committed:
            return checkClient(expectation, statement: statement)
        case .leader(let id, _), .replicas(let id, _), .isr(let id, _):
            guard let cluster = cluster else {
                fail(statement, "there is no cluster yet", kind: .input)
                return nil
            }
            guard let partition = cluster.partition(id) else {
                let message: String
                var notes: [Diagnostic.Note] = []
                if let topic = cluster.topics[id.topic] {
                    message =
                        "unknown partition \(id): topic '\(id.topic)' has partitions 0 to \(topic.partitions.count - 1)"
                } else {
                    message = "unknown topic '\(id.topic)'"
                    // Only a missing topic gets a spelling suggestion; an existing one would suggest itself.
                    notes = Suggestion.note(for: id.topic, in: cluster.topics.keys.sorted()).map { [.init($0)] } ?? []
                }
                diagnostics.append(.error(message, at: statement.location, notes: notes))
                return nil
            }
            let actual: String
            let passed: Bool
            let what: String
            switch expectation.claim {
            case .leader(_, let expected):
                actual = partition.leader.map(String.init) ?? "none"
                passed = partition.leader == expected
                what = "leader of \(id)"
            case .replicas(_, let expected):
                actual = Self.csv(partition.replicas)
                passed = partition.replicas == expected
                what = "replicas of \(id)"
            case .isr(_, let expected):
                actual = Self.csv(partition.isr)
                passed = Set(partition.isr) == expected && partition.isr.count == expected.count
                what = "ISR of \(id)"
            default:
                return nil
            }
            if !passed {
                fail(
                    statement, "expectation failed: \(what) is \(actual), expected \(Self.expectedText(expectation))",
                    at: expectation.valueLocation)
            }
            return ExpectationResult(passed: passed, actual: actual)
        }
    }

    private mutating func checkOutcome(_ expectation: Expectation, statement: Statement) -> ExpectationResult? {
        guard let last = lastOutcomeForExpectations else {
            fail(statement, "'expect \(Self.expectedText(expectation))' needs a command before it", kind: .input)
            return nil
        }
        let actual: String
        switch last {
        case .kafkaError(let error): actual = error.name
        default: actual = "ok"
        }
        let expected = Self.expectedText(expectation)
        let passed = actual == expected
        if !passed {
            fail(
                statement, "expectation failed: the previous command ended with \(actual), expected \(expected)",
                at: expectation.valueLocation)
        }
        return ExpectationResult(passed: passed, actual: actual)
    }

    /// Compares the actual value with the claim's; a false claim becomes a verification diagnostic at the value.
    mutating func verdict(_ expectation: Expectation, statement: Statement, what: String, actual: String)
        -> ExpectationResult
    {
        let expected = Self.expectedText(expectation)
        let passed = actual == expected
        if !passed {
            fail(
                statement, "expectation failed: \(what) is \(actual), expected \(expected)",
                at: expectation.valueLocation)
        }
        return ExpectationResult(passed: passed, actual: actual)
    }

    static func expectedText(_ expectation: Expectation) -> String {
        switch expectation.claim {
        case .leader(_, let id): id.map(String.init) ?? "none"
        case .replicas(_, let ids): csv(ids)
        case .isr(_, let ids): csv(ids.sorted())
        case .error(let name): name
        case .ok, .invariantsOK: "ok"
        case .highWatermark(_, _, let value), .logEndOffset(_, _, let value), .epoch(_, let value): String(value)
        case .lost(_, let offsets): offsets.isEmpty ? "none" : Cluster.ranges(offsets)
        case .partition(_, _, let partition): String(partition)
        case .assignment(_, _, let partitions):
            partitions.isEmpty ? "none" : partitions.sorted().map { $0.description }.joined(separator: ",")
        case .read(_, let values): values.isEmpty ? "none" : values.joined(separator: ",")
        case .lag(_, _, let value): value.map(String.init) ?? "-"
        case .committed(_, _, let value): value.map(String.init) ?? "none"
        }
    }

    /// Broker ids as claims, completion and the editor's hints write them: `1,2,3`, or `none`.
    public static func csv(_ ids: [BrokerID]) -> String {
        ids.isEmpty ? "none" : ids.map(String.init).joined(separator: ",")
    }
}
