import Course
import Replication
import ScenarioLanguage

/// The cluster at a line of a scenario (for completion and hover), and how the editor's hints write its facts.
enum StateAtLine {
    /// The cluster after a scenario's lines above a 1-based file line: from its transcript when it ran, else by
    /// running the lines above that parse (a scenario being written has a line that does not parse yet, and such a
    /// scenario is not run).
    static func cluster(before fileLine: Int, in scenario: ScenarioView, text: SourceText, runs: ScenarioRuns)
        -> Cluster?
    {
        guard scenario.transcript.steps.isEmpty else {
            if let step = scenario.transcript.steps.last(where: { $0.statement.location.line < fileLine }) {
                return step.cluster
            }
            return runs.startingCluster(ofScenario: scenario.index)
        }
        let lines = (scenario.lines.lowerBound..<max(scenario.lines.lowerBound, fileLine)).map {
            text.line($0 - 1) + "\n"
        }
        return runs.cluster(afterLinesThatParseOf: lines.joined(), asScenario: scenario.index)
    }

    static func leader(_ partition: PartitionState) -> String {
        partition.leader.map(String.init) ?? "none"
    }
}
