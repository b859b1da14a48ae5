import Foundation
import ScenarioLanguage
import Testing

/// `ScriptRun`, `ScriptCompletion` and `CommandHelp.json`: what `replicalab run - --plain` prints and what the
/// WebAssembly engine answers (EngineParityTests checks that the two give the same bytes).
struct ScriptRunTests {
    static let script = """
        cluster brokers=3
        # Three replicas.
        topic t partitions=1 replication-factor=3
        expect leader t-0 == 0
        expect isr t-0 == 0,1
        crash 0
        advance 10s

        """

    @Test func aScriptRunsToItsTranscriptAndItsFailedClaims() throws {
        let run = ScriptRun(script: Array(Self.script.utf8), path: "<stdin>")
        #expect(run.exitCode == 1)
        let stdout = run.standardOutput.rendered
        #expect(stdout.hasPrefix("$ cluster brokers=3\n3 brokers: 0,1,2\n# Three replicas.\n$ topic t"))
        #expect(stdout.contains("✓ expect leader t-0 == 0\n"))
        #expect(stdout.contains("✗ expect isr t-0 == 0,1   (actual: 0,1,2)\n"))
        #expect(run.standardError().rendered.hasPrefix("<stdin>:5:"))
    }

    @Test func inputThatIsNotUTF8OrTooLargeIsRefusedAsTheCommandLineRefusesIt() {
        let binary = ScriptRun(script: [0x63, 0xFF, 0x0A], path: "<stdin>")
        #expect(binary.exitCode == 2)
        #expect(binary.standardError().rendered == "replicalab: error: standard input is not valid UTF-8\n")
        #expect(binary.standardOutput.rendered.isEmpty)
        let large = ScriptRun(script: Array(repeating: 0x0A, count: Limits.standard.inputBytes + 1), path: "big")
        #expect(large.exitCode == 2)
        #expect(large.standardError().rendered.hasPrefix("big:1:1: error: this file is larger than 1048576 bytes"))
    }

    @Test func stepsAreCommandsWithTheirChecksOutputAndState() throws {
        let json = ScriptRun(script: Array(Self.script.utf8), path: "<stdin>").stepsJSON
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["exitCode"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["line"] as? Int == 5)
        #expect(diagnostics.first?["severity"] as? String == "error")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["line"] as? Int } == [1, 3, 6, 7])
        #expect(steps[0]["output"] as? String == "3 brokers: 0,1,2")
        let expects = try #require(steps[1]["expects"] as? [[String: Any]])
        #expect(expects.map { $0["passed"] as? Bool } == [true, false])
        #expect(expects[1]["actual"] as? String == "0,1,2")
        let state = try #require(steps[3]["state"] as? String)
        #expect(state.hasPrefix("Brokers"))
        #expect(state.contains("Topic: t"))
        #expect(state.contains("(crashed)"))
    }

    @Test func completionAtACursorKnowsTheClusterOfTheLinesAbove() {
        let text = "cluster brokers=4\ncrash 2\nrestart \ndescribe"
        let cursor = "cluster brokers=4\ncrash 2\nrestart ".utf8.count
        let completion = ScriptCompletion(script: text, offset: cursor)
        #expect(completion.completion.candidates == ["0", "1", "2", "3"])
        #expect(completion.replacingFrom == cursor)
        let word = ScriptCompletion(script: "cluster brokers=4\ncr", offset: 20)
        #expect(word.completion.candidates.contains("crash"))
        #expect(word.replacingFrom == 18)
    }

    @Test func helpListsEveryCommandOfTheTable() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(CommandHelp.json.utf8)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let names = groups.flatMap { ($0["commands"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        #expect(Set(names) == Set(CommandTable.allNames))
        #expect((object["expectations"] as? [Any])?.count == ExpectationTable.kinds.count)
    }
}
