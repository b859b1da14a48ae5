import Foundation
import LanguageServer
import ReplicaLabTestSupport
import Testing

/// Completion after `expect error` offers every error the engine can give an outcome: a new error in the engine
/// that is missing from the list fails this test.
struct KafkaErrorCompletionTests {
    /// The Kafka error names written in the engine and the scenario runner: `"NOT_ENOUGH_REPLICAS"`-style protocol
    /// errors and `"…Exception"` class names.
    static func namesInTheEngine() throws -> Set<String> {
        var names: Set<String> = []
        for folder in ["Sources/Replication", "Sources/ScenarioLanguage"] {
            let root = Repository.url(folder)
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            while let path = enumerator?.nextObject() as? String {
                // The list completion offers is what is checked, not where names come from.
                guard path.hasSuffix(".swift"), !path.hasSuffix("KafkaErrorNames.swift") else { continue }
                let text = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
                for match in text.matches(of: #/"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Za-z]+Exception)"/#) {
                    names.insert(String(match.output.1))
                }
            }
        }
        // Not errors: an environment variable.
        names.remove("REPLICALAB_LIMIT_SCALE")
        return names
    }

    @Test func everyErrorTheEngineGivesIsOffered() throws {
        let engine = try Self.namesInTheEngine()
        #expect(engine.count > 20)
        var harness = ServerHarness()
        harness.open("01-e.md", "# E\n\n```scenario\nexpect error \n```\n")
        let result = harness.request(
            "textDocument/completion",
            ["textDocument": ServerHarness.document("01-e.md"), "position": ServerHarness.position(3, 13)])
        let offered = Set(result?["items"]?.array?.compactMap { $0["label"]?.string } ?? [])
        #expect(engine.subtracting(offered).isEmpty, "missing: \(engine.subtracting(offered).sorted())")
        #expect(offered.subtracting(engine).isEmpty, "not in the engine: \(offered.subtracting(engine).sorted())")
    }
}
