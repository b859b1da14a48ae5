import CCmark
import Diagnostics

extension CmarkDocument {
    /// The problems of the lesson's raw HTML (`RawHTMLPolicy`) and image URLs (`URLPolicy`), scenario, output and
    /// question blocks that CommonMark swallowed into raw HTML (never run, yet shown), and the links raw HTML makes
    /// (`<a href>`, for the link checker).
    func rawHTMLProblems(path: String, lines: SourceLines) -> (diagnostics: [Diagnostic], links: [Link]) {
        guard let root else { return ([], []) }
        var diagnostics: [Diagnostic] = []
        var links: [Link] = []
        // Inline HTML has no position of its own: it is found in its block's bytes, each after the one before.
        var searchFrom: [OpaquePointer: Int] = [:]
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator)
            else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let block = HTMLBlockText(literal, startLine: Int(cmark_node_get_start_line(node)), lines: lines)
                let (problems, rawLinks) = RawHTMLPolicy.check(literal)
                for problem in problems {
                    diagnostics.append(
                        .error(problem.message, at: block.location(ofOffset: problem.offset, path: path)))
                }
                for link in rawLinks {
                    links.append(
                        Link(destination: link.destination, location: block.location(ofOffset: link.offset, path: path))
                    )
                }
                diagnostics += block.hiddenFencedBlocks(path: path)
            case CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let container = Self.enclosingBlock(of: node)
                let found = Self.find(literal, in: container, lines: lines, from: searchFrom[container])
                if let found { searchFrom[container] = found + literal.utf8.count }
                func location(_ offset: Int) -> SourceLocation {
                    guard let found else { return Self.location(of: container, path: path) }
                    let (line, column) = lines.location(ofOffset: found + offset)
                    return SourceLocation(file: path, line: line, column: column)
                }
                let (problems, rawLinks) = RawHTMLPolicy.check(literal)
                diagnostics += problems.map { .error($0.message, at: location($0.offset)) }
                links += rawLinks.map { Link(destination: $0.destination, location: location($0.offset)) }
            case CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if let problem = URLPolicy.problem(url, isLink: false) {
                    diagnostics.append(
                        .error(
                            "image '\(url)': \(problem)",
                            at: Self.location(of: Self.enclosingBlock(of: node), path: path)))
                }
            default:
                break
            }
        }
        return (diagnostics, links)
    }

    /// The nearest node with a position (inline nodes have none): the paragraph or heading around an inline node.
    static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer {
        var block = node
        while cmark_node_get_start_line(block) == 0, let parent = cmark_node_parent(block) { block = parent }
        return block
    }

    /// The byte offset of `literal` within the lines of `block`, at or after `from`.
    private static func find(_ literal: String, in block: OpaquePointer, lines: SourceLines, from: Int?) -> Int? {
        let first = Int(cmark_node_get_start_line(block))
        let last = Int(cmark_node_get_end_line(block))
        guard first > 0, last >= first else { return nil }
        let start = max(from ?? 0, lines.start(of: first))
        let end = lines.start(ofLineAfter: last)
        let needle = Array(literal.utf8)
        guard !needle.isEmpty, start + needle.count <= end else { return nil }
        var index = start
        while index + needle.count <= end {
            if lines.bytes[index] == needle[0], lines.bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// The text of an HTML block with the file position of each of its bytes.
private struct HTMLBlockText {
    var literal: String
    var startLine: Int
    /// Each literal line's text, its byte offset in the literal, and the bytes of indentation or container prefix
    /// (`> `, list indentation) that cmark removed before it.
    var literalLines: [(text: Substring, offset: Int, removed: Int)]

    init(_ literal: String, startLine: Int, lines: SourceLines) {
        self.literal = literal
        self.startLine = startLine
        var result: [(Substring, Int, Int)] = []
        var offset = 0
        for (index, text) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let source = lines[startLine + index]?.count ?? text.utf8.count
            result.append((text, offset, max(0, source - text.utf8.count)))
            offset += text.utf8.count + 1
        }
        literalLines = result
    }

    func location(ofOffset offset: Int, path: String) -> SourceLocation {
        let index = literalLines.lastIndex { $0.offset <= offset } ?? 0
        let line = literalLines[index]
        return SourceLocation(file: path, line: startLine + index, column: offset - line.offset + 1 + line.removed)
    }

    /// Scenario, output and question fences inside the block: CommonMark read them as HTML, so they never run,
    /// and the browser shows their text as if it were a verified claim.
    func hiddenFencedBlocks(path: String) -> [Diagnostic] {
        let opening = literal.drop { $0 == " " }
        let isComment = opening.hasPrefix("<!--")
        let isClosedComment = isComment && literal.contains("-->")
        var diagnostics: [Diagnostic] = []
        for (index, line) in literalLines.enumerated() {
            guard Fence(opening: ArraySlice(line.text.utf8)) != nil else { continue }
            let info = line.text.drop { $0 == " " }.drop { $0 == "`" || $0 == "~" }
            guard let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init),
                LessonParser.blockInfos.contains(word)
            else { continue }
            let location = SourceLocation(file: path, line: startLine + index, column: 1 + line.removed)
            if isClosedComment {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: location,
                        "this '\(word)' block is inside an HTML comment (from line \(startLine)): it is neither run nor shown"
                    ))
            } else if isComment {
                diagnostics.append(
                    .error(
                        "this '\(word)' block is hidden by the HTML comment opened at line \(startLine), which is never closed: it would never run",
                        at: location))
            } else {
                diagnostics.append(
                    .error(
                        "this '\(word)' block is inside the raw HTML that starts at line \(startLine), so it would never run and the page would show its text; put a blank line between the HTML and the fence",
                        at: location))
            }
        }
        return diagnostics
    }
}
