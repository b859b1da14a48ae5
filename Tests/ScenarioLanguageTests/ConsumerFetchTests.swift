import Diagnostics
import Replication
import ScenarioLanguage
import Testing

/// What a consumer fetch returns and which replica serves it, translated from Kafka's broker tests: records only
/// below the high watermark (`FetchIsolation.HIGH_WATERMARK`), the latest offset a consumer is told is the HW, and
/// the preferred read replica of KIP-392. Kafka source read: apache/kafka trunk of 2024-10-25 (1eb7644, 4.0.0-SNAPSHOT).
@Suite struct ConsumerFetchTests {
    static let rackAware = "replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector"

    /// Runs `script`, requires it to parse and every `expect` line to hold, and returns the transcript.
    static func run(_ script: String) -> Transcript {
        let (transcript, problems) = EngineCommandTests.run(script)
        #expect(problems.isEmpty, "\(problems)")
        #expect(transcript.failedExpectationCount == 0, "\(transcript.diagnostics)")
        return transcript
    }

    /// The output of the step whose statement is `command` (the last one when it runs several times).
    static func output(of command: String, in transcript: Transcript) -> [String] {
        transcript.steps.last { $0.statement.text == command }?.output ?? []
    }

    /// Kafka: `ReplicaManagerTest.testFetchBeyondHighWatermark` — two records on the leader above the HW: "Followers
    /// are always allowed to fetch above the high watermark", while a consumer fetch at offset 1 gets no error and an
    /// empty record set ("Consumers are not allowed to consume above the high watermark").
    @Test func consumersStopAtTheHighWatermarkFollowersDoNot() {
        let transcript = Self.run(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            stall 1
            stall 2
            produce t partition=0 value=m count=2 acks=1
            expect hw t-0 == 0
            expect leo t-0 == 2
            consume t partition=0 from=1
            expect read t-0 == none
            resume 1
            advance 1s
            expect leo t-0 on 1 == 2
            expect hw t-0 == 0
            expect read t-0 == none
            resume 2
            advance 1s
            expect hw t-0 == 2
            expect read t-0 == m0,m1
            """)
        #expect(Self.output(of: "consume t partition=0 from=1", in: transcript) == ["Processed a total of 0 messages"])
        #expect(
            transcript.steps.allSatisfy { step in
                if case .kafkaError = step.outcome { return false }
                return true
            })
    }

    /// Kafka: `PartitionTest.testListOffsetIsolationLevels` — with three records appended and the HW at 0, the
    /// latest offset is 3 without isolation (a replica) but 0 with `READ_UNCOMMITTED` (a client); once the HW moves,
    /// the client's latest offset moves with it. So `kafka-consumer-groups` prints the HW as LOG-END-OFFSET, and a
    /// new group with `auto.offset.reset=latest` (`OffsetFetcherTest.testUpdateFetchPositionResetToLatestOffset`:
    /// a `ListOffsets` for `LATEST_TIMESTAMP`) starts at the HW, not at the leader's log end.
    @Test func latestOffsetForAConsumerIsTheHighWatermark() throws {
        let transcript = Self.run(
            """
            cluster brokers=2
            topic t partitions=1 replication-factor=2
            stall 1
            produce t partition=0 value=v count=3 acks=1
            expect leo t-0 == 3
            expect hw t-0 == 0
            join g member=c1 topics=t enable.auto.commit=false
            poll g member=c1
            commit g member=c1
            expect committed g t-0 == 0
            expect lag g t-0 == 0
            groups describe g
            resume 1
            advance 1s
            expect hw t-0 == 3
            expect lag g t-0 == 3
            poll g member=c1
            """)
        let first = try #require(Self.output(of: "groups describe g", in: transcript).last)
        #expect(first.split(separator: " ").prefix(6) == ["g", "t", "0", "0", "0", "0"], "LOG-END-OFFSET is the HW")
        #expect(
            Self.output(of: "poll g member=c1", in: transcript)
                == [
                    "Partition:0\tOffset:0\tv0", "Partition:0\tOffset:1\tv1", "Partition:0\tOffset:2\tv2",
                    "c1 polled 3 records",
                ],
            "latest started at the HW (0), so the records above it then are not skipped")
    }

    /// Kafka: `ReplicaManagerTest.testPreferredReplicaAsLeader` — a consumer whose rack holds the leader gets no
    /// preferred read replica: it reads from the leader (`RackAwareReplicaSelector`: "Use the leader if it's in this
    /// rack").
    @Test func leaderInTheClientsRackServes() throws {
        let transcript = Self.run(
            """
            cluster brokers=3 racks=3 \(Self.rackAware)
            topic t replica-assignment=0:1:2
            produce t partition=0 value=v count=2
            advance 1s
            consume t rack=R1
            """)
        let cluster = try #require(transcript.steps.last?.cluster)
        let tp = TopicPartition("t", 0)
        #expect(cluster.preferredReadReplica(tp, rack: "R1") == 0)
        #expect(cluster.preferredReadReplica(tp, rack: "R2") == 1, "a follower serves a client of its own rack")
        #expect(cluster.consume(topic: "t", rack: "R1").map(\.replica) == [0, 0])
    }

    /// Kafka: `ReplicaSelectorTest.testSameRackSelector` — leader 0 and replica 1 in rack-a, replicas 2 and 3 in
    /// rack-b, 3 further ahead than 2: a rack-b client gets replica 3 ("Expected replica 3 since it is more
    /// caught-up"), a client of an unknown rack the leader, a rack-a client the leader ("since it's in rack-a").
    /// Here broker 2's fetch responses are late, so the leader has seen it at offset 0 and broker 3 at 4; by id
    /// alone broker 2 would win.
    @Test func sameRackSelectorPrefersTheMostCaughtUpReplica() throws {
        let transcript = Self.run(
            """
            cluster brokers=4 racks=2 \(Self.rackAware)
            topic t replica-assignment=0:1:2:3
            slow 2 lag=5s
            produce t partition=0 value=v count=4 acks=1
            advance 1s
            expect isr t-0 == 0,1,2,3
            """)
        let cluster = try #require(transcript.steps.last?.cluster)
        let tp = TopicPartition("t", 0)
        let state = try #require(cluster.partition(tp))
        #expect(state.followerStates[2]?.logEndOffset == 0)
        #expect(state.followerStates[3]?.logEndOffset == 4)
        #expect(cluster.preferredReadReplica(tp, rack: "R2") == 3)
        #expect(cluster.preferredReadReplica(tp, rack: "not-a-rack") == 0)
        #expect(cluster.preferredReadReplica(tp, rack: "R1") == 0)
    }

    /// Kafka: `ReplicaManagerTest.testFetchShouldReturnImmediatelyWhenPreferredReadReplicaIsDefined` — a follower in
    /// the client's rack that has fetched once ("The leader must record the follower's fetch offset to make it
    /// eligible") is the preferred read replica. `ReplicaManager.findPreferredReadReplica` looks only at ISR
    /// membership and the log end offset the leader recorded, not at whether the follower still fetches: a stalled
    /// follower still in the ISR is chosen, and serves up to its own, stale, high watermark.
    @Test func stalledFollowerInTheIsrIsStillPreferred() throws {
        let transcript = Self.run(
            """
            cluster brokers=2 racks=2 \(Self.rackAware)
            topic t replica-assignment=0:1
            produce t partition=0 value=v count=2
            advance 1s
            stall 1
            produce t partition=0 value=w count=2 acks=1
            advance 1s
            expect isr t-0 == 0,1
            expect hw t-0 == 2
            """)
        let cluster = try #require(transcript.steps.last?.cluster)
        let tp = TopicPartition("t", 0)
        #expect(cluster.preferredReadReplica(tp, rack: "R2") == 1)
        let read = cluster.consume(topic: "t", rack: "R2")
        #expect(read.map(\.value) == ["v0", "v1"])
        #expect(read.allSatisfy { $0.replica == 1 })
        #expect(cluster.preferredReadReplica(tp, rack: "R2", fetchOffset: 3) == 0, "it does not hold offset 3")
    }
    /// Kafka: `FetcherTest.testFetchDisconnectedShouldClearPreferredReadReplica` — a consumer reading from its preferred
    /// follower loses the connection: the preferred read replica is cleared and the next fetch goes to the leader
    /// (`selectReadReplica` gives the leader). Here the follower in the client's rack crashes; it is still in the ISR
    /// until the controller fences it, yet the group member keeps reading, from the leader.
    @Test func crashedPreferredFollowerFallsBackToTheLeader() throws {
        let transcript = Self.run(
            """
            cluster brokers=3 racks=3 \(Self.rackAware)
            topic t replica-assignment=0:1:2
            join g member=c1 topics=t rack=R2 auto.offset.reset=earliest enable.auto.commit=false
            produce t partition=0 value=a count=4
            advance 1s
            poll g member=c1 max=2
            crash 1
            expect isr t-0 == 0,1,2
            poll g member=c1
            """)
        let polls = transcript.steps.filter { $0.statement.text.hasPrefix("poll g member=c1") }
        #expect(polls.count == 2)
        let before = try #require(polls.first?.cluster)
        let after = try #require(polls.last?.cluster)
        let tp = TopicPartition("t", 0)
        #expect(before.preferredReadReplica(tp, rack: "R2") == 1)
        #expect(after.preferredReadReplica(tp, rack: "R2", fetchOffset: 2) == 0)
        #expect(
            polls.last?.output
                == ["Partition:0\tOffset:2\ta2", "Partition:0\tOffset:3\ta3", "c1 polled 2 records"])
    }
}
