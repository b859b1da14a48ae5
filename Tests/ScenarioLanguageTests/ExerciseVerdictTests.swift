import Foundation
import ReplicaLabTestSupport
import Replication
import ScenarioLanguage
import Testing

/// `ExerciseVerdict`: the one judge of an exercise's script, used by `replicalab exercise`, `check` and (through the
/// WebAssembly engine's `replicalab_judge`) the page's sandbox.
struct ExerciseVerdictTests {
    /// The page sends one text: the reader's script, then the goals from `firstGoalLine` on.
    static let start = """
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        """
    static let goals = "# The goal.\nexpect isr t-0 == 0,1\nexpect leader t-0 == 0"

    @Test func goalsAreCheckedOnTheStateTheScriptLeavesAndPlacedInTheWholeText() throws {
        let verdict = ExerciseVerdict(
            judgingText: Self.start + "\n" + Self.goals, firstGoalLine: 3, path: "<stdin>", seed: 1)
        #expect(!verdict.isAccepted)
        #expect(!verdict.isBadInput)
        #expect(verdict.goals.map(\.text) == ["expect isr t-0 == 0,1", "expect leader t-0 == 0"])
        #expect(verdict.goals.map(\.passed) == [false, true])
        let failed = try #require(verdict.failedGoals.first)
        #expect(failed.actual == "0,1,2")
        // Line 4 of the whole text; the column is where the expected value is.
        #expect(failed.location.line == 4)
        #expect(failed.location.file == "<stdin>")
        #expect(failed.message == "expectation failed: ISR of t-0 is 0,1,2, expected 0,1")
        #expect(failed.partition?.description == "t-0")
        #expect(failed.explanation.contains { $0.contains("The ISR is 0,1,2") })
        // The goals are not part of the script's transcript.
        #expect(verdict.transcript.steps.count == 2)

        let solved = ExerciseVerdict(
            judgingText: Self.start + "\ncrash 2\nadvance 10s\n" + Self.goals, firstGoalLine: 5, path: "<stdin>",
            seed: 1)
        #expect(solved.isAccepted)
        #expect(solved.goals.allSatisfy { $0.passed })
    }

    @Test func theVerdictAsJSONIsWhatThePageReads() throws {
        let verdict = ExerciseVerdict(
            judgingText: Self.start + "\n" + Self.goals, firstGoalLine: 3, path: "<stdin>", seed: 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(verdict.json.utf8))
        let object = try #require(parsed as? [String: Any], "\(verdict.json)")
        #expect(object["accepted"] as? Bool == false)
        #expect(object["badInput"] as? Bool == false)
        let goals = try #require(object["goals"] as? [[String: Any]])
        #expect(goals.count == 2)
        #expect(goals[0]["line"] as? Int == 4)
        #expect(goals[0]["text"] as? String == "expect isr t-0 == 0,1")
        #expect(goals[0]["passed"] as? Bool == false)
        #expect(goals[0]["actual"] as? String == "0,1,2")
        #expect(goals[0]["partition"] as? String == "t-0")
        #expect((goals[0]["explanation"] as? String)?.contains("The ISR is 0,1,2") == true)
        #expect(goals[1]["passed"] as? Bool == true)
        #expect(goals[1]["explanation"] as? String == "")
    }

    @Test func aScriptThatDoesNotParseIsBadInputAndRunsNothing() throws {
        let verdict = ExerciseVerdict(
            judgingText: "cluster brokers=3\ncrahs 1\n" + Self.goals, firstGoalLine: 3, path: "<stdin>", seed: 1)
        #expect(verdict.isBadInput)
        #expect(!verdict.isAccepted)
        #expect(verdict.goals.isEmpty)
        #expect(verdict.problems.first?.location.line == 2)
        #expect(verdict.json.hasPrefix("{\"accepted\":false,\"badInput\":true,\"goals\":[]"))
    }

    /// The same script and goal on the lesson's Kafka: with eligible leader replicas (4.1) the ISR of a partition
    /// whose last replica went down is empty; on 4.0 it keeps that replica (lesson 06, "unclean-election").
    @Test func theScriptRunsOnTheKafkaItIsJudgedFor() throws {
        let script = Samples.lastReplicaDownScript + "\nexpect isr t-0 == 0"
        let on40 = ExerciseVerdict(judgingText: script, firstGoalLine: 9, path: "<stdin>", seed: 1, kafka: .v40)
        #expect(on40.isAccepted, "\(on40.goals)")
        let on41 = ExerciseVerdict(judgingText: script, firstGoalLine: 9, path: "<stdin>", seed: 1, kafka: .v41)
        #expect(!on41.isAccepted)
        #expect(on41.goals.first?.actual == "none")
    }
}
