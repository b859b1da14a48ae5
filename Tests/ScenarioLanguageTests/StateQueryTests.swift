import Replication
import ScenarioLanguage
import Testing

/// `StateQuery`: what prose references, question answers and `let` can ask of the cluster.
struct StateQueryTests {
    /// The cluster after a script, which must run without problems.
    private func cluster(after script: String) throws -> Cluster {
        let (transcript, diagnostics) = EngineCommandTests.run(script)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(transcript.steps.last(where: { !$0.isExpectation })?.cluster)
    }

    private func value(_ query: String, in cluster: Cluster) throws -> String {
        let parsed = try StateQuery.parse(query).get()
        return try parsed.evaluate(in: cluster).get()
    }

    /// Kafka 4.1 keeps a broker that shut down cleanly while the ISR was at its minimum as an eligible leader
    /// replica, and names the last leader in LastKnownElr once the ISR is empty (Kafka:
    /// `PartitionChangeBuilder.maybePopulateTargetElr` and `maybeUpdateLastKnownLeader`).
    @Test func eligibleLeaderReplicasAndTheLastKnownOne() throws {
        let setup = """
            cluster brokers=3 kafka=4.1
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            produce t partition=0 count=4
            shutdown 2
            shutdown 1
            """
        let twoDown = try cluster(after: setup)
        #expect(try value("elr t-0", in: twoDown) == "1")
        #expect(try value("last-known-elr t-0", in: twoDown) == "none")
        let allDown = try cluster(after: setup + "\nshutdown 0")
        #expect(try value("isr t-0", in: allDown) == "none")
        #expect(try value("elr t-0", in: allDown) == "0,1")
        #expect(try value("last-known-elr t-0", in: allDown) == "0")
        // Kafka 4.0 has no ELR: the column stays empty.
        let onFourZero = try cluster(after: setup.replacing("kafka=4.1", with: "kafka=4.0"))
        #expect(try value("elr t-0", in: onFourZero) == "none")
    }

    /// `lag` and `committed` read what `expect lag` and `expect committed` check: the HW minus the committed
    /// offset, and the committed offset.
    @Test func lagAndCommittedOfAGroup() throws {
        let script = """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            produce t partition=0 count=10
            join g member=c1 topics=t enable.auto.commit=false auto.offset.reset=earliest
            poll g member=c1 max=6
            commit g member=c1
            expect lag g t-0 == 4
            expect committed g t-0 == 6
            """
        let state = try cluster(after: script)
        #expect(try value("lag g t-0", in: state) == "4")
        #expect(try value("committed g t-0", in: state) == "6")
        let fresh = try cluster(after: script + "\njoin h member=c2 topics=t")
        #expect(try value("lag h t-0", in: fresh) == "-")
        #expect(try value("committed h t-0", in: fresh) == "none")
    }

    /// `time in <unit>` rounds half up to whole units, as a person says a time; `time` stays exact.
    @Test(arguments: [
        ("time", "45.003s"), ("time in s", "45\u{A0}s"), ("time in ms", "45003\u{A0}ms"), ("time in min", "1\u{A0}min"),
    ])
    func timeExactOrRounded(query: String, expected: String) throws {
        let state = try cluster(after: "cluster brokers=1\nadvance 45s\nadvance 3ms")
        #expect(try value(query, in: state) == expected)
    }

    @Test func roundingIsHalfUp() throws {
        let state = try cluster(after: "cluster brokers=1\nadvance 1499ms")
        #expect(try value("time in s", in: state) == "1\u{A0}s")
        let later = try cluster(after: "cluster brokers=1\nadvance 1500ms\nadvance 29s")
        #expect(try value("time in s", in: later) == "31\u{A0}s")
        #expect(try value("time in min", in: later) == "1\u{A0}min")
    }

