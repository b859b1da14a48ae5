import Testing

@testable import Replication

/// Skipping idle time is an optimisation only: seeded random schedules of faults, produces and long advances leave the
/// same cluster (every field, the event queue, the fetch sessions) and the same event log whether the engine skips
/// idle stretches or runs them event by event. Only the work counted differs: a skipped stretch counts as one event.
@Suite struct IdleTimeTests {
    static func makeCluster(seed: UInt64) -> Cluster {
        var cluster = Cluster(seed: seed)
        for id in 0..<6 { try! cluster.addBroker(Broker(id: id, rack: "R\(id * 2 / 6 + 1)")) }
        try! cluster.createTopic("a", partitions: 4, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
        try! cluster.createTopic(
            "b", partitions: 3, replicationFactor: 3, placement: .roundRobin(startIndex: 1),
            configs: ["min.insync.replicas": "2"])
        return cluster
    }

    /// One random step, applied to both clusters.
    static func step(_ clusters: inout [Cluster], _ random: inout SplitMix64, counter: inout Int) {
        let broker = Int.random(in: 0..<6, using: &random)
        let state = clusters[0].state(of: broker)
        var action: (inout Cluster) -> Void = { _ in }
        switch Int.random(in: 0..<17, using: &random) {
        case 0: if state == .up || state == .stalled { action = { try? $0.apply(.crash, to: broker) } }
        case 1: if state == .crashed || state == .shutDown { action = { try? $0.apply(.restart, to: broker) } }
        case 2: if state == .up { action = { try? $0.apply(.stall, to: broker) } }
        case 3: if state == .stalled { action = { try? $0.apply(.resume, to: broker) } }
        case 4: if state == .up { action = { try? $0.apply(.isolate, to: broker) } }
        case 5: if state == .isolated { action = { try? $0.apply(.heal, to: broker) } }
        case 6:
            let lag = Int64.random(in: 0...3, using: &random) * 700
            action = { try? $0.apply(.slow(lag: .milliseconds(lag)), to: broker) }
        case 7: if state == .up { action = { try? $0.apply(.shutdown, to: broker) } }
        case 8, 9, 10:
            counter += 1
            let topic = Bool.random(using: &random) ? "a" : "b"
            let partition = Int.random(in: 0..<3, using: &random)
            let acks: Acks = [.all, .leader, .none][Int.random(in: 0..<3, using: &random)]
            let values = (0..<Int.random(in: 1...3, using: &random)).map { "m\(counter)-\($0)" }
            let wait = Bool.random(using: &random)
            action = { cluster in
                if wait {
                    _ = try? cluster.produceAndWait(to: TopicPartition(topic, partition), values: values, acks: acks)
                } else {
                    _ = try? cluster.produce(to: TopicPartition(topic, partition), values: values, acks: acks)
                }
            }
        case 11:
            // A fault held for minutes: the stretches skipped with a broker crashed, stalled or fenced.
            let fault: Cluster.Fault? =
                switch state {
                case .up: [Cluster.Fault.crash, .stall, .isolate][Int.random(in: 0..<3, using: &random)]
                case .stalled: .crash
                default: nil
                }
            let duration = Int64.random(in: 60_000...600_000, using: &random)
            action = { cluster in
                if let fault { try? cluster.apply(fault, to: broker) }
                cluster.advance(by: .milliseconds(duration))
            }
        default:
            // Mostly long stretches, where the idle skipping happens, with odd millisecond ends.
            let duration = Int64.random(in: 1...90_000, using: &random)
            action = { $0.advance(by: .milliseconds(duration)) }
        }
        for index in clusters.indices { action(&clusters[index]) }
    }

    @Test func randomSchedulesSkipIdleTime() {
        var skipped = 0
        for seed in 0..<4 {
            var random = SplitMix64(seed: UInt64(seed))
            var clusters = [Self.makeCluster(seed: UInt64(seed))]
            var counter = 0
            for _ in 0..<30 { Self.step(&clusters, &random, counter: &counter) }
            skipped += clusters[0].engine.quiescence.skippedStretches
        }
        #expect(skipped > 0, "the random schedules reach idle stretches")
    }

    @Test(arguments: 0..<16)
    func skippingIdleTimeChangesNothing(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        var fast = Self.makeCluster(seed: UInt64(seed))
        var slow = fast
        slow.skipsIdleTime = false
        var clusters = [fast, slow]
        var counter = 0
        for index in 0..<30 {
            Self.step(&clusters, &random, counter: &counter)
            (fast, slow) = (clusters[0], clusters[1])
            #expect(fast.now == slow.now, "step \(index)")
            #expect(fast.engine.eventLog == slow.engine.eventLog, "step \(index)")
            #expect(fast.workDone <= slow.workDone, "step \(index)")
            #expect(Self.isSame(fast, slow), "step \(index): the clusters differ")
            if !Self.isSame(fast, slow) { return }
        }
        #expect(fast.eventCount == slow.eventCount)
        #expect(slow.engine.quiescence.skippedStretches == 0)
    }

    @Test func idleMinutesAreSkipped() {
        var cluster = Self.makeCluster(seed: 1)
        cluster.advance(by: .seconds(10))
        var stepwise = cluster
        stepwise.skipsIdleTime = false
        cluster.advance(by: .minutes(10))
        stepwise.advance(by: .minutes(10))
        #expect(Self.isSame(cluster, stepwise))
        #expect(cluster.eventCount == stepwise.eventCount)
        #expect(cluster.workDone < stepwise.workDone / 100, "a skipped stretch counts as one event")
        #expect(cluster.eventCount > 10_000, "ten minutes hold many fetches: \(cluster.eventCount)")
        #expect(cluster.engine.quiescence.skippedStretches > 0)
        #expect(cluster.engine.quiescence.skippedStretches < 10, "one stretch per controller election period")
    }

    /// Whether two clusters are equal but for the work counted (skipped stretches count less).
    static func isSame(_ skipping: Cluster, _ stepwise: Cluster) -> Bool {
        var stepwise = stepwise
        stepwise.engine.workDone = skipping.engine.workDone
        return skipping == stepwise
    }

    /// The work cap counts the work the engine does: a run that skips idle stretches gets through half an hour the
    /// event-by-event run stops early in, and reaches the state that run reaches with the cap lifted.
    @Test(arguments: [30_000, 123_457])
    func theWorkCapCountsTheWorkDone(cap: Int) {
        var cluster = Self.makeCluster(seed: 2)
        cluster.budget = EngineBudget(work: Int64(cap), time: .distantFuture)
        var stepwise = cluster
        stepwise.skipsIdleTime = false
        var unlimited = stepwise
        unlimited.budget = EngineBudget()
        cluster.advance(by: .minutes(30))
        stepwise.advance(by: .minutes(30))
        unlimited.advance(by: .minutes(30))
        #expect(stepwise.exhaustedBudget == .work, "event by event, half an hour needs more work than the cap")
        #expect(cluster.exhaustedBudget == nil)
        #expect(cluster.engine.quiescence.skippedStretches > 0)
        #expect(cluster.workDone < Int64(cap))
        unlimited.budget = cluster.budget
        #expect(Self.isSame(cluster, unlimited))
    }

    /// A cap smaller than the work of the events around the idle stretches still stops the skipping run.
    @Test func aSmallWorkCapStillStops() {
        var cluster = Self.makeCluster(seed: 2)
        // An idle cluster has no controller checks scheduled (nothing to balance), so half an hour of skipping
        // costs little: about 120 units with this cluster.
        cluster.budget = EngineBudget(work: 60, time: .distantFuture)
        cluster.advance(by: .minutes(30))
        #expect(cluster.exhaustedBudget == .work)
        #expect(cluster.workDone >= 60)
        #expect(cluster.now < .start + .minutes(30))
    }
}
