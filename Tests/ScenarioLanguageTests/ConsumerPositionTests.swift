import Replication
import ScenarioLanguage
import Testing

/// Where a group member's position goes when the log under it changes, translated from Kafka's consumer tests:
/// truncation detection after a leader change (KIP-320: the position carries the leader epoch of the last record
/// consumed, and the new leader's end offset for that epoch is checked before fetching), and an out-of-range position
/// reset by `auto.offset.reset`. Kafka source read: apache/kafka trunk of 2024-10-25 (1eb7644, 4.0.0-SNAPSHOT; the
/// Java consumer's classic path).
@Suite struct ConsumerPositionTests {
    /// Broker 1 stalls after the first five records; the leader, broker 0, takes five more with acks=1, drops broker
    /// 1 from the ISR and commits them; `c1` reads all ten (position 10, epoch 0). Broker 0 crashes, broker 1 is
    /// elected uncleanly with five records in its log, and takes `extra` new records at offsets 5 and on.
    static func uncleanElection(reset: String, extra: Int, beforeCrash: String = "") -> String {
        """
        cluster brokers=2 kafka=4.0
        topic t replica-assignment=0:1 unclean.leader.election.enable=true
        produce t partition=0 value=a count=5
        join g member=c1 topics=t enable.auto.commit=false auto.offset.reset=\(reset)
        poll g member=c1 max=5
        stall 1
        produce t partition=0 value=b count=5 acks=1
        advance 45s
        expect isr t-0 == 0
        expect hw t-0 == 10
        poll g member=c1
        \(beforeCrash)
        crash 0
        resume 1
        advance 10s
        expect leader t-0 == 1
        expect lost t-0 == 5..9
        produce t partition=0 value=x count=\(extra)

        """
    }

    /// The record values a step's output lists (`Partition:0\tOffset:5\tx0` → `x0`).
    static func values(_ output: [String]) -> [String] {
        output.filter { $0.hasPrefix("Partition:") }.compactMap { $0.split(separator: "\t").last.map(String.init) }
    }

    /// Kafka: `SubscriptionStateTest.testTruncationDetectionWithResetPolicy` — position 10 of epoch 5, the leader's
    /// end offset for that epoch is 5: with a reset policy the position becomes 5 ("resetting offset to the first
    /// offset known to diverge"); and `FetcherTest.testTruncationDetected` — after validation the fetch goes on from
    /// there. Either reset policy: the divergence point wins over earliest and latest. The new leader's log ends
    /// below the position (3 new records, LEO 8): without validation the fetch would be out of range and
    /// `auto.offset.reset` would skip (latest) or replay (earliest) records.
    @Test(arguments: ["earliest", "latest"])
    func truncationBelowThePositionGoesBackToTheDivergencePoint(reset: String) throws {
        let transcript = ConsumerFetchTests.run(Self.uncleanElection(reset: reset, extra: 3) + "poll g member=c1")
        let last = try #require(transcript.steps.last)
        #expect(
            last.output.first
                == "[55.003s] group g: c1 detects truncation of t-0 at offset 10; resets to 5, where epoch 0 ends on the leader"
        )
        #expect(Self.values(last.output) == ["x0", "x1", "x2"])
    }

    /// Kafka: `SubscriptionStateTest.testTruncationDetectionWithResetPolicy` again, where the new leader has already
    /// written past the position (8 new records, LEO 13): the fetch at 10 would succeed, and a consumer that did not
    /// validate would silently skip x0..x4 at offsets 5..9. The epoch check sends it back to 5.
    @Test func truncationIsDetectedEvenWhenTheNewLogIsLonger() {
        let transcript = ConsumerFetchTests.run(Self.uncleanElection(reset: "latest", extra: 8) + "poll g member=c1")
        #expect(Self.values(transcript.steps.last?.output ?? []) == ["x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"])
    }

    /// Kafka: `ConsumerCoordinatorTest.testRefreshOffsetWithValidation` — a committed offset loaded with its leader
    /// epoch is a position awaiting validation, not a valid one. `c1` commits 10 (epoch 0) and closes; after the
    /// unclean election `c2` starts from the committed offset, the epoch check moves it to 5, and it reads the new
    /// leader's records from there.
    @Test func committedOffsetCarriesItsEpochAndIsValidated() {
        let transcript = ConsumerFetchTests.run(
            Self.uncleanElection(reset: "latest", extra: 3, beforeCrash: "commit g member=c1\nleave g member=c1") + """
                join g member=c2 topics=t enable.auto.commit=false
                poll g member=c2
                """)
        let output = transcript.steps.last?.output ?? []
        #expect(
            output.contains {
                $0.hasSuffix("c2 detects truncation of t-0 at offset 10; resets to 5, where epoch 0 ends on the leader")
            })
        #expect(Self.values(output) == ["x0", "x1", "x2"])
    }

    /// Kafka: `FetcherTest.testFetchOffsetOutOfRange` — an OFFSET_OUT_OF_RANGE answer returns no records and marks
    /// the partition for an offset reset; `FetchCollectorTest.testCollectFetchInitializationOffsetOutOfRangeErrorWithOffsetReset`
    /// (a default reset policy requests the reset); `OffsetFetcherTest.testUpdateFetchPositionResetToLatestOffset`
    /// (latest is the HW). A position from `auto.offset.reset` has no epoch to validate (`OffsetFetcher` resets with
    /// `Optional.empty()` "to skip validation"), so when the new leader's log ends below it, only the fetch notices.
    @Test func outOfRangePositionWithoutAnEpochIsReset() {
        let transcript = ConsumerFetchTests.run(
            """
            cluster brokers=2 kafka=4.0
            topic t replica-assignment=0:1 unclean.leader.election.enable=true
            produce t partition=0 value=a count=5
            stall 1
            produce t partition=0 value=b count=5 acks=1
            advance 45s
            expect hw t-0 == 10
            join g member=c1 topics=t enable.auto.commit=false
            poll g member=c1
            crash 0
            resume 1
            advance 10s
            expect leader t-0 == 1
            expect hw t-0 == 5
            poll g member=c1
            produce t partition=0 value=x count=2
            poll g member=c1
            """)
        let polls = transcript.steps.filter { $0.statement.text == "poll g member=c1" }.map(\.output)
        #expect(polls.count == 3)
        #expect(polls.first == ["c1 polled 0 records"], "latest: the HW, 10")
        #expect(
            polls.dropFirst().first == [
                "[55.003s] group g: c1 position t-0 out of range; reset to 5", "c1 polled 0 records",
            ])
        #expect(Self.values(polls.last ?? []) == ["x0", "x1"])
    }
}
