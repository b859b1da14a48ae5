import Replication
import ScenarioLanguage
import Testing

/// The classic group protocol as the coordinator and `kafka-consumer-groups` see it, translated from Kafka's tests:
/// generations, leaving, session expiry, commits during a rebalance, the auto-commit before a rebalance, and the
/// describe rows. Kafka source read: apache/kafka trunk of 2024-10-25 (1eb7644, 4.0.0-SNAPSHOT; the new group
/// coordinator's classic groups and the Java `ConsumerGroupCommand`).
@Suite struct ConsumerGroupCoordinatorTests {
    static let setup = """
        cluster brokers=3
        topic t partitions=2 replication-factor=3
        produce t partition=0 value=a count=10
        produce t partition=1 value=b count=10

        """

    /// The split fields of the describe rows for `partition`.
    static func rows(_ output: [String], partition: Int) -> [[String]] {
        output.map { $0.split(separator: " ").map(String.init) }.filter {
            $0.count >= 9 && $0[0] == "g" && $0[1] == "t" && $0[2] == String(partition)
        }
    }

    static func group(_ transcript: Transcript, at index: Int? = nil) -> ConsumerGroup? {
        let step = index.map { transcript.steps[$0] } ?? transcript.steps.last
        return step?.cluster?.groups["g"]
    }

