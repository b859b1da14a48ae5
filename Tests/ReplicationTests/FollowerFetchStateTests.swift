import Testing

@testable import Replication

/// The `replication.follower_fetch_state` vectors (Kafka: ReplicaTest).
@Suite struct FollowerFetchStateTests {
    @Test func updateRuleVector() throws {
        let vectors = try ReplicationVectors.followerFetchState()
        let vector = try #require(vectors.first { $0.name == "lastCaughtUpTimeMs update rule" })
        let fetches = try #require(vector.fetches)
        let time = 1_000
        var state = FollowerFetchState()
        var previousFetchTime = 0
        for fetch in fetches {
            state.updateFetchState(
                fetchOffset: fetch.followerFetchOffset, leaderEndOffset: fetch.leaderEndOffset, now: time)
            #expect(state.logEndOffset == fetch.expected.logEndOffset)
            #expect(state.lastFetchLeaderLogEndOffset == fetch.expected.lastFetchLeaderLogEndOffset)
            #expect(state.lastFetchTimeMs == time)
            switch fetch.expected.lastCaughtUpTimeMs {
            case .milliseconds(let number): #expect(state.lastCaughtUpTimeMs == number)
            case .fetchTime: #expect(state.lastCaughtUpTimeMs == time)
            }
            previousFetchTime = time
        }
        #expect(previousFetchTime == time)
    }

    @Test func caughtUpByTimeWindowVector() {
        var state = FollowerFetchState()
        let time = 100_000
        state.updateFetchState(fetchOffset: 5, leaderEndOffset: 10, now: time)
        #expect(!state.isCaughtUp(leaderEndOffset: 10, now: time, replicaMaxLagMs: 30_000))
        state.updateFetchState(fetchOffset: 10, leaderEndOffset: 15, now: time)
        #expect(state.isCaughtUp(leaderEndOffset: 16, now: time, replicaMaxLagMs: 30_000))
        #expect(!state.isCaughtUp(leaderEndOffset: 16, now: time + 30_001, replicaMaxLagMs: 30_000))
    }

    @Test func atLeaderEndNeverExpires() {
        var state = FollowerFetchState()
        state.updateFetchState(fetchOffset: 10, leaderEndOffset: 10, now: 100)
        #expect(state.isCaughtUp(leaderEndOffset: 10, now: 30_101, replicaMaxLagMs: 30_000))
    }

    @Test(arguments: [(false, true), (false, false), (true, true), (true, false)])
    func resetOnLeaderElection(isNewLeader: Bool, inSync: Bool) {
        var state = FollowerFetchState(
            logEndOffset: 10, lastFetchLeaderLogEndOffset: 10, lastFetchTimeMs: 50, lastCaughtUpTimeMs: 50)
        state.reset(isNewLeader: isNewLeader, isFollowerInSync: inSync, leaderEndOffset: 11, now: 500)
        #expect(state.lastCaughtUpTimeMs == (inSync ? 500 : 0))
        #expect(state.logEndOffset == (isNewLeader ? -1 : 10))
        #expect(state.lastFetchLeaderLogEndOffset == (isNewLeader ? -1 : 11))
        #expect(state.lastFetchTimeMs == (!isNewLeader && inSync ? 500 : 0))
    }
}
