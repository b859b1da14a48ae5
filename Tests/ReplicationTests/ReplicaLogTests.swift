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

    /// `epoch(at:)` answers the log's last run of one epoch without searching the slices; after thousands of seeded
    /// appends (several records, epochs that repeat, rise and fall) and truncations (inside a slice, at a slice's
    /// start, inside and below the last run, to 0), every offset still reads the epoch of the record appended there.
    @Test func epochAtReadsTheRecordsEpochAfterAppendsAndTruncations() {
        var random = SplitMix64(seed: 7)
        var log = ReplicaLog()
        var epochs: [Int] = []  // the epoch of the record at each offset, written alongside the log
        for _ in 0..<3_000 {
            if Int.random(in: 0..<4, using: &random) == 0 {
                let target = Int.random(in: 0...epochs.count, using: &random)
                log.truncate(to: Int64(target))
                epochs.removeSubrange(target...)
            } else {
                let epoch = Int.random(in: 0..<3, using: &random)
                let count = Int.random(in: 1...3, using: &random)
                let base = Int64(epochs.count)
                log.append(
                    RecordSlice(
                        RecordBatch(baseOffset: base, leaderEpoch: epoch, values: Array(repeating: "v", count: count))))
                epochs += Array(repeating: epoch, count: count)
            }
            #expect(log.logEndOffset == Int64(epochs.count))
            let offsets = Set([0, epochs.count - 1, epochs.count - 2, epochs.count / 2, epochs.count]).map { Int64($0) }
            for offset in offsets.sorted() + [-1] {
                let expected = offset >= 0 && offset < epochs.count ? epochs[Int(offset)] : nil
                #expect(log.epoch(at: offset) == expected, "offset \(offset) of \(epochs.count)")
            }
        }
        #expect((0..<log.logEndOffset).map { log.epoch(at: $0) } == epochs.map { $0 })
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

@Suite struct RecordBatchLogTests {
    /// A log of three batches (offsets 0..<3, 3..<7, 7..<10; epochs 0, 0, 1), one batch per produce.
    static func threeBatches() -> (ReplicaLog, [RecordBatch]) {
        let batches = [
            RecordBatch(baseOffset: 0, leaderEpoch: 0, key: "k", values: ["a", "b", "c"]),
            RecordBatch(baseOffset: 3, leaderEpoch: 0, values: ["d", "e", "f", "g"]),
            RecordBatch(baseOffset: 7, leaderEpoch: 1, values: ["h", "i", "j"]),
        ]
        var log = ReplicaLog()
        for batch in batches { log.append(RecordSlice(batch)) }
        return (log, batches)
    }

    @Test func recordsAreReadAcrossBatches() {
        let (log, _) = Self.threeBatches()
        #expect(log.logEndOffset == 10)
        #expect(log.records.map(\.value) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        #expect(log.records.map(\.offset) == Array(0..<10))
        #expect(log.record(at: 1) == Record(offset: 1, leaderEpoch: 0, key: "k", value: "b"))
        #expect((0..<10).map { log.epoch(at: $0) } == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
        #expect(log.epoch(at: 10) == nil && log.record(at: -1) == nil)
        #expect(log.records(from: 2, to: 8).map(\.value) == ["c", "d", "e", "f", "g", "h"])
        #expect(log.epochCache.entries == [.init(epoch: 0, startOffset: 0), .init(epoch: 1, startOffset: 7)])
    }

    /// The one-pass reader the oracle's loss scan uses answers as `epoch(at:)` does, in order, with gaps, out of order
    /// and past the log end.
    @Test func theEpochReaderAgreesWithEpochAt() {
        var (log, _) = Self.threeBatches()
        log.append(RecordSlice(RecordBatch(baseOffset: 10, leaderEpoch: 3, values: ["k"])))
        let offsets: [Int64] = [-1, 0, 2, 3, 6, 7, 7, 9, 10, 11, 4, 0, 10, 40]
        var reader = log.epochReader
        #expect(offsets.map { reader.epoch(at: $0) } == offsets.map { log.epoch(at: $0) })
        #expect(offsets.map { log.epoch(at: $0) } == [nil, 0, 0, 0, 0, 1, 1, 1, 3, nil, 0, 0, 3, nil])
        var empty = ReplicaLog().epochReader
        #expect(empty.epoch(at: 0) == nil)
    }

    /// Kafka's follower truncates to an offset inside a batch only in this model (Kafka truncates whole batches,
    /// `LogSegment.truncateTo`); the kept prefix must still read as before.
    @Test func truncationInsideABatchKeepsItsPrefix() {
        var (log, _) = Self.threeBatches()
        log.truncate(to: 5)
        #expect(log.logEndOffset == 5)
        #expect(log.records.map(\.value) == ["a", "b", "c", "d", "e"])
        #expect(log.epoch(at: 4) == 0 && log.epoch(at: 5) == nil)
        #expect(log.latestEpoch == 0)
        log.append(RecordSlice(RecordBatch(baseOffset: 5, leaderEpoch: 2, values: ["x"])))
        #expect(log.records.map(\.value) == ["a", "b", "c", "d", "e", "x"])
        #expect(log.epoch(at: 5) == 2)
        log.truncate(to: 3)
        #expect(log.records.map(\.value) == ["a", "b", "c"])
        log.truncate(to: 0)
        #expect(log.records.isEmpty && log.logEndOffset == 0)
    }

    @Test func aFollowerSharesTheLeadersBatches() throws {
        let (leader, batches) = Self.threeBatches()
        var follower = ReplicaLog()
        // Two fetches that split the middle batch: the follower's log joins the two halves into one slice.
        for (from, to) in [(Int64(0), Int64(5)), (5, 10)] {
            follower.append(contentsOf: leader.slices(from: from, to: to)[...])
        }
        #expect(follower == leader)
        #expect(follower.slices.count == 3)
        for (slice, batch) in zip(follower.slices, batches) {
            #expect(slice.batch === batch, "a replication copies a reference, not the records")
        }
        let fetched = leader.slices(from: 4, to: 8)
        #expect(fetched.map(\.baseOffset) == [4, 7] && fetched.map(\.endOffset) == [7, 8])
    }

    @Test func logsWithTheSameRecordsInOtherBatchesAreEqual() {
        let (log, _) = Self.threeBatches()
        var copy = ReplicaLog()
        copy.append(log.records)
        #expect(copy == log)
        #expect(copy.hashValue == log.hashValue)
        copy.truncate(to: 9)
        #expect(copy != log)
    }
}