    /// Kafka: `GroupMetadataManagerTest.testValidLeaveGroup` — the only dynamic member leaves: the group is Empty in
    /// generation 2. `DescribeConsumerGroupTest.testDescribeOffsetsOfExistingGroupWithNoMembers` and
    /// `testDescribeStateOfExistingGroupWithNoMembers`: Empty, 0 members, and the committed partition is still listed,
    /// with `-` for consumer id, host and client id. Committed offsets outlive the members: the next one starts there.
    @Test func lastMemberLeavingEmptiesTheGroupButNotItsOffsets() throws {
        let transcript = ConsumerFetchTests.run(
            Self.setup + """
                join g member=c1 topics=t enable.auto.commit=false auto.offset.reset=earliest
                poll g member=c1 max=4
                commit g member=c1
                leave g member=c1
                groups describe g
                groups describe g --state
                expect committed g t-0 == 4
                join g member=c2 topics=t enable.auto.commit=false
                poll g member=c2 max=1
                """)
        let leftIndex = try #require(transcript.steps.firstIndex { $0.statement.text == "leave g member=c1" })
        let left = try #require(Self.group(transcript, at: leftIndex))
        #expect(left.state == .empty)
        #expect(left.generation == 2)
        #expect(left.members.isEmpty)
        let describe = ConsumerFetchTests.output(of: "groups describe g", in: transcript)
        #expect(describe.prefix(2) == ["", "Consumer group 'g' has no active members."])
        #expect(Self.rows(describe, partition: 0) == [["g", "t", "0", "4", "10", "6", "-", "-", "-"]])
        #expect(
            Self.rows(describe, partition: 1) == [["g", "t", "1", "0", "10", "10", "-", "-", "-"]],
            "commitSync commits every position (SubscriptionState.allConsumed), t-1's too, at 0")
        let state = ConsumerFetchTests.output(of: "groups describe g --state", in: transcript)
        #expect(state.last?.split(separator: " ").suffix(2) == ["Empty", "0"])
        #expect(transcript.steps.last?.output.first == "Partition:0\tOffset:4\ta4")
    }

    /// Kafka: `DescribeConsumerGroupTest.testDescribeOffsetsWithConsumersWithoutAssignedPartitions` — two consumers
    /// of a one-partition topic: one row, the member without partitions has none
    /// (`ConsumerGroupCommand.collectGroupsOffsets` filters members with an empty assignment);
    /// `testDescribeNonOffsetCommitGroup` with `ConsumerGroupCommand.getLag` — a member that never committed is
    /// listed with CURRENT-OFFSET and LAG `-`, and its consumer id, host and client id.
    @Test func describeListsAssignedPartitionsAndDashesWithoutACommit() throws {
        let transcript = ConsumerFetchTests.run(
            """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            produce t partition=0 value=a count=10
            join g member=c1 topics=t enable.auto.commit=false auto.offset.reset=earliest
            join g member=c2 topics=t enable.auto.commit=false auto.offset.reset=earliest
            expect assignment g c2 == none
            poll g member=c1 max=4
            expect lag g t-0 == -
            groups describe g
            """)
        let describe = ConsumerFetchTests.output(of: "groups describe g", in: transcript)
        let rows = describe.dropFirst(2)
        #expect(rows.count == 1)
        let c1 = try #require(Self.group(transcript)?.member(named: "c1")?.memberID)
        #expect(Self.rows(describe, partition: 0) == [["g", "t", "0", "-", "10", "-", c1, "/127.0.0.1", "c1"]])
    }

    /// Kafka: `GroupMetadataManagerTest.testClassicGroupMemberSessionTimeout` — a member that stops heartbeating is
    /// removed when its session timeout has passed, not before; its next request is UNKNOWN_MEMBER_ID. The group
    /// rebalances (a new generation) and the remaining member takes its partitions.
    @Test func sessionTimeoutRemovesTheSilentMember() throws {
        let transcript = ConsumerFetchTests.run(
            Self.setup + """
                join g member=c1 topics=t session.timeout.ms=6000
                join g member=c2 topics=t
                expect assignment g c1 == t-0
                crash-consumer g member=c1
                advance 5999ms
                expect assignment g c1 == t-0
                advance 1ms
                expect assignment g c2 == t-0,t-1
                poll g member=c1
                """)
        let before = try #require(Self.group(transcript, at: transcript.steps.count - 5))
        #expect(before.state == .stable)
        #expect(before.generation == 2)
        #expect(before.members.map(\.clientID) == ["c1", "c2"])
        let after = try #require(Self.group(transcript))
        #expect(after.generation == 3)
        #expect(after.members.map(\.clientID) == ["c2"])
        guard case .kafkaError(let error) = transcript.steps.last?.outcome else {
            Issue.record("c1's poll after its session expired succeeded")
            return
        }
        #expect(error.name == "UNKNOWN_MEMBER_ID")
    }

    /// Kafka: `GroupMetadataManagerTest.testClassicGroupMemberSessionTimeoutDuringRebalance` — a new member's join
    /// starts a rebalance; a member that stays silent is expelled at its session timeout and the join completes.
    /// `ConsumerCoordinatorTest.testCommitOffsetRebalanceInProgress` — while the group rebalances a synchronous
    /// commit fails with REBALANCE_IN_PROGRESS. `ConsumerCoordinatorTest.testJoinPrepareAndCommitCompleted` and
    /// `testJoinPrepareWithDisableAutoCommit` — before rejoining (`onJoinPrepare`) a member with auto-commit commits
    /// its positions, one without does not.
    @Test func rebalanceWaitsForTheSilentMemberAndRefusesCommits() throws {
        let transcript = ConsumerFetchTests.run(
            Self.setup + """
                join g member=c1 topics=t auto.offset.reset=earliest
                join g member=m1 topics=t enable.auto.commit=false auto.offset.reset=earliest
                poll g member=c1 max=3
                poll g member=m1 max=3
                crash-consumer g member=m1
                join g member=c2 topics=t auto.offset.reset=earliest
                commit g member=c1
                expect error REBALANCE_IN_PROGRESS
                expect committed g t-0 == 3
                expect committed g t-1 == none
                advance 44s
                expect committed g t-1 == none
                advance 1s
                expect assignment g c2 == t-1
                """)
        let joined = try #require(transcript.steps.firstIndex { $0.statement.text.hasPrefix("join g member=c2") })
        #expect(Self.group(transcript, at: joined)?.state == .preparingRebalance)
        #expect(Self.group(transcript, at: joined)?.generation == 2)
        let done = try #require(Self.group(transcript))
        #expect(done.state == .stable)
        #expect(done.generation == 3)
    }
}
