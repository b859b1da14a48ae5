import Course
import Diagnostics
import Replication
import ScenarioLanguage
import Testing

@testable import CourseSite

/// What changed in a step, derived from the snapshots before and after it.
struct StepChangesTests {
    /// The commands of a script, run with seed 1.
    static func timeline(_ script: String) -> [Timeline.Entry] {
        let (parsed, problems) = ScenarioParser.parse(
            script, sourceMap: .identity(file: "t.scenario", lineCount: script.split(separator: "\n").count))
        #expect(problems.isEmpty, "\(problems)")
        return ScenarioRunner.run(parsed, seed: 1).timeline.entries
    }

    /// The changes of every command of a script, in order.
    static func changes(_ script: String) -> [StepChanges] {
        let entries = timeline(script)
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
        #expect(steps[6].changes.contains(.leader(TopicPartition("t", 0), from: 0, to: 1, epoch: 1, election: .clean)))
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
        #expect(offline.changes.contains(.leader(TopicPartition("t", 0), from: 0, to: nil, epoch: 1, election: .clean)))
        #expect(!offline.changes.contains { if case .highWatermark = $0 { true } else { false } })
        #expect(offline.sentences.first { $0.contains("High watermark") } == nil)
        #expect(offline.sentences.contains("P0 is offline: no leader (epoch 1)."))
    }

