import Foundation
import ReplicaLabTestSupport
import Testing

/// A scenario line with a 1 MB argument is an input error (exit 2) reported in a few lines: the diagnostic quotes an
/// excerpt of the argument and its length, never the argument itself. (1 MB keeps the file just within the lesson
/// input budget; a bigger file is refused before it is parsed, `InputSafetyTests`.)
struct HugeArgumentTests {
    static let megabytes = 1_000_000

    /// Scripts with one 1 MB argument (`{}`) where a command or a topic config value belongs: an unknown command
    /// quoted with a suggestion looked for, and a value echoed unquoted in Kafka's words. (`ExcerptTests` covers the
    /// shapes of messages; these run the whole program, in debug builds a few seconds each.)
    static let lines = [
        "{}",
        "cluster brokers=3\ntopic t partitions=1 replication-factor=1 retention.ms={}",
    ]

    @Test(arguments: lines)
    func isReportedInUnderTwoKilobytes(_ line: String) throws {
        let argument = String(repeating: "7", count: Self.megabytes)
        let script = line.split(separator: "{}", omittingEmptySubsequences: false).joined(separator: argument)
        let result = try Workspace(lessons: [:]).run(["run", "-"], input: script + "\n")
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count < 2_048, "\(result.stderr.utf8.count) bytes of diagnostics")
        #expect(result.stderr.contains("…"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("(\(Self.megabytes) characters)"), "\(result.stderr.prefix(300))")
    }

    @Test func aLessonWithAHugeArgumentToo() throws {
        let lesson = "# Huge\n\n```scenario s\ncluster brokers=\(String(repeating: "x", count: Self.megabytes))\n```\n"
        let result = try Workspace(lessons: ["01-huge.md": lesson]).run(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count < 2_048)
        #expect(
            result.stderr.hasPrefix(
                "Lessons/01-huge.md:4:17: error: brokers must be a whole number, not '\(String(repeating: "x", count: 60))…' (1000000 characters)\n"
            ))
    }
}
