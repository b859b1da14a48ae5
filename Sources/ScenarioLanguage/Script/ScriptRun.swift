import Diagnostics
import Replication

/// A scenario script run the way `replicalab run <script> --plain` runs it: the script's bytes in; the exit code,
/// standard output and standard error out. The command line's `run` of a script and the WebAssembly engine
/// (`Site/engine.js`) both go through here, so the two give the same bytes for the same script and seed.
public struct ScriptRun: Sendable {
    /// The seed scripts run with unless one is given (the seed lessons verify with by default).
    public static let defaultSeed: UInt64 = 1

    /// The script's name in diagnostics (`<stdin>` for standard input).
    public var path: String
    /// The transcript, when the script was read and parsed without problems.
    public var transcript: Transcript?
    /// The problems: the input budget, syntax, or those found while running; unsorted (the printer sorts them).
    public var diagnostics: [Diagnostic]
    /// A failure outside any location (input that is not UTF-8): the command line's `replicalab: error: …`.
    public var failure: String?

    /// Reads, parses and runs `script` (the bytes of the file at `path`, or of standard input when `path` is
    /// `<stdin>`), with `seed`, on `kafka` unless a `cluster` line names another, and under `limits`.
    public init(
        script: [UInt8], path: String, seed: UInt64 = defaultSeed, kafka: KafkaVersion = .newest,
        limits: Limits = .standard
    ) {
        self.path = path
        diagnostics = []
        guard script.count <= limits.inputBytes else {
            diagnostics = [limits.inputTooLarge(path)]
            return
        }
        guard let text = String(validating: script, as: UTF8.self) else {
            failure = path == "<stdin>" ? "standard input is not valid UTF-8" : "\(path) is not valid UTF-8"
            return
        }
        let (script, problems) = ScenarioParser.parse(
            text, sourceMap: .identity(file: path, text: text), limits: limits)
        guard problems.isEmpty else {
            diagnostics = problems
            return
        }
        let transcript = ScenarioRunner.run(script, seed: seed, kafka: kafka, limits: limits)
        self.transcript = transcript
        diagnostics = transcript.diagnostics
    }

    /// The process's exit code: 2 for bad input, 1 for a failed expectation, else 0.
    public var exitCode: Int32 { failure == nil ? diagnostics.exitCode : 2 }

    /// Standard output, plain: every step with its output (nothing when the script did not run).
    public var standardOutput: ConsoleText {
        transcript.map { TranscriptStyle.plain.render($0) } ?? ConsoleText()
    }

    /// Standard error: the diagnostics sorted by location, or the failure.
    public func standardError(usesColor: Bool = false) -> ConsoleText {
        if let failure { return DiagnosticPrinter.toolError(failure) }
        return DiagnosticPrinter(usesColor: usesColor).text(diagnostics)
    }
}
