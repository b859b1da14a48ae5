import Course
import CourseSite
import Foundation
import LessonMarkdown
import ReplicaLabTestSupport
import Replication
import ScenarioLanguage
import Testing

/// The WebAssembly engine (`Site/engine.js` under Node) against the native command line: every scenario of every
/// lesson (on its lesson's Kafka), the bad-input corpus and a seeded set of random scripts give byte-identical exit
/// codes, standard output and standard error through `replicalab run - --plain --seed <n>` and through
/// `ReplicaLabEngine.run`; their steps, exercise verdicts, completions and help give the same JSON as ScenarioLanguage
/// natively. Skipped, saying so, without Node.
@Suite(.enabled(if: EngineParity.node != nil, "node is not installed (apt-get install -y nodejs)"))
struct EngineParityTests {
    @Test func everyScriptGivesTheSameBytesNativelyAndInTheWebAssemblyEngine() throws {
        let cases =
            try EngineParity.lessonScenarios() + EngineParity.badInputCorpus()
            + EngineParity.randomScripts(count: 120, seed: 20_261_206)
        #expect(cases.count > 150)
        let results = try EngineParity.runInNode(cases)
        try #require(results.count == cases.count)
        let workspace = try Workspace(lessons: nil)
        var mismatches: [String] = []
        for (script, wasm) in zip(cases, results) {
            let run = ScriptRun(
                script: Array(script.text.utf8), path: "<stdin>", seed: script.seed, kafka: script.kafka ?? .newest)
            // The command line runs a script on the newest Kafka; one on a lesson's older Kafka is compared with the
            // ScenarioLanguage run the command line prints.
            let native: (status: Int32, stdout: String, stderr: String)
            if let kafka = script.kafka, kafka != .newest {
                native = (run.exitCode, run.standardOutput.rendered, run.standardError().rendered)
            } else {
                let result = try workspace.run(
                    ["run", "-", "--plain", "--seed", String(script.seed)], input: script.text)
                native = (result.status, result.stdout, result.stderr)
            }
            if native.status != wasm.exitCode || native.stdout != wasm.stdout || native.stderr != wasm.stderr {
                mismatches.append(
                    "\(script.name): native exit \(native.status), wasm \(wasm.exitCode)\n--- native stdout\n"
                        + "\(native.stdout)--- wasm stdout\n\(wasm.stdout)--- native stderr\n\(native.stderr)"
                        + "--- wasm stderr\n\(wasm.stderr)")
            }
            let steps = run.stepsJSON
            if try EngineParity.object(steps) != EngineParity.object(wasm.steps) {
                mismatches.append("\(script.name): the steps differ\n--- native\n\(steps)\n--- wasm\n\(wasm.steps)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.prefix(3).joined())")
        // A lesson on an older Kafka runs there in the page too: lesson 06 shows Kafka 4.0, where an ISR keeps its
        // last replica (on 4.1 it would be empty and the page's run would depart from the verified one).
        #expect(cases.contains { $0.kafka == .v40 && $0.text.contains("unclean.leader.election.enable=true") })
    }

    /// Every exercise's start and reference solutions, judged in the page (`ReplicaLabEngine.judge`) and natively
    /// (`ExerciseJudge`, what `check` and `replicalab exercise` use): the same verdict, goal by goal.
    @Test func everyExerciseIsJudgedInThePageAsTheCommandLineJudgesIt() throws {
        let cases = try EngineParity.lessonExercises()
        #expect(cases.count >= 14)
        let answers = try EngineParity.judgeInNode(cases.map(\.script))
        try #require(answers.count == cases.count)
        for (judged, wasm) in zip(cases, answers) {
            let object = try #require(wasm as? [String: Any], "\(wasm)")
            let goals = try #require(object["goals"] as? [[String: Any]], "\(object)")
            #expect(object["accepted"] as? Bool == judged.native.isAccepted, "\(judged.script.name)")
            #expect(goals.map { $0["passed"] as? Bool } == judged.native.goals.map(\.passed), "\(judged.script.name)")
            #expect(goals.map { $0["actual"] as? String } == judged.native.goals.map(\.actual), "\(judged.script.name)")
            #expect(
                goals.map { $0["explanation"] as? String }
                    == judged.native.goals.map { $0.explanation.joined(separator: "\n") }, "\(judged.script.name)")
        }
        // Starts fail their goals and solutions meet them, in the page as in `check`.
        #expect(cases.contains { !$0.native.isAccepted } && cases.contains { $0.native.isAccepted })
    }

    @Test func completionAndHelpAreTheNativeOnes() throws {
        let script = "cluster brokers=3 racks=3\ntopic orders partitions=2 replication-factor=3\ncrash 1\n"
        let cursors = [
            "", "c", "crash ", "explain orders-", "produce orders acks=", "expect isr orders-0 ", "describe ",
        ]
        let cases = cursors.map { EngineParity.Script(name: $0, text: script + $0, seed: 1) }
        let answers = try EngineParity.completeInNode(cases)
        try #require(answers.count == cases.count + 1)
        for (script, answer) in zip(cases, answers) {
            let native = ScriptCompletion(script: script.text, offset: script.text.utf8.count)
            let candidates = try #require(answer["candidates"] as? [String], "\(answer)")
            #expect(candidates == native.completion.candidates, "at '\(script.name)'")
            #expect((answer["usage"] as? String) == native.completion.usage, "at '\(script.name)'")
            // Offsets are string indices in JavaScript; these scripts are ASCII.
            #expect((answer["from"] as? Int) == native.replacingFrom, "at '\(script.name)'")
        }
        #expect(try EngineParity.object(CommandHelp.json) == answers[cases.count] as NSDictionary)
        #expect(!candidatesOf(answers[2]).isEmpty)
    }

    private func candidatesOf(_ answer: [String: Any]) -> [String] { answer["candidates"] as? [String] ?? [] }
}

/// Scripts, Node and the site's `engine.js` for `EngineParityTests`.
enum EngineParity {
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A script to run, its name in failure messages, its seed and the Kafka it runs on (nil: none given, the
    /// newest). An exercise's script ends with its goals, from line `firstGoalLine` on.
    struct Script {
        var name: String
        var text: String
        var seed: UInt64
        var kafka: KafkaVersion? = nil
        var firstGoalLine = 0

        /// What the Node harnesses read.
        var fields: [String: String] {
            [
                "text": text, "seed": String(seed), "kafka": kafka?.text ?? "",
                "firstGoalLine": String(firstGoalLine),
            ]
        }
    }

    /// What `ReplicaLabEngine.run` and `steps` answered.
    struct Answer {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        var steps: String
    }

    /// Every scenario of every lesson of `Lessons/`, as a script with the lesson's seed. (A scenario that continues
    /// another runs here from an empty cluster: its problems must be the same too.)
    static func lessonScenarios() throws -> [Script] {
        let folder = Repository.url("Lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        var scripts: [Script] = []
        for name in names.sorted() {
            let bytes = try Array(Repository.data("Lessons/\(name)"))
            let lesson = try #require(LessonParser.parse(bytes, path: name).lesson, "\(name) does not parse")
            for (index, scenario) in lesson.scenarios.enumerated() {
                scripts.append(
                    Script(
                        name: "\(name)#\(index + 1)", text: scenario.block.text,
                        seed: lesson.frontMatter.seed ?? ScriptRun.defaultSeed,
                        kafka: CourseVerifier.kafka(of: lesson).0))
            }
        }
        #expect(scripts.count >= 30)
        return scripts
    }

    /// The start and every reference solution of every exercise of `Lessons/`, each followed by the exercise's
    /// goals, with its native verdict.
    static func lessonExercises() throws -> [(script: Script, native: ExerciseVerdict)] {
        let folder = Repository.url("Lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        var cases: [(script: Script, native: ExerciseVerdict)] = []
        for name in names.sorted() {
            let lesson = try #require(
                LessonParser.parse(try Array(Repository.data("Lessons/\(name)")), path: name).lesson)
            let seed = lesson.frontMatter.seed ?? ScriptRun.defaultSeed
            let kafka = CourseVerifier.kafka(of: lesson).0
            for exercise in lesson.exercises {
                let goals = try #require(exercise.goal).text
                for section in [exercise.start].compactMap({ $0 }) + exercise.solutions {
                    let native = ExerciseJudge.judge(
                        section.text, sourceMap: section.sourceMap, exercise: exercise, seed: seed, kafka: kafka)
                    let lineCount = section.text.split(separator: "\n", omittingEmptySubsequences: false).count
                    let script = Script(
                        name: "\(name)#\(exercise.name ?? "")", text: section.text + "\n" + goals, seed: seed,
                        kafka: kafka, firstGoalLine: lineCount + 1)
                    cases.append((script, native))
                }
            }
        }
        return cases
    }

    /// Every file of the bad-input corpus as a script (mostly syntax errors), and the scenarios of those that parse.
    static func badInputCorpus() throws -> [Script] {
        let folder = Repository.url("Tests/Corpus/bad")
        var scripts: [Script] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".md") {
            let url = folder.appendingPathComponent(name)
            guard let bytes = try? Data(contentsOf: url), let text = String(data: bytes, encoding: .utf8) else {
                continue
            }
            scripts.append(Script(name: "corpus \(name)", text: text, seed: 1))
            for (index, scenario) in (LessonParser.parse(Array(bytes), path: name).lesson?.scenarios ?? [])
                .enumerated()
            {
                scripts.append(Script(name: "corpus \(name)#\(index + 1)", text: scenario.block.text, seed: 7))
            }
        }
        return scripts
    }

    /// Random scripts from the command table's examples and a few faults, with a seeded generator: the same list
    /// every run.
    static func randomScripts(count: Int, seed: UInt64) -> [Script] {
        var random = SeededGenerator(seed: seed)
        let examples = CommandTable.commands.map(\.example)
        let extras = [
            "crash 0", "crash 1", "restart 0", "restart 1", "advance 30s", "advance 5m", "stall 2", "resume 2",
            "produce t value=a acks=all", "produce t partition=0 count=5 acks=1", "describe t", "brokers",
            "expect leader t-0 == 0", "expect isr t-0 == 0,1,2", "expect ok", "explain t-0", "replicas t-0",
            "elect t-0 type=unclean", "isolate 1", "heal", "let hw = hw t-0", "expect hw t-0 == $hw",
            "topic t partitions=-1 replication-factor=3", "cluster brokers=99999999999", "frobnicate",
            "produce t value=\u{1B}]52;x acks=all", "# a comment ::warning::", "expect replicas t-0 == 9,9",
        ]
        var scripts: [Script] = []
        for index in 0..<count {
            var lines = ["cluster brokers=\(3 + Int(random.next() % 4)) racks=\(1 + Int(random.next() % 3))"]
            lines.append("topic t partitions=\(1 + Int(random.next() % 4)) replication-factor=3")
            for _ in 0..<(2 + Int(random.next() % 12)) {
                let pool = random.next() % 3 == 0 ? examples : extras
                lines.append(pool[Int(random.next() % UInt64(pool.count))])
            }
            scripts.append(
                Script(name: "random \(index)", text: lines.joined(separator: "\n") + "\n", seed: random.next() % 1000))
        }
        return scripts
    }

    /// The site's `engine.js`, written into `folder`.
    static func engineScript(in folder: TemporaryFolder) throws -> URL {
        let files = SiteRenderer.render([], courseIsVerified: true)
        let engine = try #require(files.first { $0.path == "engine.js" }, "the site has no engine.js")
        try folder.write(engine.contents, to: "engine.js")
        return folder.url("engine.js")
    }

    /// Runs `scripts` through `ReplicaLabEngine.run` and `steps` in one Node process.
    static func runInNode(_ scripts: [Script]) throws -> [Answer] {
        let harness = """
            const engine = require(process.argv[2]);
            const cases = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
            engine.ready.then(() => {
              const answers = cases.map(c => {
                const options = { seed: BigInt(c.seed), kafka: c.kafka || undefined };
                const run = engine.run(c.text, options);
                return [run.exitCode, run.stdout, run.stderr, JSON.stringify(engine.steps(c.text, options))];
              });
              require("fs").writeFileSync(process.argv[4], JSON.stringify(answers));
            }).catch(error => { console.error(error); process.exit(1); });
            """
        let answers = try node(harness, input: scripts.map(\.fields))
        return try answers.map { answer in
            let fields = try #require(answer as? [Any], "\(answer)")
            return Answer(
                exitCode: Int32(try #require(fields[0] as? Int)), stdout: try #require(fields[1] as? String),
                stderr: try #require(fields[2] as? String), steps: try #require(fields[3] as? String))
        }
    }

    /// Judges each exercise script with `ReplicaLabEngine.judge`.
    static func judgeInNode(_ scripts: [Script]) throws -> [Any] {
        let harness = """
            const engine = require(process.argv[2]);
            const cases = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
            engine.ready.then(() => {
              const answers = cases.map(c =>
                engine.judge(c.text, Number(c.firstGoalLine), { seed: BigInt(c.seed), kafka: c.kafka || undefined }));
              require("fs").writeFileSync(process.argv[4], JSON.stringify(answers));
            }).catch(error => { console.error(error); process.exit(1); });
            """
        return try node(harness, input: scripts.map(\.fields))
    }

    /// Completes at the end of each script, then asks for the help (the last answer).
    static func completeInNode(_ scripts: [Script]) throws -> [[String: Any]] {
        let harness = """
            const engine = require(process.argv[2]);
            const cases = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
            engine.ready.then(() => {
              const answers = cases.map(c => engine.complete(c.text, c.text.length));
              answers.push(engine.help());
              require("fs").writeFileSync(process.argv[4], JSON.stringify(answers));
            }).catch(error => { console.error(error); process.exit(1); });
            """
        let answers = try node(harness, input: scripts.map(\.fields))
        return try answers.map { try #require($0 as? [String: Any], "\($0)") }
    }

    /// Runs a Node `harness` with the site's engine, `input` as a JSON file, and returns the JSON array it writes.
    private static func node(_ harness: String, input: [[String: String]]) throws -> [Any] {
        let folder = try TemporaryFolder(prefix: "replicalab-engine")
        let engine = try engineScript(in: folder)
        try folder.write(harness, to: "harness.js")
        try JSONSerialization.data(withJSONObject: input).write(to: folder.url("cases.json"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(node))
        process.arguments = [
            folder.url("harness.js").path, engine.path, folder.url("cases.json").path, folder.url("answers.json").path,
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "node failed")
        let data = try Data(contentsOf: folder.url("answers.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
    }

    /// A JSON object, for comparing two documents by value.
    static func object(_ json: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary, "\(json)")
    }
}

/// SplitMix64: the random scripts are the same on every run.
private struct SeededGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
