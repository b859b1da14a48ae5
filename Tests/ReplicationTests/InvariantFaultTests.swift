import Testing

@testable import Replication

/// The oracle's check after an event catches the bugs it exists for: each test lets a settled cluster run, then
/// writes a partition the way a faulty engine would (through `modifyPartition`, the engine's one way to write a
/// partition) and runs the check that follows every event. The check reads the logs in place and scans a partition's
/// few replicas; these faults show that it still reports every break, with its text, in the documented order.
@Suite struct InvariantFaultTests {
    /// Brokers 1…`max(replicas)`, topic `t` with one partition on `replicas` per partition (the first leads), 3 records
    /// committed everywhere.
    static func settled(replicas: [BrokerID] = [1, 2, 3], partitions: Int = 1) throws -> Cluster {
        var cluster = Cluster(seed: 1)
        for id in 1...(replicas.max() ?? 3) { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic(
            "t", partitions: partitions, replicationFactor: replicas.count, placement: .adminUtils(startIndex: 0),
            configs: ["min.insync.replicas": "2"], replicaAssignment: Array(repeating: replicas, count: partitions))
        for partition in 0..<partitions {
            let request = try cluster.produceAndWait(
                to: TopicPartition("t", partition), values: ["a", "b", "c"], acks: .all)
            #expect(request.outcome == .success(baseOffset: 0, count: 3))
        }
        cluster.advance(by: .seconds(1))
        for partition in 0..<partitions {
            let state = try #require(cluster.partition(TopicPartition("t", partition)))
            #expect(state.logs.values.allSatisfy { $0.highWatermark == 3 && $0.logEndOffset == 3 })
        }
        #expect(cluster.findings.isEmpty)
        return cluster
    }

    /// The findings' kinds and texts after `fault` is written and checked.
    static func findings(after fault: (inout PartitionState) -> Void, in cluster: Cluster) -> [String] {
        var cluster = cluster
        cluster.modifyPartition(TestCluster.tp, fault)
        cluster.checkAfterEvent()
        return cluster.findings.map { "\($0.kind.rawValue) \($0.partition): \($0.message)" }
    }

    /// A log of `count` records of epoch `epoch`, all below its HW.
    static func log(records count: Int, epoch: Int) -> ReplicaLog {
        var log = ReplicaLog()
        log.append((0..<count).map { Record(offset: Int64($0), leaderEpoch: epoch, value: "x\($0)") })
        log.highWatermark = Int64(count)
        return log
    }

    @Test func followerRewrittenBelowTheHighWatermark() throws {
        let cluster = try Self.settled()
        let found = Self.findings(after: { $0.logs[2] = Self.log(records: 3, epoch: 7) }, in: cluster)
        #expect(
            found == [
                "StrongIsr t-0: ISR member 2 differs from the leader below HW 3",
                "LogMatching t-0: brokers 1 and 2 disagree below offset 3",
                "LogMatching t-0: brokers 2 and 3 disagree below offset 3",
            ])
    }

