import CCmark
import Diagnostics

/// Turns a lesson file into a `Lesson`: the only code that talks to libcmark.
public enum LessonParser {
    /// The info-string word that marks a scenario block.
    public static let scenarioInfo = "scenario"
    /// The info-string word that marks an expected-output block.
    public static let outputInfo = "output"
    /// The info-string word that marks a predict-then-reveal question.
    public static let questionInfo = "question"
    /// The info-string word that marks a practice exercise.
    public static let exerciseInfo = "exercise"
    /// Every info-string word that makes a fenced block one of ReplicaLab's.
    public static let blockInfos: Set<String> = [scenarioInfo, outputInfo, questionInfo, exerciseInfo]

    /// Parses a lesson. `path` is used for diagnostics and must end in `NN-slug.md`.
    ///
    /// Returns nil, with diagnostics, when the lesson cannot be used at all. With `keepingLessonWithErrors`, a lesson
    /// with errors is returned all the same (an editor works on a lesson while it is being written, e.g. before the
    /// fence of a new block is closed): without a valid file name its number is 0 and its slug the file's name
    /// without `.md`, without a title its title is empty; nil only when the bytes are not UTF-8.
    public static func parse(_ bytes: [UInt8], path: String, keepingLessonWithErrors: Bool = false) -> (
        lesson: Lesson?, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let start = SourceLocation(file: path, line: 1, column: 1)
        let name = LessonFileName(path: path)
        if name == nil {
            diagnostics.append(
                .error(
                    "lesson file name must look like 'NN-slug.md' (two or more digits, a dash, lowercase letters, digits and dashes)",
                    at: start))
        }
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            let (line, column) = UTF8Validation.lineAndColumn(of: offset, in: bytes)
            diagnostics.append(
                .error(
                    "lesson is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16)))",
                    at: SourceLocation(file: path, line: line, column: column)))
            return (nil, diagnostics)
        }
        let sourceLines = SourceLines(bytes)
        let (frontMatter, frontMatterDiagnostics) = FrontMatter.parse(sourceLines, path: path)
        diagnostics += frontMatterDiagnostics
        // cmark must not see the front matter (`---` is a thematic break); blank its bytes so positions stay put.
        var markdown = bytes
        if frontMatter.lineCount > 0 {
            for index in 0..<sourceLines.start(ofLineAfter: frontMatter.lineCount)
            where markdown[index] != UInt8(ascii: "\n") && markdown[index] != UInt8(ascii: "\r") {
                markdown[index] = UInt8(ascii: " ")
            }
        }
        var document = CmarkDocument(markdown)
        defer { document.release() }
        let (htmlProblems, rawLinks) = document.rawHTMLProblems(path: path, lines: sourceLines)
        diagnostics += htmlProblems
        let links = (document.links(path: path) + rawLinks).enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
        document.rewriteLessonLinks()
        let (parts, headingTitle, partDiagnostics) = document.lessonParts(path: path, lines: sourceLines)
        diagnostics += partDiagnostics
        // CommonMark lets an unclosed fence run to the end of the file, swallowing the rest of the lesson: an error here.
        for case .scenario(let scenario) in parts {
            for block in [scenario.block] + (scenario.output.map { [$0] } ?? []) where block.closingLine == nil {
                let kind = block.openingLine == scenario.block.openingLine ? scenarioInfo : outputInfo
                diagnostics.append(
                    .error(
                        "the '\(kind)' block opened here is not closed: it runs to the end of the file",
                        at: block.location
                    ))
            }
        }
        for case .exercise(let exercise) in parts where exercise.block.closingLine == nil {
            diagnostics.append(
                .error(
                    "the '\(exerciseInfo)' block opened here is not closed: it runs to the end of the file",
                    at: exercise.block.location))
        }
        let title = frontMatter.title ?? headingTitle
        if title == nil {
            diagnostics.append(.error("lesson has no title: add a '# Title' heading", at: start))
        }
        let isUsable = name != nil && title != nil && !diagnostics.containsErrors
        guard isUsable || keepingLessonWithErrors else { return (nil, diagnostics) }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        var lesson = Lesson(
            path: path, number: name?.number ?? 0,
            slug: name?.slug ?? String(file.hasSuffix(".md") ? file.dropLast(3) : Substring(file)),
            title: title ?? "", parts: parts, source: bytes, frontMatter: frontMatter)
        lesson.links = links
        return (lesson, diagnostics)
    }
}

