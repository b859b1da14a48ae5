import Diagnostics
import LessonMarkdown

/// Compares an `output` block with the transcript the engine produced.
enum OutputComparison {
    /// Lines are compared exactly except for whitespace at their ends. A mismatch is one diagnostic at the first
    /// differing line of the block, with a unified diff (numbered with lesson-file lines) as detail.
    static func compare(expected block: FencedBlock, actual: String, scenario: String?) -> [Diagnostic] {
        // Equal text has equal lines: the common case costs one comparison, not two lists of lines.
        if block.text == actual { return [] }
        let expected = block.lines.map(trimTrailing)
        var actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map {
            trimTrailing(String($0))
        }
        if actualLines.last == "" { actualLines.removeLast() }
        guard expected != actualLines else { return [] }
        let edits = LineDiff.edits(from: expected, to: actualLines)
        let firstChange = edits.first { $0.kind != .same }
        let line = firstChange?.oldIndex ?? expected.count
        let location = block.sourceMap.location(line: min(line, max(0, expected.count)), column: 1)
        let reported = location.line <= (block.closingLine ?? Int.max) ? location : block.location
        let name = scenario.map { " of scenario '\($0)'" } ?? ""
        let firstFileLine = block.openingLine + 1
        return [
            .failure(
                "output\(name) differs from what the engine prints (- expected, + actual)", at: reported,
                notes: [.init("run 'replicalab check --update' to accept the engine's output")],
                detail: LineDiff.unified(edits, oldFirstLine: firstFileLine))
        ]
    }

    private static func trimTrailing(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        return String(line)
    }
}
