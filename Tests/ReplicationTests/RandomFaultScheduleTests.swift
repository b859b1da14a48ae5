import Testing

@testable import Replication

/// Seeded random fault schedules: clean elections never lose an acknowledged acks=all record and break no invariant;
/// unclean elections with min ISR 1 do lose data, and the engine reports it.
@Suite struct RandomFaultScheduleTests {
    struct Outcome {
        var cluster: Cluster
        var acknowledged: [Int64: String] = [:]
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
                    for (index, value) in values.enumerated() { outcome.acknowledged[base + Int64(index)] = value }
                }
            default:
                outcome.cluster.advance(by: .milliseconds(Int64.random(in: 1...30, using: &random) * 500))
            }
        }
        // Repair everything and let the cluster settle.
        for broker in 1...3 {
            switch outcome.cluster.state(of: broker) {
            case .crashed, .shutDown: try? outcome.cluster.apply(.restart, to: broker)
            case .stalled: try? outcome.cluster.apply(.resume, to: broker)
            case .isolated: try? outcome.cluster.apply(.heal, to: broker)
            case .up, .restarting: break
            }
        }
        outcome.cluster.advance(by: .milliseconds(60_000))
        return outcome
    }

    @Test(arguments: 0..<100)
    func cleanElectionsLoseNothingAcknowledged(seed: Int) {
        let result = Self.run(seed: UInt64(seed), minIsr: 2, unclean: false, steps: 60)
        let cluster = result.cluster
        #expect(cluster.engine.findings.isEmpty, "\(cluster.engine.findings)")
        let partition = TestCluster.partition(cluster)
        #expect(cluster.lostOffsets(of: TestCluster.tp).isEmpty)
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
                #expect(!result.cluster.lostOffsets(of: TestCluster.tp).isEmpty)
            }
        }
        #expect(!lossSeeds.isEmpty, "some schedule must lose data through an unclean election")
    }

    /// The same kind of schedules with clients on a racked, two-partition topic: an idempotent producer sending
    /// asynchronously, a consumer group polling, and console consumers fetching from the leader or from a follower
    /// in their rack. Every read is checked against the high watermark of the replica that served it.
    static func runWithClients(seed: UInt64, minIsr: Int, unclean: Bool) throws -> (Cluster, [String]) {
        var random = SplitMix64(seed: seed)
        var cluster = Cluster(seed: seed)
        for id in 1...3 { try cluster.addBroker(Broker(id: id, rack: "R\(id)")) }
        try cluster.setStartupConfig("replica.selector.class", ConsumerGroupTests.rackAwareSelector)
        var configs = ["min.insync.replicas": String(minIsr)]
        if unclean { configs["unclean.leader.election.enable"] = "true" }
        try cluster.createTopic(
            "t", partitions: 2, replicationFactor: 3, placement: .roundRobin(startIndex: 0), configs: configs)
        try cluster.createProducer("p", config: ProducerConfig(["delivery.timeout.ms": "40000"]))
        var options = JoinOptions(topics: ["t"])
        options.resetToEarliest = true
        try cluster.join(group: "g", member: "c1", options: options)
        try cluster.join(group: "g", member: "c2", options: options)
        var problems: [String] = []
        func checkRead(_ records: [ConsumedRecord], _ what: String) {
            for record in records {
                let hw = cluster.partition(record.partition)?.logs[record.replica]?.highWatermark ?? -1
                if record.offset >= hw {
                    problems.append(
                        "\(what) read \(record.partition)@\(record.offset) from \(record.replica) at HW \(hw)")
                }
            }
        }
        var counter = 0
        for _ in 0..<60 {
            let broker = Int.random(in: 1...3, using: &random)
            let state = cluster.state(of: broker)
            switch Int.random(in: 0..<14, using: &random) {
            case 0: if state == .up || state == .stalled { try? cluster.apply(.crash, to: broker) }
            case 1: if state == .crashed { try? cluster.apply(.restart, to: broker) }
            case 2: if state == .up { try? cluster.apply(.stall, to: broker) }
            case 3: if state == .stalled { try? cluster.apply(.resume, to: broker) }
            case 4: if state == .up { try? cluster.apply(.isolate, to: broker) }
            case 5: if state == .isolated { try? cluster.apply(.heal, to: broker) }
            case 6: try? cluster.apply(.dropResponses(count: 1), to: broker)
            case 7, 8:
                counter += 1
                _ = try cluster.send(producer: "p", topic: "t", values: ["m\(counter)"], isAsync: true)
            case 9:
                let member = Bool.random(using: &random) ? "c1" : "c2"
                checkRead(try cluster.poll(group: "g", member: member, max: 5), "poll \(member)")
                if Bool.random(using: &random) { _ = try? cluster.commit(group: "g", member: member) }
            case 10:
                checkRead(cluster.consume(topic: "t", rack: "R\(broker)"), "consume rack R\(broker)")
            case 11:
                checkRead(cluster.consume(topic: "t"), "consume")
            default:
                cluster.advance(by: .milliseconds(Int64.random(in: 1...30, using: &random) * 500))
            }
            for group in cluster.engine.groups.values where group.state == .stable {
                let owned = group.members.flatMap(\.assignment)
                if Set(owned).count != owned.count || owned.count != 2 {
                    problems.append("group \(group.groupID) assigns \(owned)")
                }
                let rows = ConsumerGroupDescription(cluster: cluster, group: group.groupID).lines.dropFirst(2)
                if rows.count != 2 { problems.append("describe shows \(rows.count) rows") }
            }
        }
        for broker in 1...3 {
            switch cluster.state(of: broker) {
            case .crashed, .shutDown: try? cluster.apply(.restart, to: broker)
            case .stalled: try? cluster.apply(.resume, to: broker)
            case .isolated: try? cluster.apply(.heal, to: broker)
            case .up, .restarting: break
            }
        }
        cluster.advance(by: .milliseconds(60_000))
        checkRead(try cluster.poll(group: "g", member: "c1", max: 1_000), "final poll")
        return (cluster, problems)
    }

    @Test(arguments: 0..<40)
    func consumersNeverReadAtOrBeyondTheHighWatermark(seed: Int) throws {
        let unclean = seed % 2 == 1
        let (cluster, problems) = try Self.runWithClients(seed: UInt64(seed), minIsr: unclean ? 1 : 2, unclean: unclean)
        #expect(problems.isEmpty, "\(problems)")
        let pending = cluster.engine.batches.values.filter { !$0.isDone }
        #expect(pending.isEmpty, "every send ends within delivery.timeout.ms")
        guard !unclean else { return }
        #expect(cluster.engine.invariantBreaks.isEmpty, "\(cluster.engine.invariantBreaks)")
        for index in 0..<2 {
            let values = cluster.consume(topic: "t", partition: index).map(\.value)
            #expect(Set(values).count == values.count, "idempotence: no value twice in t-\(index): \(values)")
            for batch in cluster.engine.batches.values where batch.partition.partition == index {
                if case .acknowledged(let acknowledged) = batch.outcome, let offset = acknowledged {
                    #expect(
                        cluster.partition(batch.partition)?.leaderLog?.record(at: offset)?.value == batch.values[0],
                        "acknowledged \(batch.values[0]) at \(offset)")
                }
            }
        }
    }
}
