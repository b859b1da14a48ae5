import Course
import Diagnostics
import Foundation
import LessonMarkdown
import Replication
import ScenarioLanguage
import Testing

/// Scenario runs kept between verifications: reused runs give exactly what running in place gives, and an edit
/// runs again exactly the scenarios it can change.
struct ScenarioRunsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lessons of the course and of the bad-input corpus, with their paths.
    static func lessonFiles() throws -> [LessonFile] {
        var files: [LessonFile] = []
        for folder in ["Lessons", "Tests/Corpus/bad"] {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            where name.hasSuffix(".md") {
                let bytes = try [UInt8](Data(contentsOf: url.appendingPathComponent(name)))
                files.append(LessonFile(path: "\(folder)/\(name)", bytes: bytes))
            }
        }
        return files
    }

    /// Runs every scenario of a lesson in place (parsed with its block's own source map, continuing the runner of
    /// the scenario it names), as verification did before runs were kept: the reference for relocated runs.
    static func runInPlace(_ lesson: Lesson) -> [Transcript] {
        var finals: [String: ScenarioRunner] = [:]
        var transcripts: [Transcript] = []
        let seed = lesson.frontMatter.seed ?? CourseVerifier.defaultSeed
        let kafka = lesson.frontMatter.kafka.flatMap { KafkaVersion($0) } ?? .newest
        for block in lesson.scenarios {
            var start: ScenarioRunner?
            for option in block.options where option.hasPrefix("continues=") {
                start = finals[String(option.dropFirst("continues=".count))] ?? start
            }
            let (script, problems) = ScenarioParser.parse(block.block.text, sourceMap: block.block.sourceMap)
            guard problems.isEmpty else {
                var transcript = Transcript.empty
                transcript.diagnostics = problems
                transcripts.append(transcript)
                continue
            }
            var runner = start ?? ScenarioRunner(seed: seed, kafka: kafka)
            let before = runner.transcript
            for statement in script.statements { runner.execute(statement) }
            var transcript = runner.transcript.dropping(
                steps: before.steps.count, diagnostics: before.diagnostics.count)
            transcript.diagnostics = problems + transcript.diagnostics
            transcripts.append(transcript)
            if let name = block.name { finals[name] = runner }
        }
        return transcripts
    }

    @Test func relocatedRunsEqualRunsInPlaceForEveryLesson() throws {
        let files = try Self.lessonFiles()
        #expect(files.count > 20)
        var compared = 0
        for file in files {
            let (verified, _) = CourseVerifier.verify(file)
            guard let verified else { continue }
            let reference = Self.runInPlace(verified.lesson)
            for (scenario, expected) in zip(verified.scenarios, reference) {
                #expect(scenario.transcript.steps == expected.steps, "\(scenario.block.block.location)")
                #expect(
                    scenario.diagnostics.filter { $0.detail.isEmpty } == expected.diagnostics.sorted(),
                    "\(scenario.block.block.location)")
                compared += 1
            }
        }
        #expect(compared >= 41)
    }

    @Test func indentedFencesCapturedValuesAndCRLFRelocateExactly() {
        let text = """
            # Shifted

            Some prose.

              ```scenario a
              cluster brokers=3
              topic t partitions=1 replication-factor=3
              let before = hw t-0
              produce t partition=0 count=2
              expect hw t-0 == $before
              expect replicas t-0 == 9
              ```

            """
        for lesson in [text, text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let file = LessonFile(path: "Lessons/01-shifted.md", bytes: Array(lesson.utf8))
            let (verified, diagnostics) = CourseVerifier.verify(file)
            let scenario = try! #require(verified?.scenarios.first)
            #expect(scenario.transcript.steps == Self.runInPlace(verified!.lesson)[0].steps)
            #expect(
                diagnostics.map(\.location.description) == [
                    "Lessons/01-shifted.md:10:20", "Lessons/01-shifted.md:11:26",
                ])
        }
    }

    static let chain = """
        # Chain

        ```scenario a
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        ```

        ```scenario b continues=a
        crash 1
        advance 20s
        ```

        ```scenario c continues=b
        expect isr t-0 == 0,2
        expect leader t-0 == 2
        ```

        ```scenario d
        cluster brokers=1
        ```

        """

    static func verify(_ text: String, _ runs: inout ScenarioRuns) -> (VerifiedLesson?, [Diagnostic]) {
        CourseVerifier.verify(
            LessonFile(path: "Lessons/01-chain.md", bytes: Array(text.utf8)), reusing: &runs, checkingCancellation: {})
    }

    @Test func anEditRunsAgainTheScenarioAndTheChainThatContinuesIt() {
        var runs = ScenarioRuns()
        _ = Self.verify(Self.chain, &runs)
        #expect(runs.executedCount == 4)
        let edited = Self.chain.replacingOccurrences(of: "advance 20s", with: "advance 50s")
        let (lesson, diagnostics) = Self.verify(edited, &runs)
        // b and c (which continues b) ran again; a and d were reused.
        #expect(runs.executedCount == 6)
        let fresh = CourseVerifier.verify(LessonFile(path: "Lessons/01-chain.md", bytes: Array(edited.utf8)))
        #expect(lesson == fresh.0)
        #expect(diagnostics == fresh.1)
        #expect(runs.count == 4)
    }

    @Test func editingProseAboveScenariosRunsNothingAgain() {
        var runs = ScenarioRuns()
        _ = Self.verify(Self.chain, &runs)
        let edited = Self.chain.replacingOccurrences(
            of: "# Chain\n", with: "# Chain\n\nA new paragraph,\nof two lines.\n")
        let (lesson, diagnostics) = Self.verify(edited, &runs)
        #expect(runs.executedCount == 4)
        let fresh = CourseVerifier.verify(LessonFile(path: "Lessons/01-chain.md", bytes: Array(edited.utf8)))
        #expect(lesson == fresh.0)
        #expect(diagnostics == fresh.1)
        #expect(diagnostics.map(\.location.line) == [18])
    }

    @Test func aCancelledVerificationKeepsTheScenariosItCompleted() {
        struct Stop: Error {}
        var runs = ScenarioRuns()
        var statements = 0
        #expect(throws: Stop.self) {
            _ = try CourseVerifier.verify(
                LessonFile(path: "Lessons/01-chain.md", bytes: Array(Self.chain.utf8)), reusing: &runs,
                checkingCancellation: { () throws(Stop) in
                    statements += 1
                    // Scenario a has two statements; stop before the second statement of b.
                    if statements == 4 { throw Stop() }
                })
        }
        #expect(runs.executedCount == 1)
        let (lesson, _) = Self.verify(Self.chain, &runs)
        #expect(runs.executedCount == 4)
        #expect(
            lesson == CourseVerifier.verify(LessonFile(path: "Lessons/01-chain.md", bytes: Array(Self.chain.utf8))).0)
    }

    @Test func theStateAtALineRunsTheLinesThatParseFromWhereTheScenarioStarts() {
        var runs = ScenarioRuns()
        _ = Self.verify(Self.chain, &runs)
        // Scenario b (index 1) continues a: three brokers exist; a line that does not parse is skipped.
        let cluster = runs.cluster(afterLinesThatParseOf: "crash 1\ncrsh 2\n", asScenario: 1)
        #expect(cluster?.brokers.count == 3)
        #expect(cluster?.state(of: 1) == .crashed)
        #expect(cluster?.state(of: 2) == .up)
        #expect(runs.startingCluster(ofScenario: 1)?.topics["t"] != nil)
        #expect(runs.startingCluster(ofScenario: 0) == nil)
        #expect(runs.cluster(afterLinesThatParseOf: "", asScenario: 3) == nil)
    }

    @Test func aScriptRunsAsRunRunsIt() {
        let text = "cluster brokers=3\ntopic t partitions=1 replication-factor=3\nexpect leader t-0 == 2\n"
        var runs = ScenarioRuns()
        let (transcript, diagnostics) = runs.runScript(text, path: "a.scenario", checkingCancellation: {})
        let (script, _) = ScenarioParser.parse(text, sourceMap: .identity(file: "a.scenario", lineCount: 4))
        let reference = ScenarioRunner.run(script, seed: CourseVerifier.defaultSeed)
        #expect(transcript == reference)
        #expect(diagnostics == reference.diagnostics)
        #expect(diagnostics.first?.location.description == "a.scenario:3:22")
        _ = runs.runScript(text, path: "a.scenario", checkingCancellation: {})
        #expect(runs.executedCount == 1)
    }
}
