import Testing

@testable import Replication

/// S2 and S3 of docs/kafka-scenarios.md: the commit path and a stalled follower.
@Suite struct CommitPathTests {
    let tp = TestCluster.tp

    @Test func s2FollowerHighWatermarkLagsOneFetch() throws {
        var cluster = TestCluster.make()
        let id = try cluster.produce(to: tp, values: ["a", "b", "c"], acks: .all)
        // (a) appended on the leader, not committed, request parked.
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 3)
        #expect(TestCluster.partition(cluster).highWatermark == 0)
        #expect(cluster.engine.requests[id]?.outcome == nil)
        // (b) the followers' first fetches (sent at creation, at the leader 1 ms later) copy the records; the
        // response arrives 1 ms after that; the follower HW is min(leader HW 0, LEO 3).
        cluster.advance(by: .milliseconds(2))
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 3)
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 0)
        #expect(TestCluster.partition(cluster).highWatermark == 0)
        #expect(cluster.engine.requests[id]?.outcome == nil)
        // (c) the next fetches leave at once and report LEO 3 → HW 3 → acknowledged after two round trips.
        cluster.advance(by: .milliseconds(1))
        #expect(TestCluster.partition(cluster).highWatermark == 3)
        #expect(cluster.engine.requests[id]?.outcome == .success(baseOffset: 0, count: 3))
        #expect(cluster.engine.requests[id]?.completedAt == .milliseconds(3))
        // Those fetches find no new data: they wait at the leader, so the followers' HW still lags.
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 0)
        #expect(TestCluster.log(cluster, on: 3).highWatermark == 0)
        // (d) they return after replica.fetch.wait.max.ms (500 ms) with HW 3.
        cluster.advance(by: .milliseconds(499))
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 0)
        cluster.advance(by: .milliseconds(2))
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 3)
        #expect(TestCluster.log(cluster, on: 3).highWatermark == 3)
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func synchronousProduceFinishesItsInstant() throws {
        var cluster = TestCluster.make()
        cluster.advance(by: .milliseconds(14_998))
        // The parked fetches wake at once; the second round trip ends at 15 s, when the ISR-expiry checks are due.
        let request = TestCluster.produce(&cluster, 3)
        #expect(request.completedAt == .milliseconds(15_000))
        #expect(cluster.now == .milliseconds(15_000))
        #expect(try #require(cluster.engine.queue.nextTime) > cluster.now, "every event of 15 s ran")
    }

    @Test func appendWakesParkedFetches() throws {
        var cluster = TestCluster.make()
        cluster.advance(by: .milliseconds(10_000))
        // Both followers' fetches are parked at the leader; an append answers them at once.
        let id = try cluster.produce(to: tp, values: ["a"], acks: .all)
        cluster.advance(by: .milliseconds(1))
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 1)
        #expect(cluster.engine.requests[id]?.outcome == nil)
        cluster.advance(by: .milliseconds(1))
        #expect(cluster.engine.requests[id]?.outcome == .success(baseOffset: 0, count: 1))
        #expect(cluster.engine.requests[id]?.completedAt == .milliseconds(10_002))
    }

    @Test func s3StalledFollowerLeavesIsrBetween30And45Seconds() throws {
        var cluster = TestCluster.make()
        try cluster.setStartupConfig("request.timeout.ms", "120000")
        try cluster.apply(.stall, to: 3)
        cluster.advance(by: .milliseconds(1_000))
        let id = try cluster.produce(to: tp, values: (0..<5).map { "r\($0)" }, acks: .all)
        cluster.advance(by: .milliseconds(2_000))
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 5)
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 5)
        #expect(TestCluster.log(cluster, on: 3).logEndOffset == 0)
        #expect(TestCluster.partition(cluster).highWatermark == 0)
        let shrunk = TestCluster.advance(&cluster, upTo: 60_000) { TestCluster.partition($0).isr == [1, 2] }
        let time = try #require(shrunk)
        #expect(time > .milliseconds(30_000) && time <= .milliseconds(45_000))
        #expect(cluster.engine.runtimes[3]?.isFenced == false, "a stalled broker keeps heartbeating")
        #expect(TestCluster.partition(cluster).highWatermark == 5)
        #expect(cluster.engine.requests[id]?.outcome == .success(baseOffset: 0, count: 5))
        #expect(TestCluster.log(cluster, on: 1).records.map(\.value) == ["r0", "r1", "r2", "r3", "r4"])
        // Recovery: 3 fetches up to 5 and rejoins.
        try cluster.apply(.resume, to: 3)
        cluster.advance(by: .milliseconds(1_000))
        #expect(TestCluster.partition(cluster).isr == [1, 2, 3])
        #expect(TestCluster.log(cluster, on: 3).logEndOffset == 5)
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func s3WithDefaultTimeoutTheRequestTimesOutFirst() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.stall, to: 3)
        cluster.advance(by: .milliseconds(1_000))
        let request = TestCluster.produce(&cluster, 5)
        #expect(request.outcome == .failure(KafkaError("REQUEST_TIMED_OUT", "The request timed out.")))
        #expect(request.completedAt == .milliseconds(31_000))
        #expect(TestCluster.partition(cluster).isr == [1, 2, 3])
        cluster.advance(by: .milliseconds(15_000))
        #expect(TestCluster.partition(cluster).highWatermark == 5, "the records stay in the log and commit")
    }

    @Test func slowFollowerStillReplicates() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.slow(lag: .milliseconds(2_000)), to: 3)
        let request = TestCluster.produce(&cluster, 2)
        #expect(request.outcome == .success(baseOffset: 0, count: 2))
        #expect(request.completedAt.map { $0 >= .milliseconds(2_000) } == true)
    }
}