    @Test(arguments: [
        ("elr", "'elr' needs a partition like 'orders-0'"),
        ("last-known-elr t-0 on 1", "unexpected words after 'last-known-elr t-0'"),
        ("lag t-0", "'lag' needs a group and a partition, e.g. 'lag g orders-0'"),
        ("committed g", "'committed' needs a group and a partition, e.g. 'committed g orders-0'"),
        ("time in h", "'time' takes nothing, or 'in <unit>' with a unit of: ms, s, min"),
        ("time s", "'time' takes nothing, or 'in <unit>' with a unit of: ms, s, min"),
        ("assignment g", "'assignment' needs a group and a member, e.g. 'assignment g c1'"),
        ("generation", "'generation' needs a group, e.g. 'generation g'"),
        ("partition orders alice", "'partition' needs a topic and a key, e.g. 'partition orders key=alice'"),
        ("partition orders key=", "'partition' needs a topic and a key, e.g. 'partition orders key=alice'"),
        ("leads orders", "'leads' needs a broker and a topic, e.g. 'leads 0 orders'"),
        ("follows x orders", "'follows' needs a broker and a topic, e.g. 'follows 0 orders'"),
    ])
    func badQueriesSayWhatIsWrong(query: String, message: String) {
        #expect(StateQuery.parse(query) == .failure(QueryError(message)))
    }

    @Test func unknownGroupsAndPartitionsAreErrorsWhenEvaluated() throws {
        let state = try cluster(after: "cluster brokers=1\ntopic t partitions=1 replication-factor=1")
        let lag = try StateQuery.parse("lag nope t-0").get()
        #expect(lag.evaluate(in: state) == .failure(QueryError("unknown consumer group 'nope'")))
        let elr = try StateQuery.parse("elr t-7").get()
        #expect(elr.evaluate(in: state) == .failure(QueryError("unknown partition 't-7'")))
    }

    /// What completion offers next, word by word.
    @Test func slots() {
        #expect(StateQuery.slot(after: []) == .kind)
        #expect(StateQuery.slot(after: ["elr"]) == .partition)
        #expect(StateQuery.slot(after: ["lag"]) == .group)
        #expect(StateQuery.slot(after: ["lag", "g"]) == .partition)
        #expect(StateQuery.slot(after: ["lag", "g", "t-0"]) == .end)
        #expect(StateQuery.slot(after: ["time"]) == .words(["in"]))
        #expect(StateQuery.slot(after: ["time", "in"]) == .words(["ms", "s", "min"]))
        #expect(StateQuery.slot(after: ["leo", "t-0"]) == .words(["on"]))
        #expect(StateQuery.slot(after: ["leo", "t-0", "on"]) == .broker(holding: TopicPartition(parsing: "t-0")))
        #expect(StateQuery.slot(after: ["hw", "t-0"]) == .words(["on"]))
        #expect(StateQuery.slot(after: ["epoch", "t-0"]) == .end)
        #expect(StateQuery.slot(after: ["partition"]) == .topic)
        #expect(StateQuery.slot(after: ["assignment", "g"]) == .member(ofGroup: "g"))
        #expect(StateQuery.slot(after: ["generation"]) == .group)
        #expect(StateQuery.slot(after: ["partition", "t"]) == .words(["key="]))
        #expect(StateQuery.slot(after: ["leads"]) == .broker(holding: nil))
        #expect(StateQuery.slot(after: ["follows", "0"]) == .topic)
        #expect(StateQuery.slot(after: ["follows", "0", "t"]) == .end)
    }

    /// A row of the broker table: the partitions a broker leads and those it follows. On the slides' cluster
    /// (6 brokers in 2 racks, 10 partitions, RF 3, placed round-robin) broker 0 leads partitions 0 and 6 and follows 4 and 5; when it
    /// crashes it leads nothing, and its partitions' new leaders lead them.
    @Test func thePartitionsABrokerLeadsAndFollows() throws {
        let setup = "cluster brokers=6 racks=2\ntopic orders partitions=10 replication-factor=3 placement=round-robin"
        let slides = try cluster(after: setup)
        #expect(try value("leads 0 orders", in: slides) == "0,6")
        #expect(try value("follows 0 orders", in: slides) == "4,5")
        // Every partition has one leader: the brokers' `leads` rows split the partitions between them.
        var led: [Int] = []
        for broker in 0..<6 {
            let row = try value("leads \(broker) orders", in: slides)
            led += row == "none" ? [] : row.split(separator: ",").compactMap { Int($0) }
            for number in row == "none" ? [] : row.split(separator: ",") {
                #expect(try value("leader orders-\(number)", in: slides) == String(broker))
            }
        }
        #expect(led.sorted() == Array(0..<10))
        let crashed = try cluster(after: setup + "\ncrash 0\nadvance 10s")
        #expect(try value("leads 0 orders", in: crashed) == "none")
        #expect(try value("follows 0 orders", in: crashed) == "0,4,5,6")
        let unknown = try StateQuery.parse("leads 9 orders").get()
        #expect(unknown.evaluate(in: slides) == .failure(QueryError("unknown broker 9")))
        let noTopic = try StateQuery.parse("leads 0 nope").get()
        #expect(noTopic.evaluate(in: slides) == .failure(QueryError("unknown topic 'nope'")))
    }

