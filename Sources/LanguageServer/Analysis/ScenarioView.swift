import Course
import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// One scenario of a document as the editor features see it: where its lines are in the file and what running it
/// did. A lesson has one per scenario block; a scenario script is one scenario spanning the file.
struct ScenarioView {
    /// Its position among the document's scenarios (the index `ScenarioRuns` knows it by).
    var index: Int
    /// The block, for a lesson's scenario.
    var block: ScenarioBlock?
    /// Its verification, for a lesson's scenario.
    var verified: VerifiedScenario?
    /// What running it did (empty when it did not parse).
    var transcript: Transcript
    /// The 1-based file lines of its text.
    var lines: Range<Int>
    /// Maps its text to the file.
    var sourceMap: SourceMap

    /// The scenario's name, if it has one.
    var name: String? { block?.name }

    /// Whether the 1-based file line is one of the scenario's lines. An unclosed block of a lesson being written
    /// runs to the end of the file, as CommonMark reads it.
    func contains(line: Int) -> Bool { lines.contains(line) }

    /// The 0-based line of the scenario's text at a 1-based file line.
    func textLine(ofFileLine line: Int) -> Int { line - lines.lowerBound }

    /// The steps of the statements written on a 1-based file line.
    func steps(onLine line: Int) -> [Step] {
        transcript.steps.filter { $0.statement.location.line == line }
    }
}

extension ScenarioView {
    /// The views of a verified lesson's scenarios.
    static func views(of lesson: VerifiedLesson, text: SourceText) -> [ScenarioView] {
        lesson.scenarios.enumerated().map { index, scenario in
            let fenced = scenario.block.block
            let end = fenced.closingLine ?? (text.lineCount + 1)
            return ScenarioView(
                index: index, block: scenario.block, verified: scenario, transcript: scenario.transcript,
                lines: (fenced.openingLine + 1)..<max(fenced.openingLine + 1, end), sourceMap: fenced.sourceMap)
        }
    }

    /// The view of a scenario script.
    static func script(_ transcript: Transcript, path: String, text: SourceText) -> ScenarioView {
        ScenarioView(
            index: 0, block: nil, verified: nil, transcript: transcript, lines: 1..<(text.lineCount + 1),
            sourceMap: .identity(file: path, lineCount: text.lineCount))
    }
}
