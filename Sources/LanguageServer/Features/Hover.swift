import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Hover: on a scenario line, the state of the cluster after it — the broker table, and for a partition under the
/// cursor its replicas with ISR, HW and LEO per replica; on a command word, its help; on a `{{…}}` reference in
/// prose, its value.
struct Hover {
    /// The document.
    var analysis: DocumentAnalysis
    /// The document's scenario runs.
    var runs: ScenarioRuns
    /// How the client counts characters.
    var encoding: PositionEncoding

    /// The hover at a position, as the protocol's `Hover`, or null.
    func json(at position: TextPosition) -> JSON {
        let text = analysis.text
        let offset = text.offset(of: position, in: encoding)
        let line = text.lineIndex(containing: offset)
        let word = Self.word(at: offset, in: text)
        let markdown: String?
        if let scenario = analysis.scenario(atLine: line + 1) {
            markdown = scenarioHover(line: line + 1, word: word?.text, in: scenario)
        } else {
            markdown = referenceHover(line: line, offset: offset)
        }
        guard let markdown else { return .null }
        return .compact([
            "contents": ["kind": "markdown", "value": .string(markdown)],
            "range": word.map { text.range(ofBytes: $0.range, in: encoding).json },
        ])
    }

    private func scenarioHover(line: Int, word: String?, in scenario: ScenarioView) -> String? {
        let source = analysis.text.line(line - 1)
        let statementText = Lexer.lex(source).text
        guard !statementText.isEmpty else { return nil }
        var sections: [String] = []
        let steps = scenario.steps(onLine: line)
        let cluster: Cluster?
        if let step = steps.last {
            cluster = step.cluster
            if let verdict = step.expectation {
                sections.append(
                    verdict.passed ? "✓ The claim holds." : "✗ The claim is false: actually `\(verdict.actual)`.")
            }
        } else {
            cluster = StateAtLine.cluster(before: line + 1, in: scenario, text: analysis.text, runs: runs)
        }
        guard let cluster else {
            sections.append("No cluster yet after line \(line).")
            return sections.joined(separator: "\n\n")
        }
        sections.insert(
            "**After line \(line)** `\(statementText)` — simulated time \(SimulatedTime.text(cluster.now))", at: 0)
        if let word, let partition = TopicPartition(parsing: Self.valuePart(of: word)),
            let table = ReplicaTable(cluster: cluster, partition: partition)
        {
            sections.append(Self.markdown(table, partition: partition, in: cluster))
        }
        let brokers = BrokerTable(cluster: cluster).textLines
        if !brokers.isEmpty { sections.append("```text\n" + brokers.joined(separator: "\n") + "\n```") }
        if let word, Lexer.lex(source).tokens.first?.text == word, let help = WordCompletion.help(word) {
            sections.append("---\n\n" + help)
        }
        return sections.joined(separator: "\n\n")
    }

    /// A partition's replicas as a Markdown table.
    static func markdown(_ table: ReplicaTable, partition: TopicPartition, in cluster: Cluster) -> String {
        let state = cluster.partition(partition)
        let leader = state.flatMap(\.leader).map(String.init) ?? "none"
        let isr = ScenarioRunner.csv(state?.isr ?? [])
        let (epoch, highWatermark) = (state?.leaderEpoch ?? 0, state?.highWatermark ?? 0)
        var lines = [
            "**\(partition)** leader \(leader), epoch \(epoch), ISR \(isr), HW \(highWatermark)",
            "",
            "| Broker | Role | LEO | HW | ISR | Status | Lag |",
            "|---:|---|---:|---:|---|---|---:|",
        ]
        for row in table.rows {
            lines.append(
                "| \(row.broker) | \(row.role) | \(row.logEndOffset) | \(row.highWatermark) | "
                    + "\(row.isInIsr ? "yes" : "no") | \(row.status) | \(row.lag.map(String.init) ?? "-") |")
        }
        return lines.joined(separator: "\n")
    }

    /// The value of a `{{…}}` reference under the cursor, or a question's computed answer.
    private func referenceHover(line: Int, offset: Int) -> String? {
        guard let lesson = analysis.lesson else { return nil }
        let text = analysis.text
        let range = text.lineRange(line)
        let bytes = Array(text.bytes[range])
        let column = offset - range.lowerBound
        // The `{{…}}` of this line the cursor is in.
        var found: Range<Int>?
        var searchFrom = 0
        while let open = Self.find(Array("{{".utf8), in: bytes, from: searchFrom),
            let close = Self.find(Array("}}".utf8), in: bytes, from: open + 2)
        {
            if open <= column && column <= close + 2 { found = (open + 2)..<close }
            searchFrom = close + 2
        }
        guard let found else { return nil }
        let expression = String(decoding: bytes[found], as: UTF8.self).trimmingCharacters(in: " ")
        // The reference written in the paragraph that holds this line: the last one with this text starting at or
        // above it.
        let written = lesson.referenceValues.last {
            $0.reference.expression == expression && $0.reference.location.line <= line + 1
        }
        guard let value = written?.value else { return nil }
        return value.isEmpty ? nil : "`{{\(expression)}}` = **\(value)**"
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// `partition=orders-0` → `orders-0`; other words stay.
    static func valuePart(of word: String) -> String {
        word.firstIndex(of: "=").map { String(word[word.index(after: $0)...]) } ?? word
    }

    /// The word (run of non-space bytes) at a byte offset, with its byte range.
    static func word(at offset: Int, in text: SourceText) -> (text: String, range: Range<Int>)? {
        let line = text.lineRange(text.lineIndex(containing: offset))
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = offset
        while start > line.lowerBound, !isSpace(text.bytes[start - 1]) { start -= 1 }
        var end = offset
        while end < line.upperBound, !isSpace(text.bytes[end]) { end += 1 }
        guard start < end else { return nil }
        return (String(decoding: text.bytes[start..<end], as: UTF8.self), start..<end)
    }
}
