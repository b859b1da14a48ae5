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

    /// seed-table.md §4: the course cluster with `new Random(0)`.
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

    /// Each placement (topic creation, add-partitions) starts from a fresh `new Random(seed)`.
    @Test func everyPlacementStartsAFreshRandom() throws {
        let (transcript, diagnostics) = run(
            """
            cluster brokers=6 racks=2
            topic a partitions=6 replication-factor=3 placement=striped seed=0
            topic b partitions=4 replication-factor=3 placement=striped seed=0
            add-partitions a count=8
            """)
        #expect(diagnostics.isEmpty)
        let brokers = (0..<6).map { UsableBroker(id: $0, rack: $0 < 3 ? "R1" : "R2") }
        var random = JavaRandom(seed: 0)
        let a = try StripedReplicaPlacer.place(partitions: 6, replicationFactor: 3, brokers: brokers, random: &random)
        random = JavaRandom(seed: 0)
        let b = try StripedReplicaPlacer.place(partitions: 4, replicationFactor: 3, brokers: brokers, random: &random)
        random = JavaRandom(seed: 0)
        let added = try StripedReplicaPlacer.place(
            partitions: 2, replicationFactor: 3, brokers: brokers, random: &random)
        #expect(replicas(transcript, "a") == a + added)
        #expect(replicas(transcript, "b") == b)
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
