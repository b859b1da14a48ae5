import Diagnostics
import Replication

extension ScenarioRunner {
    /// Checks `expect hw|leo|epoch|lost|invariants` against the live cluster.
    mutating func checkEngine(_ expectation: Expectation, statement: Statement) -> ExpectationResult? {
        guard let cluster else {
            fail(statement, "there is no cluster yet", kind: .input)
            return nil
        }
        let actual: String
        let what: String
        switch expectation.claim {
        case .invariantsOK:
            let breaks = cluster.invariantBreaks
            actual = breaks.isEmpty ? "ok" : breaks.map { $0.description }.joined(separator: "; ")
            what = "the invariants"
        case .highWatermark(let id, _, _), .logEndOffset(let id, _, _), .epoch(let id, _), .lost(let id, _):
            guard let partition = cluster.partition(id) else {
                diagnostics.append(.error("unknown partition \(id)", at: statement.location))
                return nil
            }
            switch expectation.claim {
            case .highWatermark(_, nil, _):
                actual = String(partition.highWatermark)
                what = "HW of \(id)"
            case .highWatermark(_, let broker?, _):
                // A follower's own HW: what it took from its last fetch response, min(leader HW, its LEO)
                // (Kafka: `ReplicaFetcherThread.processPartitionData` → `UnifiedLog.updateHighWatermark`).
                guard let log = partition.logs[broker] else {
                    fail(statement, "broker \(broker) holds no replica of \(id)", at: expectation.valueLocation)
                    return ExpectationResult(passed: false, actual: "none")
                }
                actual = String(log.highWatermark)
                what = "HW of \(id) on broker \(broker)"
            case .logEndOffset(_, let broker, _):
                guard let replica = broker ?? partition.leader, let log = partition.logs[replica] else {
                    let message =
                        broker.map { "broker \($0) holds no replica of \(id)" } ?? "\(id) has no leader"
                    fail(statement, message, at: expectation.valueLocation)
                    return ExpectationResult(passed: false, actual: "none")
                }
                actual = String(log.logEndOffset)
                what = "LEO of \(id) on broker \(replica)"
            case .epoch:
                actual = String(partition.leaderEpoch)
                what = "leader epoch of \(id)"
            default:
                let lost = cluster.lostOffsets(of: id)
                actual = lost.isEmpty ? "none" : Cluster.ranges(lost)
                what = "lost records of \(id)"
            }
        default:
            return nil
        }
        return verdict(expectation, statement: statement, what: what, actual: actual)
    }
}
