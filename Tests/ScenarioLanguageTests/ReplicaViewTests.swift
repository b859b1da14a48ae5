import Replication
import Testing

@testable import ScenarioLanguage

/// The `replicas` view: Status and Lag come from the same source (the leader's view of each follower).
@Suite struct ReplicaViewTests {
    @Test func statusAndLagAgreeAfterARestartWithADivergingLog() throws {
        let (transcript, problems) = EngineCommandTests.run(
            """
            cluster brokers=3
            topic orders partitions=1 replication-factor=3 min.insync.replicas=2
            produce orders partition=0 value=a count=10
            produce orders partition=0 value=m acks=1
            crash 0
            advance 9s
            produce orders partition=0 value=n
            restart 0
            """)
        #expect(problems.isEmpty, "\(problems)")
        let cluster = try #require(transcript.steps.last?.cluster)
        let table = try #require(ReplicaTable(cluster: cluster, partition: TopicPartition("orders", 0)))
        for row in table.rows where row.status == "lagging" || row.status == "caught up" {
            #expect((row.status == "caught up") == (row.lag == 0), "\(row)")
        }
        let restarted = try #require(table.rows.first { $0.broker == 0 })
        #expect(restarted.logEndOffset == 11)
        #expect(restarted.status == "lagging")
        #expect(restarted.lag == nil)
        #expect(table.textLines[1].contains("LogEpoch"))
    }

    @Test func followerWhoseNextFetchHasNotArrivedIsLaggingByWhatTheLeaderKnows() throws {
        let (transcript, _) = EngineCommandTests.run(
            """
            cluster brokers=3
            topic orders partitions=1 replication-factor=3 min.insync.replicas=2
            produce orders partition=0 value=r count=3 async
            advance 2ms
            """)
        let cluster = try #require(transcript.steps.last?.cluster)
        let table = try #require(ReplicaTable(cluster: cluster, partition: TopicPartition("orders", 0)))
        let follower = try #require(table.rows.first { $0.broker == 1 })
        #expect(follower.logEndOffset == 3)
        #expect(follower.status == "lagging")
        #expect(follower.lag == 3)
    }
}
