import Testing

@testable import Replication

/// The `replication.follower_fetch_state` vectors (Kafka: ReplicaTest).
@Suite struct FollowerFetchStateTests {
    /// Kafka's times are epoch milliseconds with 0 for "never"; the engine's are instants of one clock with
    /// `distantPast` for "never".
    static func instant(kafkaMs: Int64) -> SimulatedInstant {
        kafkaMs == 0 ? .distantPast : .milliseconds(kafkaMs)
    }

    @Test func updateRuleVector() throws {
        let vectors = try ReplicationVectors.followerFetchState()
        let vector = try #require(vectors.first { $0.name == "lastCaughtUpTimeMs update rule" })
        let fetches = try #require(vector.fetches)
        let time = SimulatedInstant.milliseconds(1_000)
        var state = FollowerFetchState()
        var previousFetchTime = SimulatedInstant.start
        for fetch in fetches {
            state.updateFetchState(
                fetchOffset: fetch.followerFetchOffset, leaderEndOffset: fetch.leaderEndOffset, now: time)
            #expect(state.logEndOffset == fetch.expected.logEndOffset)
            #expect(state.lastFetchLeaderLogEndOffset == fetch.expected.lastFetchLeaderLogEndOffset)
            #expect(state.lastFetchTime == time)
            switch fetch.expected.lastCaughtUpTimeMs {
            case .milliseconds(let number): #expect(state.lastCaughtUpTime == Self.instant(kafkaMs: number))
            case .fetchTime: #expect(state.lastCaughtUpTime == time)
            }
            previousFetchTime = time
        }
        #expect(previousFetchTime == time)
    }

    @Test func caughtUpByTimeWindowVector() {
        var state = FollowerFetchState()
        let time = SimulatedInstant.milliseconds(100_000)
        let maxLag = SimulatedDuration.milliseconds(30_000)
        state.updateFetchState(fetchOffset: 5, leaderEndOffset: 10, now: time)
        #expect(!state.isCaughtUp(leaderEndOffset: 10, now: time, replicaMaxLag: maxLag))
        state.updateFetchState(fetchOffset: 10, leaderEndOffset: 15, now: time)
        #expect(state.isCaughtUp(leaderEndOffset: 16, now: time, replicaMaxLag: maxLag))
        #expect(!state.isCaughtUp(leaderEndOffset: 16, now: time + .milliseconds(30_001), replicaMaxLag: maxLag))
    }

    @Test func atLeaderEndNeverExpires() {
        var state = FollowerFetchState()
        state.updateFetchState(fetchOffset: 10, leaderEndOffset: 10, now: .milliseconds(100))
        #expect(state.isCaughtUp(leaderEndOffset: 10, now: .milliseconds(30_101), replicaMaxLag: .milliseconds(30_000)))
    }

    @Test(arguments: [(false, true), (false, false), (true, true), (true, false)])
    func resetOnLeaderElection(isNewLeader: Bool, inSync: Bool) {
        var state = FollowerFetchState(
            logEndOffset: 10, lastFetchLeaderLogEndOffset: 10, lastFetchTime: .milliseconds(50),
            lastCaughtUpTime: .milliseconds(50))
        state.reset(isNewLeader: isNewLeader, isFollowerInSync: inSync, leaderEndOffset: 11, now: .milliseconds(500))
        #expect(state.lastCaughtUpTime == Self.instant(kafkaMs: inSync ? 500 : 0))
        #expect(state.logEndOffset == (isNewLeader ? -1 : 10))
        #expect(state.lastFetchLeaderLogEndOffset == (isNewLeader ? -1 : 11))
        #expect(state.lastFetchTime == Self.instant(kafkaMs: !isNewLeader && inSync ? 500 : 0))
    }
}