    /// A follower truncated below the HW and refilled to the same LEO and HW with records of another epoch: its log's
    /// last run of one epoch (what `epoch(at:)` answers without a search) now starts at offset 1, and the check reads
    /// the new epoch at HW − 1.
    @Test func followerTruncatedAndRefilledWithAnotherEpoch() throws {
        let cluster = try Self.settled()
        let found = Self.findings(
            after: { state in
                state.logs.modify(2) { log in
                    log.truncate(to: 1)
                    log.append([
                        Record(offset: 1, leaderEpoch: 7, value: "y"), Record(offset: 2, leaderEpoch: 7, value: "z"),
                    ])
                    log.highWatermark = 3
                }
            }, in: cluster)
        #expect(
            found == [
                "StrongIsr t-0: ISR member 2 differs from the leader below HW 3",
                "LogMatching t-0: brokers 1 and 2 disagree below offset 3",
                "LogMatching t-0: brokers 2 and 3 disagree below offset 3",
            ])
    }

    /// Pairs are reported by ascending broker ids whatever the replica order (3, 1, 2 here).
    @Test func pairBreaksInBrokerOrder() throws {
        let cluster = try Self.settled(replicas: [3, 1, 2])
        let found = Self.findings(after: { $0.logs[1] = Self.log(records: 3, epoch: 7) }, in: cluster)
        #expect(
            found == [
                "StrongIsr t-0: ISR member 1 differs from the leader below HW 3",
                "LogMatching t-0: brokers 1 and 2 disagree below offset 3",
                "LogMatching t-0: brokers 1 and 3 disagree below offset 3",
            ])
    }

    @Test func isrMemberShorterThanTheHighWatermark() throws {
        let cluster = try Self.settled()
        let found = Self.findings(after: { $0.logs.modify(3) { $0.truncate(to: 1) } }, in: cluster)
        #expect(found == ["HighWatermarkBelowIsrLogEnd t-0: leader HW 3 is above the LEO 1 of ISR member 3"])
    }

    @Test func leaderHighWatermarkMovedBack() throws {
        let cluster = try Self.settled()
        let found = Self.findings(after: { $0.logs.modify(1) { $0.highWatermark = 1 } }, in: cluster)
        #expect(found == ["HighWatermarkMonotonic t-0: leader HW went from 3 to 1"])
    }

    @Test func leaderLeftOutOfTheIsr() throws {
        let cluster = try Self.settled()
        let found = Self.findings(after: { $0.isr = [2, 3] }, in: cluster)
        #expect(found == ["LeaderInIsr t-0: leader 1 is not in Isr 2,3"])
    }

    /// A stopped broker serves nothing: its bad log breaks nothing until it runs again.
    @Test func stoppedReplicaIsNotChecked() throws {
        var cluster = try Self.settled()
        try cluster.apply(.crash, to: 3)
        let found = Self.findings(after: { $0.logs[3] = Self.log(records: 3, epoch: 7) }, in: cluster)
        #expect(found.isEmpty)
    }

    /// A lasting break is reported once, however many events check the partition again.
    @Test func lastingBreakReportedOnce() throws {
        var cluster = try Self.settled()
        cluster.modifyPartition(TestCluster.tp) { $0.isr = [2, 3] }
        cluster.checkAfterEvent()
        cluster.modifyPartition(TestCluster.tp) { $0.partitionEpoch += 1 }
        cluster.checkAfterEvent()
        #expect(cluster.findings.map(\.kind) == [.leaderNotInIsr])
    }

    /// The check remembers the epochs it read per replica log for the first four replicas only; a fifth replica's
    /// rewritten log is compared like the others.
    @Test func fifthReplicaRewrittenBelowTheHighWatermark() throws {
        let cluster = try Self.settled(replicas: [1, 2, 3, 4, 5])
        let found = Self.findings(after: { $0.logs[5] = Self.log(records: 3, epoch: 7) }, in: cluster)
        #expect(
            found == [
                "StrongIsr t-0: ISR member 5 differs from the leader below HW 3",
                "LogMatching t-0: brokers 1 and 5 disagree below offset 3",
                "LogMatching t-0: brokers 2 and 5 disagree below offset 3",
                "LogMatching t-0: brokers 3 and 5 disagree below offset 3",
                "LogMatching t-0: brokers 4 and 5 disagree below offset 3",
            ])
    }

    /// A follower cut back to one record of another epoch and left out of the ISR: the ISR check reads the leader's
    /// epoch at HW − 1 (offset 2), the pair checks read offset 0 of the same log; the epochs are remembered by offset,
    /// so both pairs are still found.
    @Test func followerDiffersBelowAShorterHighWatermark() throws {
        let cluster = try Self.settled()
        let found = Self.findings(
            after: { state in
                var log = ReplicaLog()
                log.append([Record(offset: 0, leaderEpoch: 7, value: "x")])
                log.highWatermark = 1
                state.logs[2] = log
                state.isr = [1, 3]
            }, in: cluster)
        #expect(
            found == [
                "LogMatching t-0: brokers 1 and 2 disagree below offset 1",
                "LogMatching t-0: brokers 2 and 3 disagree below offset 1",
            ])
    }

    /// When one event writes two partitions, each is read once for both checks, yet the lines keep their order: the
    /// loss tracking of every partition, then the invariant breaks of each, as checking every partition finds them.
    @Test func twoPartitionsInOneEventKeepTheFindingsOrder() throws {
        var cluster = try Self.settled(partitions: 2)
        var everything = cluster
        everything.engine.touched.checksEveryPartition = true
        func fault(_ cluster: inout Cluster) {
            cluster.modifyPartition(TopicPartition("t", 0)) { $0.isr = [2, 3] }
            cluster.modifyPartition(TopicPartition("t", 1)) { $0.logs.modify(1) { $0.truncate(to: 1) } }
            cluster.checkAfterEvent()
        }
        fault(&cluster)
        fault(&everything)
        let found = cluster.findings.map { "\($0.kind.rawValue) \($0.partition): \($0.message)" }
        #expect(
            found == [
                "NoCommittedRecordLost t-1: committed records lost at offsets 1..2",
                "LeaderInIsr t-0: leader 1 is not in Isr 2,3",
                "HighWatermarkMonotonic t-1: leader HW went from 3 to 1",
            ])
        #expect(cluster.findings == everything.findings)
        #expect(cluster.engine.eventLog == everything.engine.eventLog)
        #expect(cluster == everything)
    }
}
