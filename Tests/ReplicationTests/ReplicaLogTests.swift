import Testing

@testable import Replication

@Suite struct ReplicaLogTests {
    @Test func truncationAtTheEndStillDropsAnEmptyEpoch() {
        var log = ReplicaLog()
        log.append([Record(offset: 0, leaderEpoch: 0, value: "a")])
        log.assignEpochStart(1)
        #expect(log.latestEpoch == 1)
        log.truncate(to: 1)
        #expect(log.latestEpoch == 0, "Kafka: UnifiedLog.truncateTo always truncates the epoch cache")
        #expect(log.logEndOffset == 1)
    }

    @Test func truncationLowersHighWatermarkAndFlushedOffset() {
        var log = ReplicaLog()
        log.append((0..<5).map { Record(offset: $0, leaderEpoch: 0, value: "v\($0)") })
        log.highWatermark = 5
        log.flushedOffset = 4
        log.truncate(to: 2)
        #expect(log.logEndOffset == 2)
        #expect(log.highWatermark == 2)
        #expect(log.flushedOffset == 2)
    }
}