    @Test func uncleanAndPreferredElectionsAreToldApart() {
        let unclean = Self.changes(
            """
            cluster brokers=2
            topic t partitions=1 replication-factor=2 min.insync.replicas=1 unclean.leader.election.enable=true
            crash 1
            advance 9s
            produce t partition=0 count=2
            crash 0
            advance 9s
            restart 1
            advance 2s
            """)
        let id = TopicPartition("t", 0)
        #expect(unclean[8].changes.contains(.leader(id, from: nil, to: 1, epoch: 2, election: .unclean)))
        #expect(unclean[8].changes.contains(.recordsLost(id, offsets: [0, 1])))
        #expect(
            unclean[8].sentences.starts(with: [
                "The controller unfenced B1.",
                "P0 has a leader again: B1 (epoch 2), elected uncleanly: it was not in the ISR.",
                "Data loss on P0: acknowledged records at offsets 0..1 are lost.",
            ]))
        let preferred = Self.changes(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            crash 0
            advance 9s
            restart 0
            advance 2s
            elect preferred t-0
            config t min.insync.replicas=2
            """)
        #expect(preferred[6].changes == [.leader(id, from: 1, to: 0, epoch: 2, election: .preferred)])
        #expect(preferred[7].changes == [.topicConfig("t", key: "min.insync.replicas", from: nil, to: "2")])
        #expect(preferred[7].sentences == ["t: min.insync.replicas (default) → 2."])
    }

    /// Lesson 07's lost response: without idempotence the retry is a duplicate; with it, the leader recognises it.
    @Test func lostResponsesRetriesAndDuplicatesAreTold() {
        let steps = Self.changes(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            producer plain enable.idempotence=false
            drop-responses 0
            produce t value=m1 producer=plain
            producer safe
            drop-responses 0
            produce t value=m2 producer=safe
            """)
        let id = TopicPartition("t", 0)
        let plain = steps[4].changes
        #expect(plain.contains(.responseLost(request: ProduceRequestID(1), id, broker: 0, offsets: 0..<1)))
        #expect(plain.contains(.retry(producer: "plain", batch: ProducerBatchID(1), id, values: ["m1"], attempt: 2)))
        #expect(plain.contains(.duplicate(producer: "plain", batch: ProducerBatchID(1), id, offsets: [0, 1])))
        let safe = steps[7].changes
        #expect(safe.contains(.responseLost(request: ProduceRequestID(3), id, broker: 0, offsets: 2..<3)))
        #expect(
            safe.contains(.duplicateRecognised(producer: "safe", batch: ProducerBatchID(2), id, broker: 0, offset: 2)))
        #expect(!safe.contains { if case .duplicate = $0 { true } else { false } })
    }

    /// A broker that wrote nothing (it answered with an error) and lost its answer: the loss is told, with no offsets.
    @Test func aLostErrorResponseIsToldWithoutOffsets() {
        let steps = Self.changes(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            producer p enable.idempotence=false
            crash 1
            crash 2
            advance 10s
            drop-responses 0
            produce t value=a producer=p async
            advance 5ms
            """)
        // The batch leaves the accumulator when its linger.ms (5 ms on Kafka 4.x) ends, in the `advance`.
        let id = TopicPartition("t", 0)
        let change = StepChange.responseLost(request: ProduceRequestID(1), id, broker: 0, offsets: nil)
        #expect(steps[8].changes.contains(change), "\(steps[8].changes)")
        #expect(
            steps[8].sentences.contains(
                "B0 answered request 1 to P0 with an error (it wrote nothing), but its response was lost: the producer will time out."
            ), "\(steps[8].sentences)")
    }

    @Test func rebalancesAndAssignmentsAreTold() {
        let steps = Self.changes(
            """
            cluster brokers=3
            topic t partitions=2 replication-factor=3
            join g member=c1 topics=t
            join g member=c2 topics=t
            leave g member=c1
            """)
        let (t0, t1) = (TopicPartition("t", 0), TopicPartition("t", 1))
        #expect(steps[3].changes.contains(.rebalance(group: "g", generation: 2, assignor: "range")))
        #expect(steps[3].changes.contains(.assignment(group: "g", member: "c1", from: [t0, t1], to: [t0])))
        #expect(steps[3].changes.contains(.assignment(group: "g", member: "c2", from: nil, to: [t1])))
        #expect(steps[3].sentences.contains("c1's assignment in g: P0, P1 → P0."))
        #expect(steps[4].sentences.contains("c1 is no longer in group g."))
    }

    /// Passing over the partitions whose leader, epoch, ISR, replicas, logs and lost offsets are the same (compared
    /// in place) gives the changes derived for every partition, and the brokers compared in one pass are those
    /// compared broker by broker; over seeded random scenarios with faults, elections and lost records, each step
    /// also against a state several steps earlier.
    @Test func partitionsPassedOverHaveNoChanges() {
        var told = (partitions: 0, lost: 0, brokers: 0, passedOver: 0)
        for seed in 0..<24 {
            let entries = Self.timeline(StepMemoryTests.script(seed: UInt64(seed)))
            for (index, entry) in entries.enumerated() {
                for earlier in [index - 1, index - 7] where earlier >= -1 {
                    let before = earlier < 0 ? nil : entries[earlier].command.cluster
                    let after = entry.command.cluster
                    let changes = SnapshotChanges.changes(from: before, to: after)
                    #expect(
                        changes == SnapshotChanges.changes(from: before, to: after, everyPartition: true),
                        "seed \(seed), step \(entry.number) from \(earlier + 1)")
                    told.partitions += changes.touchedPartitions.count
                    told.lost += changes.changes.filter { if case .recordsLost = $0 { true } else { false } }.count
                    guard let before, let after else { continue }
                    let sameBrokers =
                        before.sortedBrokers.map(\.id) == after.sortedBrokers.map(\.id)
                        && after.brokers.keys.allSatisfy {
                            before.state(of: $0) == after.state(of: $0) && before.isFenced($0) == after.isFenced($0)
                        }
                    #expect(after.hasSameBrokerStatus(as: before) == sameBrokers)
                    told.brokers += sameBrokers ? 0 : 1
                    for id in after.brokers.keys {
                        let status = after.brokerStatus(id)
                        #expect(status.state == after.state(of: id) && status.isFenced == after.isFenced(id))
                    }
                    told.passedOver +=
                        after.topics.values.reduce(0) { $0 + $1.partitions.count } - changes.touchedPartitions.count
                }
            }
        }
        // The scenarios exercise every path: partitions changed and passed over, records lost, brokers changed.
        #expect(told.partitions > 100 && told.passedOver > 100 && told.lost > 0 && told.brokers > 10, "\(told)")
    }
}
