import Testing

@testable import Replication

/// The `replication.follower_fetch_state` vectors (Kafka: ReplicaTest).
@Suite struct FollowerFetchStateTests {
    static var cases: [[String: Any]] {
        SharedVectors.section("replication", "follower_fetch_state") as? [[String: Any]] ?? []
    }

    @Test func updateRuleVector() throws {
        let vector = try #require(Self.cases.first { ($0["name"] as? String) == "lastCaughtUpTimeMs update rule" })
        let fetches = try #require(vector["fetches_all_at_time_T"] as? [[String: Any]])
        let time = 1_000
        var state = FollowerFetchState()
        var previousFetchTime = 0
        for fetch in fetches {
            let offset = try #require(fetch["followerFetchOffset"] as? Int)
            let leaderEnd = try #require(fetch["leaderEndOffset"] as? Int)
            let expected = try #require(fetch["expected"] as? [String: Any])
            state.updateFetchState(fetchOffset: offset, leaderEndOffset: leaderEnd, now: time)
            #expect(state.logEndOffset == expected["logEndOffset"] as? Int)
            #expect(state.lastFetchLeaderLogEndOffset == expected["lastFetchLeaderLogEndOffset"] as? Int)
            #expect(state.lastFetchTimeMs == time)
            let caughtUp = expected["lastCaughtUpTimeMs"]
            if let number = caughtUp as? Int {
                #expect(state.lastCaughtUpTimeMs == number)
            } else {
                #expect(state.lastCaughtUpTimeMs == time)
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
