import Testing

@testable import Replication

/// Seeded random fault schedules: clean elections never lose an acknowledged acks=all record and break no invariant;
/// unclean elections with min ISR 1 do lose data, and the engine reports it.
@Suite struct RandomFaultScheduleTests {
    struct Outcome {
        var cluster: Cluster
        var acknowledged: [Int: String] = [:]
    }

    static func run(seed: UInt64, minIsr: Int, unclean: Bool, steps: Int = 40) -> Outcome {
        var random = SplitMix64(seed: seed)
        var outcome = Outcome(cluster: TestCluster.make(minIsr: minIsr, unclean: unclean))
        var counter = 0
        for _ in 0..<steps {
            let broker = Int.random(in: 1...3, using: &random)
            let state = outcome.cluster.state(of: broker)
            switch Int.random(in: 0..<10, using: &random) {
            case 0: if state == .up || state == .stalled { try? outcome.cluster.apply(.crash, to: broker) }
            case 1: if state == .crashed { try? outcome.cluster.apply(.restart, to: broker) }
            case 2: if state == .up { try? outcome.cluster.apply(.stall, to: broker) }
            case 3: if state == .stalled { try? outcome.cluster.apply(.resume, to: broker) }
            case 4: if state == .up { try? outcome.cluster.apply(.isolate, to: broker) }
            case 5: if state == .isolated { try? outcome.cluster.apply(.heal, to: broker) }
            case 6, 7, 8:
                let values = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    counter += 1
                    return "m\(counter)"
                }
                if let request = try? outcome.cluster.produceAndWait(to: TestCluster.tp, values: values, acks: .all),
                    case .success(let base, _) = request.outcome
                {
                    for (index, value) in values.enumerated() { outcome.acknowledged[base + index] = value }
                }
            default:
                outcome.cluster.advance(by: Int.random(in: 1...30, using: &random) * 500)
            }
        }
        // Repair everything and let the cluster settle.
        for broker in 1...3 {
            switch outcome.cluster.state(of: broker) {
            case .crashed, .shutDown: try? outcome.cluster.apply(.restart, to: broker)
            case .stalled: try? outcome.cluster.apply(.resume, to: broker)
            case .isolated: try? outcome.cluster.apply(.heal, to: broker)
            case .up: break
            }
        }
        outcome.cluster.advance(by: 60_000)
        return outcome
    }

    @Test(arguments: 0..<100)
    func cleanElectionsLoseNothingAcknowledged(seed: Int) {
        let result = Self.run(seed: UInt64(seed), minIsr: 2, unclean: false, steps: 60)
        let cluster = result.cluster
        #expect(cluster.engine.findings.isEmpty, "\(cluster.engine.findings)")
        let partition = TestCluster.partition(cluster)
        #expect(partition.lostOffsets.isEmpty)
        let leader = partition.leader
        #expect(leader != nil, "every broker is back, so the partition has a leader")
        guard let leader, let log = partition.logs[leader] else { return }
        for (offset, value) in result.acknowledged {
            #expect(log.record(at: offset)?.value == value, "acknowledged offset \(offset)")
        }
        #expect(partition.isr.count == 3, "all replicas rejoin the ISR")
        #expect(partition.logs.values.allSatisfy { $0.records == log.records }, "replicas converge")
    }

    @Test func uncleanElectionsWithMinIsrOneFindDataLoss() {
        var lossSeeds: [UInt64] = []
        for seed in UInt64(0)..<60 {
            let result = Self.run(seed: seed, minIsr: 1, unclean: true, steps: 60)
            let findings = result.cluster.engine.findings.filter { $0.kind == .dataLoss }
            if !findings.isEmpty {
                lossSeeds.append(seed)
                #expect(!TestCluster.partition(result.cluster).lostOffsets.isEmpty)
            }
        }
        #expect(!lossSeeds.isEmpty, "some schedule must lose data through an unclean election")
    }
}
