import Foundation
import ReplicaLabTestSupport
import Testing

/// Nothing a lesson, a file name or a scenario value holds reaches a terminal or a CI log raw: control characters are
/// shown as `\u{…}`, and no line can start a GitHub Actions workflow command.
struct TerminalSafetyTests {
    /// OSC 52 asks the terminal to put text on the clipboard: here `rm -rf ~`, base64.
    static let clipboardAttack = "\u{1B}]52;c;cm0gLXJmIH4=\u{7}"

    /// No escape character and no line that GitHub's runner would take for a command (`::…` after spaces).
    static func expectSafe(_ text: String, _ comment: Comment? = nil) {
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, comment)
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) }, comment)
        let lines = text.split(separator: "\n")
        #expect(!lines.contains { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("::") }, comment)
    }

    @Test func runShowsAValueThatWouldWriteTheClipboardAsText() throws {
        let workspace = try Workspace(lessons: [:])
        let script = """
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            produce t value="\(Self.clipboardAttack)"
            expect read t-0 == \(Self.clipboardAttack)

            """
        let result = try workspace.run(["run", "-"], input: script)
        Self.expectSafe(result.stdout + result.stderr, "\(result.stdout)")
        #expect(result.stdout.contains("$ produce t value=\"\\u{1B}]52;c;cm0gLXJmIH4=\\u{7}\""), "\(result.stdout)")
    }

    /// The author's narration (a scenario's comment lines) is lesson text: `run` shows it, made safe.
    @Test func narrationIsShownAsText() throws {
        let workspace = try Workspace(lessons: [:])
        let script = "# Copy \(Self.clipboardAttack) now\ncluster brokers=1\n"
        let result = try workspace.run(["run", "-"], input: script)
        Self.expectSafe(result.stdout + result.stderr, "\(result.stdout)")
        #expect(
            result.stdout.contains("# Copy \\u{1B}]52;c;cm0gLXJmIH4=\\u{7} now\n$ cluster brokers=1"),
            "\(result.stdout)")
    }

    @Test func aLessonsScenarioNameAndPathAreShownAsText() throws {
        let workspace = try Workspace(lessons: [:])
        let folder = "L\u{1B}[2J\u{1B}[H"
        try FileManager.default.createDirectory(at: workspace.url(folder), withIntermediateDirectories: true)
        let lesson = "# T\n\n```scenario a\u{1B}[31mred\ncluster brokers=1\ntopik\n```\n"
        try workspace.write("\(folder)/01-a.md", lesson)
        let check = try workspace.run(["check", folder])
        #expect(check.status == 2)
        Self.expectSafe(check.stderr)
        #expect(
            check.stderr.hasPrefix("L\\u{1B}[2J\\u{1B}[H/01-a.md:5:1: error: unknown command 'topik'"),
            "\(check.stderr)")
        let lessons = try workspace.run(["lessons", folder])
        Self.expectSafe(lessons.stdout + lessons.stderr)
        #expect(lessons.stdout.contains("a\\u{1B}[31mred"), "\(lessons.stdout)")
        let run = try workspace.run(["run", "\(folder)/01-a.md"])
        Self.expectSafe(run.stdout + run.stderr)
    }

    /// A consumer group named like a workflow command shows up at the start of a line of `groups describe`, and so
    /// in a stale output block's diff.
    @Test func noLessonTextStartsAWorkflowCommandInACILog() throws {
        let lesson = """
            # Groups

            ```scenario s
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            join ::warning::pwned member=a topics=t
            advance 5s
            groups describe ::warning::pwned
            ```

            """
        let workspace = try Workspace(lessons: ["01-groups.md": lesson])
        // The engine's output, then the header above the group's line changed: the group's line is diff context.
        #expect(try workspace.run(["check", "--update"]).status == 0)
        let updated = try workspace.read("Lessons/01-groups.md")
        #expect(updated.contains("\n::warning::pwned "))
        try workspace.write("Lessons/01-groups.md", updated.replacingOccurrences(of: "CLIENT-ID", with: "CLIENT_ID"))
        let human = try workspace.run(["check"])
        #expect(human.status == 1, "\(human.stderr)")
        #expect(human.stderr.contains("\\u{3A}:warning::pwned"), "\(human.stderr)")
        Self.expectSafe(human.stderr)
        let github = try workspace.run(["check", "--format", "github"])
        let lines = github.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=Lessons/01-groups.md,") }, "\(github.stdout)")
        Self.expectSafe(github.stderr)
        let run = try workspace.run(["run", "Lessons/01-groups.md"])
        Self.expectSafe(run.stdout, "\(run.stdout)")
    }

    /// On a terminal, long lines are broken to its width, which can put a value from the middle of a line at the
    /// start of one: the text is checked again after it is laid out.
    @Test func aValueWrappedOntoALineOfItsOwnOnATerminalIsStillEscaped() throws {
        let workspace = try Workspace(lessons: [:])
        let padding = String(repeating: "x", count: 20)
        let script = """
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            produce t value="\(padding) ::warning::forged \(Self.clipboardAttack)"

            """
        try workspace.write("forged.scenario", script)
        let terminal = try PseudoTerminal(["run", "forged.scenario"], in: workspace.root, columns: 40)
        #expect(terminal.waitForExit() == 0)
        let screen = terminal.unreadOutput.replacingOccurrences(of: "\r\n", with: "\n")
        Self.expectSafe(screen, "\(screen)")
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("    \\u{3A}:warning::forged") }, "\(screen)")
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(screen)")
    }

    @Test func aFileNameWithALineBreakCannotStartACommand() throws {
        let workspace = try Workspace(lessons: [:])
        let folder = "x\n::warning::pwned"
        try FileManager.default.createDirectory(at: workspace.url(folder), withIntermediateDirectories: true)
        try workspace.write("\(folder)/01-a.md", "# T\n\n```scenario s\ntopik\n```\n")
        let result = try workspace.run(["check", folder])
        #expect(result.status == 2)
        Self.expectSafe(result.stderr, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("x\\u{A}::warning::pwned/01-a.md:4:1: error: unknown command 'topik'"))
    }
}