    /// A follower learns the HW from its fetch responses, so right after a commit its HW trails the leader's (Kafka:
    /// `Partition.maybeIncrementLeaderHW` on the leader; the follower takes the HW of a fetch response in
    /// `ReplicaFetcherThread.processPartitionData`).
    @Test func aFollowersHighWatermarkTrailsTheLeaders() throws {
        let state = try cluster(
            after: "cluster brokers=3\ntopic t partitions=1 replication-factor=3\nproduce t partition=0 count=3")
        #expect(try value("hw t-0", in: state) == "3")
        #expect(try value("hw t-0 on 0", in: state) == "3")
        #expect(try value("hw t-0 on 1", in: state) == "0")
        let later = try cluster(
            after:
                "cluster brokers=3\ntopic t partitions=1 replication-factor=3\nproduce t partition=0 count=3\nadvance 1s"
        )
        #expect(try value("hw t-0 on 1", in: later) == "3")
        let single = try cluster(after: "cluster brokers=3\ntopic t partitions=1 replication-factor=1")
        #expect(
            try StateQuery.parse("hw t-0 on 2").get().evaluate(in: single)
                == .failure(QueryError("broker 2 holds no replica of t-0")))
    }

    /// The partition of a key follows the partition count, as `expect partition` checks it; the `bob` case is the
    /// one lesson 02 works through by hand (`toPositive(murmur2("bob")) % 3 == 0`, Kafka:
    /// `BuiltInPartitioner.partitionForKey`).
    @Test func partitionOfAKey() throws {
        let script = "cluster brokers=1\ntopic t partitions=3 replication-factor=1\nexpect partition t key=bob == 0"
        let three = try cluster(after: script)
        #expect(try value("partition t key=bob", in: three) == "0")
        let four = try cluster(after: script + "\nadd-partitions t count=4\nexpect partition t key=alice == 1")
        #expect(try value("partition t key=alice", in: four) == "1")
        let unknown = try StateQuery.parse("partition nope key=a").get()
        #expect(unknown.evaluate(in: four) == .failure(QueryError("unknown topic 'nope'")))
    }

    /// A member's partitions and the group's generation, as the coordinator's log prints them; a member that is gone
    /// holds nothing.
    @Test func assignmentAndGeneration() throws {
        let script = """
            cluster brokers=1
            topic t partitions=3 replication-factor=1
            join g member=c1 topics=t
            join g member=c2 topics=t
            expect assignment g c1 == t-0,t-1
            """
        let state = try cluster(after: script)
        #expect(try value("assignment g c1", in: state) == "t-0,t-1")
        #expect(try value("assignment g c2", in: state) == "t-2")
        #expect(try value("assignment g c9", in: state) == "none")
        #expect(try value("generation g", in: state) == "2")
        let gone = try cluster(after: script + "\ncrash-consumer g member=c1\nadvance 46s")
        #expect(try value("assignment g c1", in: gone) == "none")
        #expect(try value("assignment g c2", in: gone) == "t-0,t-1,t-2")
        let unknown = try StateQuery.parse("generation h").get()
        #expect(unknown.evaluate(in: state) == .failure(QueryError("unknown consumer group 'h'")))
    }

    /// `read` is what `expect read` checks: the committed values, from the start of the log.
    @Test func readStopsAtTheHighWatermark() throws {
        let script = """
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            produce t partition=0 value=a count=2
            stall 2
            produce t partition=0 value=b acks=1
            expect read t-0 == a0,a1
            """
        #expect(try value("read t-0", in: cluster(after: script)) == "a0,a1")
    }
}
