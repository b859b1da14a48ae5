import Foundation
import ReplicaLabTestSupport
import Testing

/// The bad-input corpus (Tests/Corpus/bad): every malformed lesson or script makes the real `replicalab` exit with 2
/// and print exactly the diagnostics in its golden file `<name>.expected`; nothing crashes or hangs.
///
/// `REPLICALAB_BLESS=1 swift test --disable-xctest --filter BadInputCorpusTests` rewrites the golden files.
struct BadInputCorpusTests {
    static let folder = "Tests/Corpus/bad"

    /// Inputs made by the test rather than committed: too big, or not plain files.
    static let generated: [String: @Sendable (Workspace) throws -> [String]] = [
        // A 10 MB line inside a scenario: stopped by the output cap, not by memory.
        "01-ten-megabyte-line.md": { workspace in
            let text =
                "# Bad input\n\n```scenario s\ncluster brokers=1\ntopic t partitions=1 replication-factor=1\n"
                + "produce t value=\(String(repeating: "x", count: 10_000_000))\n```\n"
            try Data(text.utf8).write(to: workspace.url("Lessons/01-ten-megabyte-line.md"))
            return ["check", "Lessons"]
        },
        // Three lines of 340 KB values: the file is within the input budget, the transcript passes the output cap.
        "01-long-output.md": { workspace in
            let value = String(repeating: "x", count: 340_000)
            let produces = (0..<3).map { _ in "produce t value=\(value)\n" }.joined()
            let text =
                "# Bad input\n\n```scenario s\ncluster brokers=1\ntopic t partitions=1 replication-factor=1\n"
                + produces + "```\n"
            try Data(text.utf8).write(to: workspace.url("Lessons/01-long-output.md"))
            return ["check", "Lessons"]
        },
        // 12 KB that would keep a 5,000-replica cluster in 990 step snapshots: gigabytes before the lesson budget.
        "01-lesson-budget.md": { workspace in
            let text =
                "# Bad input\n\n```scenario s\ncluster brokers=5\ntopic t partitions=1000 replication-factor=5\n"
                + String(repeating: "advance 1ms\n", count: 988) + "```\n"
            try Data(text.utf8).write(to: workspace.url("Lessons/01-lesson-budget.md"))
            return ["check", "Lessons"]
        },
        // A directory where a lesson file is expected, given by name and found in a lessons folder.
        "01-directory.md": { workspace in
            try FileManager.default.createDirectory(
                at: workspace.url("Lessons/01-directory.md"), withIntermediateDirectories: true)
            return ["check", "Lessons/01-directory.md"]
        },
        "02-directory-in-lessons.md": { workspace in
            try Data(Samples.goodLesson.utf8).write(to: workspace.url("Lessons/01-intro.md"))
            try FileManager.default.createDirectory(
                at: workspace.url("Lessons/02-directory-in-lessons.md"), withIntermediateDirectories: true)
            return ["check", "Lessons"]
        },
        // A lesson that is a symbolic link to a file outside the lessons folder.
        "01-symlink-outside.md": { workspace in
            try Data(Samples.goodLesson.utf8).write(to: workspace.url("secret.md"))
            try FileManager.default.createSymbolicLink(
                atPath: workspace.url("Lessons/01-symlink-outside.md").path, withDestinationPath: "../secret.md")
            return ["check", "Lessons"]
        },
        // A script that does not exist.
        "missing.scenario": { _ in ["run", "Lessons/missing.scenario"] },
    ]

    static var committed: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.url(folder).path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted()
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.committed.count + Self.generated.count >= 50)
    }

    @Test(arguments: committed + generated.keys.sorted())
    func badInputIsReportedWithExitCode2(_ name: String) throws {
        let workspace = try Workspace(lessons: [:])
        let arguments: [String]
        if let make = Self.generated[name] {
            arguments = try make(workspace)
        } else {
            let bytes = try Repository.data("\(Self.folder)/\(name)")
            try bytes.write(to: workspace.url("Lessons/\(name)"))
            arguments = [name.hasSuffix(".scenario") ? "run" : "check", "Lessons/\(name)"]
        }
        let result = try workspace.run(arguments)
        #expect(result.status == 2, "\(name): exit \(result.status)\n\(result.stderr)")
        // The workspace's temporary path is not part of the golden file.
        let root = workspace.root.resolvingSymlinksInPath().path
        let stderr = result.stderr.replacingOccurrences(of: root, with: "$WORKSPACE")
            .replacingOccurrences(of: workspace.root.path, with: "$WORKSPACE")
        try Golden.check(stderr, against: "\(Self.folder)/\(name).expected")
    }
}
