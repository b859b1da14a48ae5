import CCmark
import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed cmark tree, walked once and turned into Swift values; freed by its owner right after.
struct CmarkDocument {
    private(set) var root: OpaquePointer?

    init(_ bytes: [UInt8]) {
        // An empty array may have no buffer; parse it once, from a literal (parsing it twice leaked a tree: fuzzing).
        guard !bytes.isEmpty else {
            root = cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
            return
        }
        root = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    /// Rewrites links to sibling lessons (`02-producers.md#acks`) to the pages the site makes of them
    /// (`02-producers.html#acks`), so the same Markdown works on a code host and in the site.
    func rewriteLessonLinks() {
        guard let root else { return }
        var targets: [(OpaquePointer, String)] = []
        let iterator = cmark_iter_new(root)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_LINK, let url = cmark_node_get_url(node)
            else { continue }
            if let rewritten = LessonLinkTarget(String(cString: url))?.pageURL { targets.append((node, rewritten)) }
        }
        cmark_iter_free(iterator)
        // Mutate only after iterating.
        for (node, url) in targets { _ = cmark_node_set_url(node, url) }
    }

    mutating func release() {
        if let root { cmark_node_free(root) }
        root = nil
    }

    /// The lesson's top-level parts, its title and problems such as scenario blocks nested in lists.
    /// Every link in the document, with its location.
    func links(path: String) -> [Link] {
        guard let root else { return [] }
        var links: [Link] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_LINK, let url = cmark_node_get_url(node)
            else { continue }
            // Inline nodes carry no position; the enclosing block's start is the best location libcmark gives.
            var block: OpaquePointer? = node
            while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
            links.append(
                Link(destination: String(cString: url), location: Self.location(of: block ?? node, path: path)))
        }
        return links
    }

    /// The lesson's parts (with heading and scenario anchors), its title, and problems such as scenario blocks
    /// nested in lists or pipe tables.
    func lessonParts(path: String, lines: SourceLines) -> ([LessonPart], String?, [Diagnostic]) {
        guard let root else { return ([], nil, []) }
        var scenarioCount = 0
        var exerciseCount = 0
        var parts: [LessonPart] = []
        var diagnostics: [Diagnostic] = []
        var title: String?
        var prose = Prose(pieces: [], text: "")
        func flushProse() {
            if !prose.pieces.isEmpty { parts.append(.prose(prose)) }
            prose = Prose(pieces: [], text: "")
        }
        var node = cmark_node_first_child(root)
        var pendingScenario: ScenarioBlock?
        func flushScenario() {
            if let scenario = pendingScenario { parts.append(.scenario(scenario)) }
            pendingScenario = nil
        }
        while let current = node {
            defer { node = cmark_node_next(current) }
            let location = Self.location(of: current, path: path)
            switch cmark_node_get_type(current) {
            case CMARK_NODE_CODE_BLOCK:
                let fenced = Self.fencedBlock(current, path: path, lines: lines)
                let words = fenced.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if words.first == LessonParser.scenarioInfo {
                    flushProse()
                    flushScenario()
                    scenarioCount += 1
                    let (name, options) = FencedBlock.nameAndOptions(of: words)
                    pendingScenario = ScenarioBlock(
                        name: name, block: fenced, output: nil, options: options,
                        anchor: Anchor.scenario(name: name, number: scenarioCount))
                    continue
                }
                if words.first == LessonParser.outputInfo {
                    if pendingScenario != nil && pendingScenario?.output == nil {
                        pendingScenario?.output = fenced
                        flushScenario()
                    } else {
                        diagnostics.append(
                            .error("an 'output' block must directly follow a 'scenario' block", at: location))
                    }
                    continue
                }
                if words.first == LessonParser.questionInfo {
                    flushScenario()
                    flushProse()
                    parts.append(.question(Self.question(fenced, words: words, scenariosBefore: scenarioCount)))
                    continue
                }
                if words.first == LessonParser.exerciseInfo {
                    flushScenario()
                    flushProse()
                    exerciseCount += 1
                    parts.append(
                        .exercise(
                            ExerciseBlock.parse(
                                fenced, words: words, number: exerciseCount, renderTask: Self.renderMarkdown)))
                    continue
                }
                flushScenario()
                Self.escapePrivateUse(in: current)
                prose.pieces.append(.html(Self.renderHTML(current)))
                prose.text.append(PrivateUseEscape.unescaped(Self.plainText(current)) + "\n")
            case CMARK_NODE_HEADING:
                flushScenario()
                flushProse()
                let text = Self.plainText(current)
                Self.escapePrivateUse(in: current)
                // The anchor is given once every heading and scenario is known (`Anchor.assign`).
                let heading = Heading(
                    level: Int(cmark_node_get_heading_level(current)), text: text,
                    html: Self.renderInlineHTML(current), anchor: "", location: location)
                if heading.level == 1, title == nil { title = heading.text }
                parts.append(.heading(heading))
            default:
                flushScenario()
                if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH,
                    let line = Self.pipeTableDelimiterLine(current, lines: lines)
                {
                    diagnostics.append(
                        .error(
                            "this looks like a pipe table, which CommonMark (and so the site) does not have; write the table in HTML (<table> with <th scope=\"col\">)",
                            at: SourceLocation(file: path, line: line, column: 1)))
                }
                Self.escapePrivateUse(in: current)
                let references = Self.replaceReferences(in: current).map {
                    ProseReference(expression: $0, location: location, scenariosBefore: scenarioCount)
                }
                if Self.hasReferenceAcrossLines(current) {
                    diagnostics.append(
                        .error(
                            "a '{{…}}' reference continues on the next line, so it is not filled in; keep it on one line",
                            at: location))
                }
                prose.pieces += Self.pieces(of: Self.renderHTML(current), references: references)
                prose.text.append(PrivateUseEscape.unescaped(Self.removingPlaceholders(Self.plainText(current))) + "\n")
                diagnostics += Self.nestedBlockDiagnostics(in: current, path: path)
            }
        }
        flushScenario()
        flushProse()
        Anchor.assign(to: &parts)
        return (parts, title, diagnostics)
    }

    /// The line of a GitHub-style table delimiter row (`|---|:--|`) inside a paragraph, if there is one.
    private static func pipeTableDelimiterLine(_ paragraph: OpaquePointer, lines: SourceLines) -> Int? {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        guard first > 0, last >= first else { return nil }
        lines: for number in first...last {
            guard let bytes = lines[number] else { continue }
            var bars = 0
            var dashes = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "|"): bars += 1
                case UInt8(ascii: "-"): dashes += 1
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
                default: continue lines
                }
            }
            if bars > 0, dashes >= 3 { return number }
        }
        return nil
    }

    /// Replaces every `{{…}}` in the text of a block (not in code, not in an image's description, which becomes
    /// an attribute) by its placeholder (`ProseReference.placeholder`); returns the expressions in order. The block
    /// went through `escapePrivateUse`, so the placeholders are the only U+E000 and U+E001 in it.
    private static func replaceReferences(in block: OpaquePointer) -> [String] {
        var edits: [(OpaquePointer, String)] = []
        var expressions: [String] = []
        let iterator = cmark_iter_new(block)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            // Most nodes have no `{{`: looking for its bytes in cmark's string is far cheaper than a `String` search,
            // and a `{{` of characters always has those bytes.
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                let literal = cmark_node_get_literal(node), strstr(literal, "{{") != nil
            else { continue }
            let text = String(cString: literal)
            guard text.contains("{{") else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                edits.append((node, replacingReferencesInHTMLText(text, expressions: &expressions)))
                continue
            }
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, !isInsideImage(node) else { continue }
            var output = ""
            var rest = Substring(text)
            while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
                output += rest[..<open.lowerBound]
                let expression = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
                output += ProseReference.placeholder(expressions.count)
                expressions.append(expression)
                rest = rest[close.upperBound...]
            }
            output += rest
            edits.append((node, output))
        }
        cmark_iter_free(iterator)
        for (node, text) in edits { _ = cmark_node_set_literal(node, text) }
        return expressions
    }

    /// Whether a `{{` left open in one text node of the block is closed in a later one: a reference broken over two
    /// lines, which cmark keeps as two text nodes around a line break (after `replaceReferences`, whole references
    /// are placeholders, so any `{{` left is an open one).
    private static func hasReferenceAcrossLines(_ block: OpaquePointer) -> Bool {
        var isOpen = false
        var found = false
        let iterator = cmark_iter_new(block)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node),
                strstr(literal, "{{") != nil || (isOpen && strstr(literal, "}}") != nil)
            else { continue }
            let text = String(cString: literal)
            if isOpen, text.contains("}}") { found = true }
            if let open = text.ranges(of: "{{").last, !text[open.upperBound...].contains("}}") { isOpen = true }
        }
        cmark_iter_free(iterator)
        return found
    }

    /// A raw HTML block with each `{{…}}` in its text replaced by a placeholder (`expressions` gets the expressions in
    /// order), so a table written in HTML can hold live values too. Only text between tags counts: inside a tag (an
    /// attribute) or a comment, braces stay as written.
    private static func replacingReferencesInHTMLText(_ html: String, expressions: inout [String]) -> String {
        var output = ""
        var rest = Substring(html)
        while let first = rest.first {
            if rest.hasPrefix("<!--") {
                let end = rest.firstRange(of: "-->")?.upperBound ?? rest.endIndex
                output += rest[..<end]
                rest = rest[end...]
            } else if first == "<" {
                let end = rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
                output += rest[..<end]
                rest = rest[end...]
            } else if rest.hasPrefix("{{"), let close = rest.firstRange(of: "}}"),
                !rest[..<close.lowerBound].contains(where: { $0 == "<" || $0 == ">" })
            {
                let expression = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                output += ProseReference.placeholder(expressions.count)
                expressions.append(expression.trimmingCharacters(in: " "))
                rest = rest[close.upperBound...]
            } else {
                output.append(first)
                rest = rest.dropFirst()
            }
        }
        return output
    }

    /// Cuts rendered HTML at its placeholders: HTML pieces and the references they stood for.
    private static func pieces(of html: String, references: [ProseReference]) -> [Prose.Piece] {
        guard !references.isEmpty else { return [.html(html)] }
        var pieces: [Prose.Piece] = []
        var current = ""
        var scalars = html.unicodeScalars[...]
        while let open = scalars.firstIndex(of: ProseReference.placeholderStart) {
            let afterOpen = scalars.index(after: open)
            guard let close = scalars[afterOpen...].firstIndex(of: ProseReference.placeholderEnd),
                let index = Int(String(String.UnicodeScalarView(scalars[afterOpen..<close]))),
                references.indices.contains(index)
            else { break }
            current.unicodeScalars.append(contentsOf: scalars[..<open])
            if !current.isEmpty { pieces.append(.html(current)) }
            current = ""
            pieces.append(.reference(references[index]))
            scalars = scalars[scalars.index(after: close)...]
        }
        current.unicodeScalars.append(contentsOf: scalars)
        if !current.isEmpty { pieces.append(.html(current)) }
        return pieces
    }

    /// Plain text without the placeholders of references.
    private static func removingPlaceholders(_ text: String) -> String {
        guard text.unicodeScalars.contains(ProseReference.placeholderStart) else { return text }
        var out = ""
        var inside = false
        for scalar in text.unicodeScalars {
            if scalar == ProseReference.placeholderStart {
                inside = true
            } else if scalar == ProseReference.placeholderEnd {
                inside = false
            } else if !inside {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    private static func question(_ fenced: FencedBlock, words: [String], scenariosBefore: Int) -> QuestionBlock {
        var after: String?
        for word in words.dropFirst() where word.hasPrefix("after=") { after = String(word.dropFirst(6)) }
        var prompt: [String] = []
        var answer: String?
        var answerLocation = fenced.location
        var why: String?
        var whyLocation = fenced.location
        for (index, line) in fenced.lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.utf8.count - trimmed.utf8.count
            if trimmed.hasPrefix("answer:") {
                answer = trimmed.dropFirst("answer:".count).trimmingCharacters(in: " ")
                answerLocation = fenced.sourceMap.location(line: index, column: indent + "answer:".utf8.count + 2)
            } else if trimmed.hasPrefix("why:") {
                why = trimmed.dropFirst("why:".count).trimmingCharacters(in: " ")
                whyLocation = fenced.sourceMap.location(line: index, column: indent + "why:".utf8.count + 2)
            } else {
                prompt.append(line)
            }
        }
        while prompt.last?.isEmpty == true { prompt.removeLast() }
        let promptLocation = fenced.sourceMap.location(line: 0, column: 1)
        return QuestionBlock(
            block: fenced, after: after, prompt: prompt,
            promptProse: inlineProse(
                prompt.joined(separator: "\n"), at: promptLocation, scenariosBefore: scenariosBefore),
            answer: answer, answerLocation: answerLocation, why: why,
            whyProse: why.map { inlineProse($0, at: whyLocation, scenariosBefore: scenariosBefore) },
            scenariosBefore: scenariosBefore)
    }

    /// Markdown written inside a question (its prompt, its `why:` line) as HTML cut at its `{{…}}` references:
    /// cmark's safe rendering (raw HTML omitted, `javascript:` links removed), lesson links rewritten, and a single
    /// paragraph given as its inline content (without `<p>`).
    static func inlineProse(_ text: String, at location: SourceLocation, scenariosBefore: Int) -> Prose {
        var document = CmarkDocument(Array(text.utf8))
        defer { document.release() }
        document.rewriteLessonLinks()
        guard let root = document.root else { return Prose(pieces: [], text: "") }
        escapePrivateUse(in: root)
        let references = replaceReferences(in: root).map {
            ProseReference(expression: $0, location: location, scenariosBefore: scenariosBefore)
        }
        var html = renderHTML(root, options: CMARK_OPT_DEFAULT)
        while html.hasSuffix("\n") { html.removeLast() }
        // One paragraph is the usual case: its inline HTML, so the page can put it in an element of its own.
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.ranges(of: "<p>").count == 1 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        let plain = PrivateUseEscape.unescaped(removingPlaceholders(plainText(root)))
        return Prose(
            pieces: pieces(of: html, references: references), text: plain.trimmingCharacters(in: " "))
    }

    /// Scenario and output blocks are only meaningful at the top level; anywhere else is an error.
    private static func nestedBlockDiagnostics(in container: OpaquePointer, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let iterator = cmark_iter_new(container)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), node != container,
                cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK
            else { continue }
            let info = String(cString: cmark_node_get_fence_info(node))
            let word = info.split(separator: " ").first.map(String.init)
            if let word, LessonParser.blockInfos.contains(word) {
                let kind = cmark_node_get_type(container) == CMARK_NODE_BLOCK_QUOTE ? "a block quote" : "a list"
                diagnostics.append(
                    .error(
                        "'\(word)' blocks must be at the top level of the lesson, not inside \(kind)",
                        at: location(of: node, path: path)))
            }
        }
        return diagnostics
    }

    static func location(of node: OpaquePointer, path: String) -> SourceLocation {
        SourceLocation(
            file: path, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    private static func fencedBlock(_ node: OpaquePointer, path: String, lines: SourceLines) -> FencedBlock {
        let text = String(cString: cmark_node_get_literal(node))
        let info = String(cString: cmark_node_get_fence_info(node))
        let openingLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let contentLines = FencedBlock.lines(of: text)
        let fileLines = contentLines.indices.map { openingLine + 1 + $0 }
        // cmark removes up to the fence's indentation from each content line; recover how much it removed.
        let offsets = contentLines.enumerated().map { index, line -> Int in
            guard let source = lines[openingLine + 1 + index] else { return 0 }
            return max(0, source.count - line.utf8.count)
        }
        let fence = Fence(opening: lines[openingLine])
        let closingLine: Int? = {
            guard endLine > openingLine, let source = lines[endLine], let fence, fence.isClosed(by: source) else {
                return nil
            }
            return endLine
        }()
        let contentStart = lines.start(ofLineAfter: openingLine)
        let contentEnd = closingLine.map { lines.start(of: $0) } ?? lines.byteCount
        let blockEnd = closingLine.map { lines.start(ofLineAfter: $0) } ?? lines.byteCount
        return FencedBlock(
            info: info, text: text, location: location(of: node, path: path),
            sourceMap: SourceMap(file: path, lines: fileLines, columnOffsets: offsets), openingLine: openingLine,
            closingLine: closingLine, contentRange: contentStart..<max(contentStart, contentEnd), endOffset: blockEnd,
            fenceIndent: fence?.indent ?? 0, lineEnding: lines.lineEnding(of: openingLine))
    }

    /// Renders a block that went through `escapePrivateUse`: its escapes become character references, so the
    /// only U+E000 and U+E001 left in the HTML are the placeholders of `{{…}}` references.
    /// Markdown written inside a block (an exercise's task) as HTML: cmark's safe rendering (raw HTML omitted,
    /// `javascript:` links removed), with links to sibling lessons rewritten as in prose.
    static func renderMarkdown(_ text: String) -> String {
        var document = CmarkDocument(Array(text.utf8))
        defer { document.release() }
        document.rewriteLessonLinks()
        guard let root = document.root, let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { releaseCString(html) }
        return String(cString: html)
    }

    private static func renderHTML(_ node: OpaquePointer, options: Int32 = CMARK_OPT_UNSAFE) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { releaseCString(html) }
        let text = String(cString: html)
        guard text.unicodeScalars.contains(PrivateUseEscape.escape) else { return text }
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == PrivateUseEscape.escape, let code = scalars.next() else {
                out.unicodeScalars.append(scalar)
                continue
            }
            out += PrivateUseEscape.reference(code)
        }
        return out
    }

    /// Makes the characters `{{…}}` placeholders are made of (U+E000, U+E001) impossible to type: in every literal
    /// and title of the block (text, code, raw HTML) each of them — and the escape character itself — becomes the
    /// escape character and a letter, which `renderHTML` turns into a character reference (`&#xE000;`, shown the
    /// same). An icon-font glyph typed in prose then stays a glyph instead of breaking the references after it.
    static func escapePrivateUse(in block: OpaquePointer) {
        var edits: [(OpaquePointer, String?, String?, String?)] = []
        let iterator = cmark_iter_new(block)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator)
            else { continue }
            let type = cmark_node_get_type(node)
            let title = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE ? cmark_node_get_title(node) : nil
            let info = type == CMARK_NODE_CODE_BLOCK ? cmark_node_get_fence_info(node) : nil
            let newLiteral = Self.escapingPrivateUse(cmark_node_get_literal(node))
            let newTitle = Self.escapingPrivateUse(title)
            let newInfo = Self.escapingPrivateUse(info)
            if newLiteral != nil || newTitle != nil || newInfo != nil {
                edits.append((node, newLiteral, newTitle, newInfo))
            }
        }
        cmark_iter_free(iterator)
        for (node, literal, title, info) in edits {
            if let literal { _ = cmark_node_set_literal(node, literal) }
            if let title { _ = cmark_node_set_title(node, title) }
            if let info { _ = cmark_node_set_fence_info(node, info) }
        }
    }

    /// A cmark string with `PrivateUseEscape`'s characters escaped, or nil when it has none of them. Their UTF-8
    /// encodings start with the byte 0xEE, which almost no lesson text has, so most strings are never decoded.
    private static func escapingPrivateUse(_ cString: UnsafePointer<CChar>?) -> String? {
        guard let cString, strchr(cString, Int32(PrivateUseEscape.leadByte)) != nil else { return nil }
        return PrivateUseEscape.escaped(String(cString: cString))
    }

    /// The HTML of a heading's children (cmark renders a whole node, so render and strip the `<hN>` wrapper).
    private static func renderInlineHTML(_ heading: OpaquePointer) -> String {
        var html = renderHTML(heading)
        while html.hasSuffix("\n") { html.removeLast() }
        guard let open = html.firstIndex(of: ">"), let close = html.lastIndex(of: "<"), open < close else {
            return html
        }
        return String(html[html.index(after: open)..<close])
    }

    /// The words of a node without markup: text and code, the text between the tags of raw HTML, a space for
    /// every line break and block boundary.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM { text += " " }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += String(cString: cmark_node_get_literal(child))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                text += RawHTMLText.text(of: String(cString: cmark_node_get_literal(child)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}

/// Frees a string that libcmark allocated with the C allocator.
private func releaseCString(_ pointer: UnsafeMutablePointer<CChar>) {
    free(pointer)
}
