import LessonMarkdown

/// Document symbols: the lesson's headings, nested by level, with its scenarios, questions and exercises inside the section
/// that holds them.
struct DocumentSymbols {
    var analysis: DocumentAnalysis
    var encoding: PositionEncoding

    /// A symbol and its children.
    private struct Symbol {
        var name: String
        var detail: String?
        var kind: Int
        var level: Int
        var lines: ClosedRange<Int>
        var selectionLine: Int
        var children: [Symbol] = []
    }

    private static let namespace = 3
    private static let function = 12
    private static let key = 20

    /// The symbols, hierarchical (`DocumentSymbol[]`) or flat (`SymbolInformation[]`) as the client supports.
    func json(hierarchical: Bool, uri: String) -> JSON {
        let roots = symbols()
        if hierarchical { return .array(roots.map(json)) }
        var flat: [JSON] = []
        func add(_ symbol: Symbol, container: String?) {
            flat.append(
                .compact([
                    "name": .string(symbol.name), "kind": .integer(symbol.kind),
                    "location": ["uri": .string(uri), "range": range(symbol.lines).json],
                    "containerName": JSON(container),
                ]))
            for child in symbol.children { add(child, container: symbol.name) }
        }
        for root in roots { add(root, container: nil) }
        return .array(flat)
    }

    private func symbols() -> [Symbol] {
        guard let lesson = analysis.lesson?.lesson else { return [] }
        let lastLine = analysis.text.lineCount
        var items: [Symbol] = []
        let headings = lesson.parts.compactMap { if case .heading(let heading) = $0 { heading } else { nil } }
        for (index, heading) in headings.enumerated() {
            // A section runs to the line before the next heading of the same or a higher level.
            let next = headings[(index + 1)...].first { $0.level <= heading.level }
            let end = (next?.location.line ?? (lastLine + 1)) - 1
            items.append(
                Symbol(
                    name: heading.text, kind: Self.namespace, level: heading.level,
                    lines: heading.location.line...max(heading.location.line, end),
                    selectionLine: heading.location.line))
        }
        for (index, block) in lesson.scenarios.enumerated() {
            let end = block.output?.closingLine ?? block.block.closingLine ?? lastLine
            let continues = block.options.first { $0.hasPrefix("continues=") }
            items.append(
                Symbol(
                    name: "scenario " + (block.name ?? String(index + 1)), detail: continues, kind: Self.function,
                    level: 7, lines: block.block.openingLine...max(block.block.openingLine, end),
                    selectionLine: block.block.openingLine))
        }
        for question in lesson.questions {
            let end = question.block.closingLine ?? lastLine
            items.append(
                Symbol(
                    name: "question", detail: question.prompt.first, kind: Self.key, level: 7,
                    lines: question.block.openingLine...max(question.block.openingLine, end),
                    selectionLine: question.block.openingLine))
        }
        for (index, exercise) in lesson.exercises.enumerated() {
            let end = exercise.block.closingLine ?? lastLine
            items.append(
                Symbol(
                    name: "exercise " + (exercise.name ?? String(index + 1)),
                    detail: exercise.task.split(separator: "\n").first.map(String.init), kind: Self.function,
                    level: 7, lines: exercise.block.openingLine...max(exercise.block.openingLine, end),
                    selectionLine: exercise.block.openingLine))
        }
        items.sort { ($0.lines.lowerBound, $0.level) < ($1.lines.lowerBound, $1.level) }
        return nest(items)
    }

    /// Nests each symbol in the nearest earlier heading of a lower level whose lines hold it.
    private func nest(_ items: [Symbol]) -> [Symbol] {
        var roots: [Symbol] = []
        var stack: [Symbol] = []
        func close(while condition: (Symbol) -> Bool) {
            while let top = stack.last, condition(top) {
                stack.removeLast()
                if stack.isEmpty { roots.append(top) } else { stack[stack.count - 1].children.append(top) }
            }
        }
        for item in items {
            close { $0.level >= item.level || !$0.lines.contains(item.lines.lowerBound) }
            stack.append(item)
        }
        close { _ in true }
        return roots
    }

    private func json(_ symbol: Symbol) -> JSON {
        .compact([
            "name": .string(symbol.name.isEmpty ? " " : symbol.name),
            "detail": JSON(symbol.detail),
            "kind": .integer(symbol.kind),
            "range": range(symbol.lines).json,
            "selectionRange": range(symbol.selectionLine...symbol.selectionLine).json,
            "children": .array(symbol.children.map(json)),
        ])
    }

    /// Whole lines, from the start of the first to the end of the last.
    private func range(_ lines: ClosedRange<Int>) -> TextRange {
        let text = analysis.text
        let start = text.lineRange(lines.lowerBound - 1).lowerBound
        let end = text.lineRange(lines.upperBound - 1).upperBound
        return text.range(ofBytes: start..<max(start, end), in: encoding)
    }
}
