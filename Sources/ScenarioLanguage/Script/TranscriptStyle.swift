import Diagnostics
import Replication

/// How a transcript is written as text: `$ command` and its output lines, `✓`/`✗` for expectations, the author's
/// narration above its statement. One renderer for every target — `replicalab run`'s plain and fancy output and the
/// WebAssembly engine — so they cannot drift; the decorations (bold, colours, dim) are the only difference.
public struct TranscriptStyle: Sendable {
    /// A decoration of some text (an ANSI colour, or nothing).
    public typealias Decoration = @Sendable (ConsoleText) -> ConsoleText

    /// Decorates a command line.
    public var command: Decoration
    /// Decorates a held expectation.
    public var passed: Decoration
    /// Decorates a failed expectation.
    public var failed: Decoration
    /// Decorates the author's narration.
    public var comment: Decoration

    /// Creates a style from its decorations.
    public init(
        command: @escaping Decoration, passed: @escaping Decoration, failed: @escaping Decoration,
        comment: @escaping Decoration
    ) {
        self.command = command
        self.passed = passed
        self.failed = failed
        self.comment = comment
    }

    /// Plain text: no decoration at all (`run --plain`, a pipe, the WebAssembly engine).
    public static let plain = TranscriptStyle(command: { $0 }, passed: { $0 }, failed: { $0 }, comment: { $0 })

    /// The author's narration, as written in the scenario: `# ` and the comment's text. It is lesson text, so
    /// outside text.
    public func narration(_ lines: [String]) -> ConsoleText {
        lines.map { comment("# " + .text($0)) + "\n" }.joined()
    }

    /// One step: `$ command`, its output, or an expectation's verdict. The command and its output quote the
    /// scenario (a `produce … value=` can hold anything), so they are outside text.
    public func render(_ step: Step) -> ConsoleText {
        if let result = step.expectation {
            return result.passed
                ? passed("✓ \(step.statement.text)") + "\n"
                : failed("✗ \(step.statement.text)   (actual: \(result.actual))") + "\n"
        }
        var out = command("$ \(step.statement.text)") + "\n"
        for line in step.output { out += "\(line)\n" }
        return out
    }

    /// A whole transcript: every step with the narration above it; `after` adds what follows a step (the broker
    /// table on a terminal), nothing by default.
    public func render(_ transcript: Transcript, after: (Step) -> ConsoleText = { _ in ConsoleText() })
        -> ConsoleText
    {
        var out = ConsoleText()
        for step in transcript.steps {
            // The author's comments stand where they were written: above the statement they belong to.
            out += narration(step.statement.narration) + render(step) + after(step)
        }
        return out
    }
}
