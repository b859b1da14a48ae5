import Testing

@testable import Replication

/// The engine's work and time caps: no run goes on forever, whatever the settings.
struct EngineBudgetTests {
    @Test func workCapStopsAnAdvanceEarly() {
        var cluster = TestCluster.make()
        // Event by event: a skipped idle stretch counts as one event, so with skipping an idle hour fits 500 units.
        cluster.skipsIdleTime = false
        cluster.budget = EngineBudget(work: 500)
        cluster.advance(by: .milliseconds(3_600_000))
        #expect(cluster.exhaustedBudget == .work)
        #expect(cluster.now < .milliseconds(3_600_000))
        #expect(cluster.workDone >= 500 && cluster.workDone < 510)
        let stoppedAt = cluster.now
        cluster.advance(by: .milliseconds(1_000))
        #expect(cluster.now == stoppedAt, "an exhausted cluster no longer runs")
    }

    @Test func timeCapStopsTheClock() {
        var cluster = TestCluster.make()
        cluster.budget = EngineBudget(time: .milliseconds(5_000))
        cluster.advance(by: .milliseconds(3_000))
        #expect(cluster.exhaustedBudget == nil)
        cluster.advance(by: .milliseconds(3_000))
        #expect(cluster.exhaustedBudget == .time)
        #expect(cluster.now == .milliseconds(5_000))
    }

    /// An acks=all produce that can never complete ends at `request.timeout.ms`, or at the budget when that is huge.
    @Test func produceThatCannotCompleteEndsAtTheTimeoutOrTheBudget() throws {
        var cluster = TestCluster.make(minIsr: 2)
        try cluster.apply(.stall, to: 2)
        try cluster.apply(.stall, to: 3)
        #expect(TestCluster.produce(&cluster, 1).outcome == .failure(.requestTimedOut))
        #expect(cluster.setStartupConfigProblem("request.timeout.ms", "2147483647") == nil)
        cluster.budget = EngineBudget(work: cluster.workDone + 2_000)
        let request = TestCluster.produce(&cluster, 1)
        #expect(request.outcome == nil)
        #expect(cluster.exhaustedBudget == .work)
    }

    /// Fuzzing: `replica.lag.time.max.ms=9223372036854775807` overflowed the clock; Kafka's INT configs stop at
    /// Int32.max, and the simulation stops its LONG durations there too.
    @Test(arguments: ["2147483648", "9223372036854775807"])
    func brokerConfigsPastInt32AreRejected(_ value: String) {
        var config = EngineConfig()
        #expect(
            config.set("replica.lag.time.max.ms", value)
                == "Invalid value \(value) for configuration replica.lag.time.max.ms: Value must be no more than 2147483647"
        )
        #expect(
            config.set("request.timeout.ms", value)
                == "Invalid value \(value) for configuration request.timeout.ms: Not a number of type INT")
        #expect(
            config.set("replica.lag.time.max.ms", "99999999999999999999")
                == "Invalid value 99999999999999999999 for configuration replica.lag.time.max.ms: Not a number of type LONG"
        )
        #expect(config.set("request.timeout.ms", "2147483647") == nil)
    }
}

extension Cluster {
    /// `setStartupConfig`, returning the complaint instead of throwing.
    fileprivate mutating func setStartupConfigProblem(_ key: String, _ value: String) -> String? {
        do {
            try setStartupConfig(key, value)
            return nil
        } catch {
            return error.message
        }
    }
}
