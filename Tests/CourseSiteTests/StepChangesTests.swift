import Course
import Diagnostics
import Replication
import ScenarioLanguage
import Testing

@testable import CourseSite

/// What changed in a step, derived from the snapshots before and after it.
struct StepChangesTests {
    /// The changes of every command of a script, in order.
    static func changes(_ script: String) -> [StepChanges] {
        let (parsed, problems) = ScenarioParser.parse(
            script, sourceMap: .identity(file: "t.scenario", lineCount: script.split(separator: "\n").count))
        #expect(problems.isEmpty, "\(problems)")
        let entries = ScenarioRunner.run(parsed, seed: 1).timeline.entries
        var previous: Cluster?
        return entries.map { entry in
            defer { previous = entry.command.cluster }
            return SnapshotChanges.changes(from: previous, to: entry.command.cluster)
        }
    }

    static let failover = """
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        produce t partition=0 count=3 async
        advance 2ms
        advance 1ms
        crash 0
        advance 9s
        """

    @Test func appendsAreLogEndOffsetMovesPerReplica() {
        let steps = Self.changes(Self.failover)
        let id = TopicPartition("t", 0)
        #expect(steps[2].changes.contains(.logEndOffset(id, 0, from: 0, to: 3)))
        #expect(steps[3].changes.contains(.logEndOffset(id, 1, from: 0, to: 3)))
        #expect(steps[3].changes.contains(.logEndOffset(id, 2, from: 0, to: 3)))
        #expect(steps[3].sentences.contains("Log end offset (LEO) of P0: B1 0 → 3, B2 0 → 3."))
        #expect(steps[4].changes.contains(.highWatermark(id, from: 0, to: 3)))
    }

    @Test func aNewLeaderIsReportedWithItsEpochAndTheFailedBrokerWithItsState() {
        let steps = Self.changes(Self.failover)
        #expect(steps[5].changes == [.brokerState(0, from: .up, to: .crashed)])
        #expect(steps[6].changes.contains(.leader(TopicPartition("t", 0), from: 0, to: 1, epoch: 1)))
        #expect(steps[6].changes.contains(.leftIsr(TopicPartition("t", 0), 0)))
        #expect(steps[6].touchedPartitions == [TopicPartition("t", 0)])
    }

    /// A partition that loses its leader has no high watermark: that is not a move of the HW to 0.
    @Test func anOfflinePartitionReportsNoHighWatermark() {
        let steps = Self.changes(
            """
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            produce t partition=0 count=10
            crash 0
            advance 9s
            """)
        let offline = steps[4]
        #expect(offline.changes.contains(.leader(TopicPartition("t", 0), from: 0, to: nil, epoch: 1)))
        #expect(!offline.changes.contains { if case .highWatermark = $0 { true } else { false } })
        #expect(offline.sentences.first { $0.contains("High watermark") } == nil)
        #expect(offline.sentences.contains("P0 is offline: no leader (epoch 1)."))
    }
}
