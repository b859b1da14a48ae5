import Course
import LessonMarkdown
import ScenarioLanguage

/// Go to definition: from `continues=<scenario>` to that scenario, from a question's `after=<scenario>[/step-<n>]`
/// and a reference's `{{<scenario>[/step-<n>]: …}}` to the scenario or the step's line, and from a link to another
/// lesson (`02-producers.md#acks`) or an anchor (`#what-kafka-really-does`) to the heading, scenario or step.
struct Definition {
    /// Where a definition is.
    struct Target: Hashable {
        var path: String
        var line: Int
        var column: Int
    }

    var analysis: DocumentAnalysis
    var path: String
    /// Reads the lesson a link goes to: the open document's text, else the file.
    var read: (String) -> [UInt8]?

    /// The definition at a byte offset.
    func target(at offset: Int) -> Target? {
        let text = analysis.text
        let line = text.lineIndex(containing: offset)
        let range = text.lineRange(line)
        let source = String(decoding: text.bytes[range], as: UTF8.self)
        let column = offset - range.lowerBound
        if let destination = Self.linkDestination(in: Array(text.bytes[range]), at: column) {
            return linkTarget(destination)
        }
        guard let word = Hover.word(at: offset, in: text)?.text else { return nil }
        let trimmed = source.drop { $0 == " " }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~"), let equals = word.firstIndex(of: "=") {
            let key = word[..<equals]
            let value = String(word[word.index(after: equals)...])
            // `continues=` takes the last scenario of that name above; `after=` and references the first, as
            // verification resolves them.
            if key == "continues" {
                return scenarioTarget(value) { $0.last { $0.block.map { $0.block.openingLine <= line } ?? false } }
            }
            if key == "after" { return scenarioTarget(value) { $0.first } }
        }
        if let reference = Self.referenceTarget(in: source, at: column) {
            return scenarioTarget(reference) { $0.first }
        }
        return nil
    }

    /// The scenario `pick` chooses among those named like the first part of `name`, or its step `name/step-<n>`.
    private func scenarioTarget(_ name: String, pick: ([ScenarioView]) -> ScenarioView?) -> Target? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let scenario = pick(analysis.scenarios.filter { $0.name == first }),
            let block = scenario.block
        else { return nil }
        if parts.count == 2, parts[1].hasPrefix("step-"), let number = Int(parts[1].dropFirst(5)), number >= 1 {
            let steps = Self.commandLines(of: block)
            if number <= steps.count { return Target(path: path, line: steps[number - 1], column: 1) }
        }
        return Target(path: path, line: block.block.openingLine, column: block.block.location.column)
    }

    /// The file lines of a scenario's statements other than `expect`: its steps, as anchors number them.
    static func commandLines(of block: ScenarioBlock) -> [Int] {
        let (script, _) = ScenarioParser.parse(block.block.text, sourceMap: block.block.sourceMap)
        return script.statements.filter {
            if case .expect = $0.command { return false }
            return true
        }.map(\.location.line)
    }

    /// The lesson and anchor a link goes to.
    private func linkTarget(_ destination: String) -> Target? {
        guard let link = LessonLinkTarget(destination) else { return nil }
        let targetPath = link.stem.map { DocumentURI.folder(of: path) + "/" + $0 + ".md" } ?? path
        guard let bytes = read(targetPath) else { return nil }
        guard let fragment = link.fragment, !fragment.isEmpty else {
            return Target(path: targetPath, line: 1, column: 1)
        }
        guard let lesson = LessonParser.parse(bytes, path: targetPath, keepingLessonWithErrors: true).lesson else {
            return nil
        }
        for case .heading(let heading) in lesson.parts where heading.anchor == fragment {
            return Target(path: targetPath, line: heading.location.line, column: heading.location.column)
        }
        for block in lesson.scenarios {
            let anchor = block.anchor
            if anchor == fragment {
                return Target(path: targetPath, line: block.block.openingLine, column: block.block.location.column)
            }
            if fragment.hasPrefix(anchor + "/step-"), let number = Int(fragment.dropFirst(anchor.count + 6)) {
                let steps = Self.commandLines(of: block)
                let line = number >= 1 && number <= steps.count ? steps[number - 1] : block.block.openingLine
                return Target(path: targetPath, line: line, column: 1)
            }
        }
        return nil
    }

    /// The destination of an inline link `[text](destination)` whose text or destination holds the column.
    static func linkDestination(in bytes: [UInt8], at column: Int) -> String? {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")),
                close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
                let end = bytes[(close + 1)...].firstIndex(of: UInt8(ascii: ")"))
            else {
                index += 1
                continue
            }
            if index <= column && column <= end {
                var destination = String(decoding: bytes[(close + 2)..<end], as: UTF8.self)
                    .trimmingCharacters(in: " ")
                // `[text](dest "title")`: the destination is the first word.
                if let space = destination.firstIndex(of: " ") { destination = String(destination[..<space]) }
                if destination.hasPrefix("<"), destination.hasSuffix(">") {
                    destination = String(destination.dropFirst().dropLast())
                }
                return destination
            }
            index = end + 1
        }
        return nil
    }

    /// The scenario a `{{<scenario>[/step-<n>]: …}}` reference around the column names.
    static func referenceTarget(in line: String, at column: Int) -> String? {
        let bytes = Array(line.utf8)
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) {
                end += 1
            }
            guard end + 1 < bytes.count else { return nil }
            if index <= column && column <= end + 1 {
                let expression = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                guard let colon = expression.firstIndex(of: ":") else { return nil }
                return expression[..<colon].trimmingCharacters(in: " ")
            }
            index = end + 2
        }
        return nil
    }
}
