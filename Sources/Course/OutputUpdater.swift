import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// Rewrites a lesson's `output` blocks with the transcripts the engine produced (`check --update`).
///
/// Only the bytes inside the rewritten blocks change (or, for a scenario without an `output` block, a new block is
/// inserted after it); everything else — line endings, trailing spaces, tabs, other fences — stays byte-identical.
/// A scenario whose `expect` lines fail, or that has input errors, is never touched: an expectation is a claim about
/// Kafka, and only the author can decide whether the claim or the engine is wrong.
public enum OutputUpdater {
    /// One change made to a lesson.
    public struct Change: Hashable, Sendable {
        /// What happened to the block.
        public enum Kind: String, Hashable, Sendable {
            case replaced, added
        }
        /// Replaced or added.
        public var kind: Kind
        /// Where: the output block's opening fence (replaced) or the scenario's (added).
        public var location: SourceLocation
        /// The scenario's name, if it has one.
        public var scenario: String?
        /// The block's old and new content lines (for review and for printing a diff).
        public var oldLines: [String]
        /// The new content lines.
        public var newLines: [String]
    }

    /// A scenario that needs a new output block but cannot get one automatically.
    public struct Skipped: Hashable, Sendable {
        /// Where the scenario is.
        public var location: SourceLocation
        /// Why it was skipped.
        public var reason: String
    }

    /// The result of updating one lesson.
    public struct Result: Hashable, Sendable {
        /// The lesson's new bytes (equal to the old ones when nothing changed).
        public var bytes: [UInt8]
        /// What changed, in file order.
        public var changes: [Change]
        /// Scenarios that were left alone, with the reason.
        public var skipped: [Skipped]
    }

    /// Computes the updated lesson; `accept` decides per change (used by `--review`), default all.
    public static func update(_ lesson: VerifiedLesson, accept: (Change) -> Bool = { _ in true }) -> Result {
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var changes: [Change] = []
        var skipped: [Skipped] = []
        let source = lesson.lesson.source
        for scenario in lesson.scenarios {
            let block = scenario.block
            guard block.output == nil || scenario.outputMatches == false else { continue }
            if scenario.diagnostics.contains(where: { $0.kind == .input && $0.severity == .error }) {
                skipped.append(
                    Skipped(location: block.block.location, reason: "the scenario has errors; fix them first"))
                continue
            }
            if scenario.transcript.failedExpectationCount > 0 {
                skipped.append(
                    Skipped(
                        location: block.block.location,
                        reason:
                            "an expectation fails; --update never rewrites the output of a scenario whose claims are false"
                    ))
                continue
            }
            let lines = lines(of: scenario.transcript.text)
            if let output = block.output {
                let indent = String(repeating: " ", count: output.fenceIndent)
                guard output.closingLine != nil, let fence = Fence(source, line: output.openingLine, in: output),
                    !lines.contains(where: { fence.wouldClose(indent + $0) })
                else {
                    skipped.append(
                        Skipped(
                            location: output.location,
                            reason: "the output block is not closed or its fence is too short"))
                    continue
                }
                let change = Change(
                    kind: .replaced, location: output.location, scenario: block.name, oldLines: output.lines,
                    newLines: lines)
                guard accept(change) else { continue }
                let text = lines.map { ($0.isEmpty ? "" : indent + $0) + output.lineEnding }.joined()
                edits.append((output.contentRange, Array(text.utf8)))
                changes.append(change)
            } else {
                guard block.block.closingLine != nil else {
                    skipped.append(
                        Skipped(location: block.block.location, reason: "the scenario block is not closed"))
                    continue
                }
                let change = Change(
                    kind: .added, location: block.block.location, scenario: block.name, oldLines: [], newLines: lines)
                guard accept(change) else { continue }
                let ending = block.block.lineEnding
                let longestRun = lines.map { $0.prefix { $0 == "`" }.count }.max() ?? 0
                let fence = String(repeating: "`", count: max(3, longestRun + 1))
                var text = ""
                let offset = block.block.endOffset
                if offset == source.count, let last = source.last, last != UInt8(ascii: "\n"),
                    last != UInt8(ascii: "\r")
                {
                    text += ending
                }
                text += ending + fence + "output" + ending
                text += lines.map { $0 + ending }.joined()
                text += fence + ending
                edits.append((offset..<offset, Array(text.utf8)))
                changes.append(change)
            }
        }
        var bytes = source
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: edit.bytes)
        }
        return Result(bytes: bytes, changes: changes, skipped: skipped)
    }

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The opening fence of an existing block, read back from the lesson's bytes.
private struct Fence {
    var character: Character
    var length: Int

    init?(_ source: [UInt8], line: Int, in block: FencedBlock) {
        // The opening fence's line ends where the content starts; walk back to its first byte.
        var end = block.contentRange.lowerBound
        while end > 0, source[end - 1] == UInt8(ascii: "\n") || source[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var start = end
        while start > 0, source[start - 1] != UInt8(ascii: "\n"), source[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        let text = String(decoding: source[start..<end], as: UTF8.self).drop { $0 == " " }
        guard let first = text.first, first == "`" || first == "~" else { return nil }
        character = first
        length = text.prefix { $0 == first }.count
    }

    /// Whether a content line would end the block early.
    func wouldClose(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        guard line.count - body.count <= 3 else { return false }
        let run = body.prefix { $0 == character }.count
        return run >= length && body.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
