import Testing

@testable import Replication

/// S2 and S3 of scenarios.md: the commit path and a stalled follower.
@Suite struct CommitPathTests {
    let tp = TestCluster.tp

    @Test func s2FollowerHighWatermarkLagsOneFetch() throws {
        var cluster = TestCluster.make()
        let id = try cluster.produce(to: tp, values: ["a", "b", "c"], acks: .all)
        // (a) appended on the leader, not committed, request parked.
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 3)
        #expect(TestCluster.partition(cluster).highWatermark == 0)
        #expect(cluster.engine.requests[id]?.outcome == nil)
        // (b) the first fetch copies the records; the follower HW is min(leader HW 0, LEO 3).
        cluster.advance(by: 500)
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 3)
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 0)
        #expect(TestCluster.partition(cluster).highWatermark == 0)
        #expect(cluster.engine.requests[id]?.outcome == nil)
        // (c) the next fetches report LEO 3 → HW 3 → acknowledged; (d) that response carries HW 3.
        cluster.advance(by: 500)
        #expect(TestCluster.partition(cluster).highWatermark == 3)
        #expect(cluster.engine.requests[id]?.outcome == .success(baseOffset: 0, count: 3))
        #expect(cluster.engine.requests[id]?.completedAtMs == 1_000)
        #expect(TestCluster.log(cluster, on: 3).highWatermark == 3)
        // Broker 2 fetched before broker 3 completed the ISR, so its HW lags one more fetch.
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 0)
        cluster.advance(by: 500)
        #expect(TestCluster.log(cluster, on: 2).highWatermark == 3)
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func s3StalledFollowerLeavesIsrBetween30And45Seconds() throws {
        var cluster = TestCluster.make()
        try cluster.setBrokerConfig("request.timeout.ms", "120000")
        try cluster.apply(.stall, to: 3)
        cluster.advance(by: 1_000)
        let id = try cluster.produce(to: tp, values: (0..<5).map { "r\($0)" }, acks: .all)
        cluster.advance(by: 2_000)
        #expect(TestCluster.log(cluster, on: 1).logEndOffset == 5)
        #expect(TestCluster.log(cluster, on: 2).logEndOffset == 5)
        #expect(TestCluster.log(cluster, on: 3).logEndOffset == 0)
        #expect(TestCluster.partition(cluster).highWatermark == 0)
        let shrunk = TestCluster.advance(&cluster, upTo: 60_000) { TestCluster.partition($0).isr == [1, 2] }
        let time = try #require(shrunk)
        #expect(time > 30_000 && time <= 45_000)
        #expect(cluster.engine.runtimes[3]?.isFenced == false, "a stalled broker keeps heartbeating")
        #expect(TestCluster.partition(cluster).highWatermark == 5)
        #expect(cluster.engine.requests[id]?.outcome == .success(baseOffset: 0, count: 5))
        #expect(TestCluster.log(cluster, on: 1).records.map(\.value) == ["r0", "r1", "r2", "r3", "r4"])
        // Recovery: 3 fetches up to 5 and rejoins.
        try cluster.apply(.resume, to: 3)
        cluster.advance(by: 1_000)
        #expect(TestCluster.partition(cluster).isr == [1, 2, 3])
        #expect(TestCluster.log(cluster, on: 3).logEndOffset == 5)
        #expect(cluster.engine.invariantBreaks.isEmpty)
    }

    @Test func s3WithDefaultTimeoutTheRequestTimesOutFirst() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.stall, to: 3)
        cluster.advance(by: 1_000)
        let request = TestCluster.produce(&cluster, 5)
        #expect(request.outcome == .failure(KafkaError("REQUEST_TIMED_OUT", "The request timed out.")))
        #expect(request.completedAtMs == 31_000)
        #expect(TestCluster.partition(cluster).isr == [1, 2, 3])
        cluster.advance(by: 15_000)
        #expect(TestCluster.partition(cluster).highWatermark == 5, "the records stay in the log and commit")
    }

    @Test func slowFollowerStillReplicates() throws {
        var cluster = TestCluster.make()
        try cluster.apply(.slow(lagMs: 2_000), to: 3)
        let request = TestCluster.produce(&cluster, 2)
        #expect(request.outcome == .success(baseOffset: 0, count: 2))
        #expect(request.completedAtMs.map { $0 >= 2_000 } == true)
    }
}
