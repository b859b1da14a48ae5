import Replication
import ScenarioLanguage
import Testing

@testable import CourseSite

/// The picture of a step, as a model: what it draws is what the cluster is, and its highlights are what the step's
/// changes say.
struct DiagramTests {
    /// The pictures of every command of a script, with the steps' changes.
    static func pictures(_ script: String) -> [(changes: StepChanges, diagram: Diagram?)] {
        var memory = StepMemory()
        var previous: Cluster?
        return StepChangesTests.timeline(script).map { entry in
            defer { previous = entry.command.cluster }
            let changes = SnapshotChanges.changes(from: previous, to: entry.command.cluster)
            guard let cluster = entry.command.cluster, !cluster.topics.isEmpty else { return (changes, nil) }
            let sameBoxes = memory.lookBack(from: cluster).sameBoxes
            return (changes, memory.picture(cluster: cluster, changes: changes, sameBoxes: sameBoxes))
        }
    }

    static let unclean = """
        cluster brokers=3
        topic t partitions=1 replication-factor=3 min.insync.replicas=1 unclean.leader.election.enable=true
        crash 2
        advance 9s
        produce t partition=0 count=3
        crash 1
        advance 9s
        produce t partition=0 count=2
        crash 0
        advance 9s
        restart 2
        advance 2s
        restart 1
        advance 3s
        """

    @Test func anOutOfSyncReplicaIsDrawnMarkedAndTheLeaderFilled() throws {
        let pictures = Self.pictures(Self.unclean)
        let fenced = try #require(pictures[3].diagram)
        let boxes = fenced.columns.flatMap(\.brokers)
        #expect(boxes.map(\.id) == [0, 1, 2])
        #expect(boxes[2].isFenced && boxes[2].state == .crashed)
        #expect(boxes[0].replicas.first?.isLeader == true)
        #expect(boxes[2].replicas.first?.marks == .outOfSync)
        #expect(boxes[2].replicas.first?.isChanged == true)
        #expect(boxes[1].replicas.first?.isChanged == false)
    }

    /// Lesson 06's leaderless step: every replica is still drawn, each marked as having no leader.
    @Test func aLeaderlessPartitionKeepsAllItsReplicas() throws {
        let offline = try #require(Self.pictures(Self.unclean)[9].diagram)
        let replicas = offline.columns.flatMap(\.brokers).flatMap(\.replicas)
        #expect(replicas.count == 3)
        #expect(replicas.allSatisfy { $0.marks.contains(.noLeader) && !$0.isLeader })
        let log = try #require(offline.logs.first)
        #expect(log.leader == nil && log.highWatermark == nil)
    }

    /// The unclean election's step says which records were lost, and draws them: the new leader has none of them,
    /// the old replicas' records differ from its log.
    @Test func theUncleanElectionDrawsTheLostRecords() throws {
        let (changes, diagram) = Self.pictures(Self.unclean)[11]
        let id = TopicPartition("t", 0)
        #expect(changes.changes.contains(.recordsLost(id, offsets: [0, 1, 2, 3, 4])))
        #expect(changes.sentences.contains("Data loss on P0: acknowledged records at offsets 0..4 are lost."))
        let log = try #require(diagram?.logs.first)
        #expect(log.isUnclean && log.leader == 2)
        #expect(log.lost == [0, 1, 2, 3, 4] && log.newlyLost == [0, 1, 2, 3, 4])
        #expect(log.bars.map(\.divergedFrom) == [0, 0, nil])
    }

    /// When the old follower comes back it truncates; the picture shows the records it removed at that step.
    @Test func truncatedRecordsAreShownAtTheStepTheyGo() throws {
        let (changes, diagram) = Self.pictures(Self.unclean)[13]
        let id = TopicPartition("t", 0)
        #expect(changes.changes.contains(.truncated(id, 1, removed: 0..<3)))
        let bar = try #require(diagram?.logs.first?.bars.first { $0.broker == 1 })
        #expect(bar.truncated == 0..<3 && bar.logEndOffset == 0 && bar.previousLogEndOffset == 3)
    }

    /// Lesson 04's commit path: the leader's LEO moves first, then the followers', then the high watermark.
    @Test func theCommitPathMovesLogEndOffsetsThenTheHighWatermark() throws {
        let pictures = Self.pictures(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            produce t partition=0 count=3 async
            advance 2ms
            advance 1ms
            advance 501ms
            """)
        let bars = try pictures.dropFirst().map { try #require($0.diagram?.logs.first?.bars) }
        #expect(bars[1].map(\.previousLogEndOffset) == [0, nil, nil])
        #expect(bars[2].map(\.previousLogEndOffset) == [nil, 0, 0])
        #expect(bars[2].map(\.committedEnd) == [0, 0, 0])
        #expect(bars[3].map(\.previousHighWatermark) == [0, nil, nil])
        #expect(bars[3].map(\.committedEnd) == [3, 3, 3])
        #expect(bars[4].map(\.previousHighWatermark) == [nil, 0, 0])
    }

    /// A step that changes nothing the picture shows keeps the last picture.
    @Test func aStepThatChangesNothingHasTheSamePicture() throws {
        let pictures = Self.pictures(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            describe t
            """)
        #expect(pictures[1].diagram?.state == pictures[2].diagram?.state)
    }
}
