import Testing

@testable import Replication

/// Idle stretches with a broker down, stalled or fenced: the engine skips them up to the first event that changes
/// something (the controller fencing a broker whose session expired, a fenced broker's heartbeat that unfences it,
/// the ISR-expiry check that finds a follower out of sync), and leaves exactly the state of the event-by-event run.
/// Each scenario runs with skipping on and off, its advances cut into pieces of several lengths so stretches end at
/// different instants, and compares the two clusters after every piece.
@Suite struct IdleTimeFaultTests {
    /// One step of a scenario: what it does, and whether the engine must skip most of it.
    struct Action {
        var name: String
        var mustSkip = false
        /// Whether some stretch is skipped (a short step: the restarted broker's catching up is most of it).
        var mustSkipSome = false
        var run: (inout Cluster, SimulatedDuration) -> Void
    }

    static func advance(_ duration: SimulatedDuration, mustSkip: Bool = false, some: Bool = false) -> Action {
        Action(name: "advance \(duration.milliseconds)ms", mustSkip: mustSkip, mustSkipSome: some) { cluster, piece in
            let end = cluster.now + duration
            while cluster.now < end { cluster.advance(by: min(piece, end - cluster.now)) }
        }
    }

    static func fault(_ fault: Cluster.Fault, _ broker: BrokerID) -> Action {
        Action(name: "\(fault) \(broker)") { cluster, _ in try? cluster.apply(fault, to: broker) }
    }

    static func produce(_ partition: Int, acks: Acks, count: Int = 2) -> Action {
        Action(name: "produce a-\(partition)") { cluster, _ in
            let values = (0..<count).map { "v\(partition)-\($0)-\(cluster.now.millisecondsSinceStart)" }
            _ = try? cluster.produce(to: TopicPartition("a", partition), values: values, acks: acks)
        }
    }

    /// The synthetic course's scenario: a crash (the broker's session runs out, then the controller fences it), a
    /// restart (fenced until its next heartbeat), a stalled ISR follower behind the leader (out of sync after
    /// `replica.lag.time.max.ms`), then its return.
    static var courseScenario: [Action] {
        [
            produce(2, acks: .all), advance(.milliseconds(5)),
            fault(.crash, 1), advance(.seconds(10), mustSkip: true),
            produce(2, acks: .all), advance(.milliseconds(5)),
            fault(.restart, 1), advance(.seconds(2), some: true),
            fault(.stall, 3), produce(0, acks: .leader), advance(.seconds(45), mustSkip: true),
            fault(.resume, 3), advance(.seconds(2)),
        ]
    }

    /// A leader that crashes while followers are behind it: its partitions keep a dead leader until the controller
    /// fences it; a crashed ISR follower behind a live leader drops out at the leader's ISR-expiry check.
    static var crashedBehind: [Action] {
        [
            fault(.crash, 3), produce(0, acks: .leader, count: 3), produce(1, acks: .none),
            advance(.seconds(8), mustSkip: true), advance(.seconds(40), mustSkip: true),
            fault(.restart, 3), advance(.seconds(30), mustSkip: true),
        ]
    }

    /// An isolated broker (its proposals stay pending) and a slow one, with a stalled follower behind.
    static var isolatedAndSlow: [Action] {
        [
            fault(.slow(lag: .milliseconds(700)), 4), fault(.stall, 5), produce(3, acks: .leader),
            advance(.seconds(50), mustSkip: true), fault(.isolate, 0), produce(0, acks: .leader),
            advance(.seconds(50), mustSkip: true), fault(.heal, 0), fault(.resume, 5), advance(.seconds(20)),
        ]
    }

    static var scenarios: [(String, [Action])] {
        [("course", courseScenario), ("crashed behind", crashedBehind), ("isolated", isolatedAndSlow)]
    }

    @Test(arguments: [0, 1, 2], [SimulatedDuration.milliseconds(1_234), .milliseconds(6_400), .seconds(60)])
    func faultStretchesAreSkippedExactly(scenario: Int, piece: SimulatedDuration) {
        let (name, actions) = Self.scenarios[scenario]
        var fast = IdleTimeTests.makeCluster(seed: 3)
        fast.advance(by: .seconds(3))
        var slow = fast
        slow.skipsIdleTime = false
        for (index, action) in actions.enumerated() {
            let (fastWork, slowWork) = (fast.workDone, slow.workDone)
            let skipped = fast.skippedIdleStretches
            action.run(&fast, piece)
            action.run(&slow, piece)
            let step = "\(name), step \(index) (\(action.name)), pieces of \(piece.milliseconds)ms"
            #expect(fast.now == slow.now, "\(step)")
            #expect(fast.engine.eventLog == slow.engine.eventLog, "\(step)")
            #expect(fast.eventCount == slow.eventCount, "\(step)")
            #expect(IdleTimeTests.isSame(fast, slow), "\(step): the clusters differ")
            if action.mustSkipSome { #expect(fast.skippedIdleStretches > skipped, "\(step) skips a stretch") }
            if action.mustSkip {
                // Most of the step is skipped: its work is less than half of the event-by-event run's.
                let work = (fast: fast.workDone - fastWork, slow: slow.workDone - slowWork)
                #expect(work.fast * 2 < work.slow, "\(step) skips most of its events: work \(work)")
            }
            if !IdleTimeTests.isSame(fast, slow) { return }
        }
        #expect(fast.workDone < slow.workDone)
    }
}
