import Diagnostics
import Replication
import ScenarioLanguage
import Testing

struct StripedPlacementScenarioTests {
    private func run(_ text: String) -> (Transcript, [Diagnostic]) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let map = SourceMap(
            file: "striped.scenario", lines: Array(1...lineCount), columnOffsets: Array(repeating: 0, count: lineCount))
        let (script, diagnostics) = ScenarioParser.parse(text, sourceMap: map)
        return (ScenarioRunner.run(script), diagnostics)
    }

    private func replicas(_ transcript: Transcript, _ topic: String) -> [[BrokerID]]? {
        transcript.steps.last?.cluster?.topics[topic]?.partitions.map(\.replicas)
    }

    /// Tests/Fixtures/kafka/seed-table.md §4: the course cluster with `new Random(0)`.
    @Test func courseClusterSeedZero() throws {
        let (transcript, diagnostics) = run(
            """
            cluster brokers=6 racks=2
            topic orders partitions=10 replication-factor=3 placement=striped seed=0
            """)
        #expect(diagnostics.isEmpty)
        #expect(transcript.diagnostics.isEmpty)
        #expect(
            replicas(transcript, "orders") == [
                [1, 3, 2], [4, 2, 5], [0, 5, 1], [3, 1, 4], [2, 4, 0], [5, 0, 3], [0, 4, 2], [3, 2, 5], [1, 5, 0],
                [4, 0, 3],
            ])
    }

    /// Seed 42 (vectors.json) and the default seed, which is 0.
    @Test func seedFortyTwoAndDefaultSeed() throws {
        let (transcript, diagnostics) = run(
            """
            cluster brokers=6 racks=2
            topic a partitions=10 replication-factor=3 placement=striped seed=42
            topic b partitions=6 replication-factor=3 placement=striped
            """)
        #expect(diagnostics.isEmpty)
        #expect(
            replicas(transcript, "a") == [
                [5, 0, 3], [1, 3, 2], [4, 2, 5], [0, 5, 1], [3, 1, 4], [2, 4, 0], [0, 3, 1], [5, 1, 4], [2, 4, 0],
                [3, 0, 5],
            ])
        #expect(replicas(transcript, "b") == [[1, 3, 2], [4, 2, 5], [0, 5, 1], [3, 1, 4], [2, 4, 0], [5, 0, 3]])
    }

    /// The controller's one Random: a second topic with the same seed continues the first one's generator, and
    /// add-partitions draws from it too; another seed has its own generator.
    @Test func placementsShareTheControllersRandom() throws {
        let (transcript, diagnostics) = run(
            """
            cluster brokers=6 racks=2
            topic a partitions=6 replication-factor=3 placement=striped seed=0
            topic c partitions=3 replication-factor=3 placement=striped seed=42
            topic b partitions=4 replication-factor=3 placement=striped
            add-partitions a count=8
            """)
        #expect(diagnostics.isEmpty)
        let brokers = (0..<6).map { UsableBroker(id: $0, rack: $0 < 3 ? "R1" : "R2") }
        var random = JavaRandom(seed: 0)
        let a = try StripedReplicaPlacer.place(partitions: 6, replicationFactor: 3, brokers: brokers, random: &random)
        let b = try StripedReplicaPlacer.place(partitions: 4, replicationFactor: 3, brokers: brokers, random: &random)
        let added = try StripedReplicaPlacer.place(
            partitions: 2, replicationFactor: 3, brokers: brokers, random: &random)
        #expect(replicas(transcript, "a") == a + added)
        #expect(replicas(transcript, "b") == b)
        #expect(replicas(transcript, "c") == [[5, 0, 3], [1, 3, 2], [4, 2, 5]])
        // Continuing the generator really differs from restarting it.
        var fresh = JavaRandom(seed: 0)
        #expect(
            b != (try StripedReplicaPlacer.place(partitions: 4, replicationFactor: 3, brokers: brokers, random: &fresh))
        )
    }

    /// A failed placement still advances the generator, as Kafka's RackList constructor draws before its checks.
    @Test func errorsAreReportedAsKafkaErrors() throws {
        let (transcript, diagnostics) = run(
            """
            cluster brokers=3
            topic a partitions=2 replication-factor=4 placement=striped
            topic z partitions=0 replication-factor=1 placement=striped
            topic ok partitions=3 replication-factor=2 placement=striped
            """)
        #expect(diagnostics.isEmpty)
        let outcomes = transcript.steps.map(\.outcome)
        #expect(
            outcomes[1]
                == .kafkaError(
                    KafkaError(
                        "INVALID_REPLICATION_FACTOR",
                        "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
                    )
                ))
        #expect(
            outcomes[2]
                == .kafkaError(
                    KafkaError("INVALID_PARTITIONS", "Number of partitions was set to an invalid non-positive value.")))
        // Topic z failed before placement (no draw); topic a failed inside it (drew 2 numbers).
        let brokers = (0..<3).map { UsableBroker(id: $0) }
        var random = JavaRandom(seed: 0)
        #expect(throws: KafkaError.self) {
            try StripedReplicaPlacer.place(partitions: 2, replicationFactor: 4, brokers: brokers, random: &random)
        }
        let expected = try StripedReplicaPlacer.place(
            partitions: 3, replicationFactor: 2, brokers: brokers, random: &random)
        #expect(replicas(transcript, "ok") == expected)
    }

    @Test func unknownPlacementIsADiagnostic() {
        let (_, diagnostics) = run(
            """
            cluster brokers=3
            topic a partitions=1 replication-factor=1 placement=stripy
            """)
        #expect(diagnostics.contains { $0.message.contains("striped") })
    }
}