/// A lesson's file name, `NN-slug.md`: the number that orders the course and the slug that names the page.
public struct LessonFileName: Hashable, Sendable {
    /// The course order, `NN`.
    public var number: Int
    /// The page's name.
    public var slug: String

    /// The parts of the last component of `path`; nil when it is not `NN-slug.md`.
    public init?(path: String) {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard file.hasSuffix(".md") else { return nil }
        let stem = file.dropLast(3)
        guard let dash = stem.firstIndex(of: "-") else { return nil }
        let digits = stem[..<dash]
        let slug = stem[stem.index(after: dash)...]
        // ASCII digits only: `Int` alone would take `+2` (a sign) as the number 2.
        guard digits.count >= 2, digits.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(digits),
            let first = slug.first, first.isASCII, first.isLetter || first.isNumber,
            slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else { return nil }
        self.number = number
        self.slug = String(slug)
    }
}

/// The lesson's lines as byte ranges, to translate cmark's positions and recover stripped indentation.
struct SourceLines {
    /// Each line's bytes, without the line terminator (`\n`, `\r\n` or `\r`); slice indices are file offsets.
    var lines: [ArraySlice<UInt8>]
    /// Each line's terminator.
    var terminators: [String]
    /// The file's bytes.
    var bytes: [UInt8]
    /// The file's size in bytes.
    var byteCount: Int { bytes.count }

    init(_ bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var terminators: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(bytes[start..<index])
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                    terminators.append("\r\n")
                } else {
                    terminators.append(byte == UInt8(ascii: "\n") ? "\n" : "\r")
                }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            lines.append(bytes[start..<bytes.count])
            terminators.append("")
        }
        self.lines = lines
        self.terminators = terminators
        self.bytes = bytes
    }

    /// The 1-based line and column of a byte offset.
    func location(ofOffset offset: Int) -> (line: Int, column: Int) {
        // Binary search for the last line starting at or before `offset`.
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].startIndex <= offset { low = middle } else { high = middle - 1 }
        }
        guard !lines.isEmpty else { return (1, offset + 1) }
        return (low + 1, offset - lines[low].startIndex + 1)
    }

    /// The 1-based line, if it exists.
    subscript(line: Int) -> ArraySlice<UInt8>? {
        line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }

    /// The byte offset where a 1-based line starts (the file size past the last line).
    func start(of line: Int) -> Int {
        line >= 1 && line <= lines.count ? lines[line - 1].startIndex : byteCount
    }

    /// The byte offset where the line after a 1-based line starts.
    func start(ofLineAfter line: Int) -> Int { start(of: line + 1) }

    /// A line's terminator; `\n` for a last line without one.
    func lineEnding(of line: Int) -> String {
        guard line >= 1 && line <= terminators.count, !terminators[line - 1].isEmpty else { return "\n" }
        return terminators[line - 1]
    }
}

/// A code fence: its indentation, character and length, as CommonMark defines them.
struct Fence {
    var indent: Int
    var character: UInt8
    var length: Int

    init?(opening line: ArraySlice<UInt8>?) {
        guard let line else { return nil }
        let body = line.drop { $0 == UInt8(ascii: " ") }
        indent = line.count - body.count
        guard indent <= 3, let first = body.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
            return nil
        }
        character = first
        length = body.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
    }

    /// CommonMark: a closing fence is up to 3 spaces, at least as many fence characters of the same kind, then only
    /// spaces or tabs.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        let body = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - body.count <= 3 else { return false }
        let run = body.prefix { $0 == character }.count
        guard run >= length else { return false }
        return body.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

/// UTF-8 checks with positions, so a bad byte is reported where it is.
enum UTF8Validation {
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {  // ASCII, most of a lesson: no switch, no continuation bytes
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<max(1, length) where bytes[index + next] & 0xC0 != 0x80 { return index }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
