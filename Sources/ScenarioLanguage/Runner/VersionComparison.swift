import Diagnostics
import Replication

/// One scenario run on two Kafka releases, and the steps where they differ, to show side by side.
///
/// Both runs come from the same script, so their steps pair up by position; a run stopped early (a budget) leaves
/// the other's later steps unpaired, and they differ.
public struct VersionComparison: Hashable, Sendable {
    /// A step whose output (or expectation verdict) differs between the two releases.
    public struct Row: Hashable, Sendable {
        /// The command or expectation as written.
        public var statement: String
        /// Its line in the script.
        public var line: Int
        /// What the first release printed.
        public var left: [String]
        /// What the second release printed.
        public var right: [String]
    }

    /// The first release (its run is the scenario's own: the `output` block shows it).
    public var left: KafkaVersion
    /// The second release.
    public var right: KafkaVersion
    /// The steps that differ, in order.
    public var rows: [Row]
    /// How many steps the longer run has.
    public var stepCount: Int

    /// Compares two runs of one script.
    public init(_ left: KafkaVersion, _ leftRun: Transcript, _ right: KafkaVersion, _ rightRun: Transcript) {
        self.left = left
        self.right = right
        stepCount = max(leftRun.steps.count, rightRun.steps.count)
        var rows: [Row] = []
        for index in 0..<stepCount {
            let a = index < leftRun.steps.count ? leftRun.steps[index] : nil
            let b = index < rightRun.steps.count ? rightRun.steps[index] : nil
            let leftLines = a.map(Self.lines) ?? ["(not run)"]
            let rightLines = b.map(Self.lines) ?? ["(not run)"]
            guard leftLines != rightLines, let statement = (a ?? b)?.statement else { continue }
            rows.append(
                Row(statement: statement.text, line: statement.location.line, left: leftLines, right: rightLines))
        }
        self.rows = rows
    }

    /// What a step shows: its output lines, or an expectation's verdict.
    static func lines(of step: Step) -> [String] {
        if let expectation = step.expectation {
            return [expectation.passed ? "✓ holds" : "✗ fails (actual: \(expectation.actual))"]
        }
        return step.output.isEmpty ? ["(no output)"] : step.output
    }

    /// The differing steps as plain text in two columns of at most `width` characters in all: each step's
    /// `$ command` line, then the two releases' lines side by side, long lines broken at the column's width.
    public func plainText(width: Int = 100) -> String {
        let column = max(20, (width - 3) / 2)
        let leftTitle = "Kafka \(left.text)"
        let rightTitle = "Kafka \(right.text)"
        var out =
            rows.isEmpty
            ? "Kafka \(left.text) and \(right.text): every step gives the same output.\n"
            : "Kafka \(left.text) and \(right.text) differ in \(rows.count) of \(stepCount) steps:\n"
        for row in rows {
            let prefix = row.statement.hasPrefix("expect ") ? "" : "$ "
            out += "\nline \(row.line): \(prefix)\(row.statement)\n"
            // A tab would break the columns: it becomes two spaces.
            let a = [leftTitle] + row.left.flatMap { Self.wrap(Self.untabbed($0), column) }
            let b = [rightTitle] + row.right.flatMap { Self.wrap(Self.untabbed($0), column) }
            for index in 0..<max(a.count, b.count) {
                let first = index < a.count ? a[index] : ""
                let second = index < b.count ? b[index] : ""
                let padded = first + String(repeating: " ", count: max(0, column - first.count))
                var line = "  " + padded + " │ " + second
                while line.last == " " { line.removeLast() }
                out += line + "\n"
            }
        }
        return out
    }

    static func untabbed(_ text: String) -> String {
        text.contains("\t")
            ? text.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "  ") : text
    }

    /// `text` cut into pieces of at most `width` characters (at spaces where there is one).
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            let limit = rest.index(rest.startIndex, offsetBy: width)
            let cut = rest[..<limit].lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil } ?? limit
            pieces.append(String(rest[..<cut]))
            rest = rest[cut...].drop { $0 == " " }
        }
        pieces.append(String(rest))
        return pieces
    }
}

extension VersionComparison {
    /// The problems of both runs of a script: the first run's, then those only the second run has, each saying which
    /// release it is about (`on Kafka 4.1: expectation failed: …`), sorted.
    public static func problems(
        _ first: [Diagnostic], _ second: [Diagnostic], secondOn release: KafkaVersion
    ) -> [Diagnostic] {
        let seen = Set(first)
        let onlySecond = second.filter { !seen.contains($0) }.map { problem in
            var problem = problem
            problem.message = "on Kafka \(release.text): " + problem.message
            return problem
        }
        return (first + onlySecond).sorted()
    }

    /// The releases a list such as `3.6,4.1` names, in order; the error says which word is not a modelled release.
    public static func releases(in list: some StringProtocol) -> Result<[KafkaVersion], QueryError> {
        var releases: [KafkaVersion] = []
        for word in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let release = KafkaVersion(String(word)) else {
                return .failure(
                    QueryError("'\(word)' is not a modelled Kafka release (one of \(KafkaVersion.names))"))
            }
            releases.append(release)
        }
        return .success(releases)
    }
}
