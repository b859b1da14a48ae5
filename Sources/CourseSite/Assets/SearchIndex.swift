import Course
import LessonMarkdown

/// The search index: per lesson its title, summary and sections (heading, anchor, plain text, the terms the section
/// defines in bold), and the table of Kafka synonyms. The search script tokenizes, stems and ranks at query time,
/// so the index is the course's words once and nothing else.
///
/// Shipped as a script that sets a global, because browsers do not let pages `fetch` files on `file://`; the search
/// script loads it the first time a reader searches, so a page that is only read never pays for it.
enum SearchIndex {
    /// One lesson's part of the index (a JavaScript object literal).
    static func entry(for lesson: VerifiedLesson) -> String {
        var sections: [Section] = [Section(heading: lesson.lesson.title, anchor: "")]
        for part in lesson.parts {
            switch part {
            case .heading(let heading):
                if heading.level > 1 { sections.append(Section(heading: heading.text, anchor: heading.anchor)) }
            case .prose(let prose):
                sections[sections.count - 1].add(prose.text)
                for case .html(let html) in prose.pieces {
                    sections[sections.count - 1].defined += definedTerms(html)
                }
            case .question(let question):
                sections[sections.count - 1].add(question.prompt.text)
            case .exercise(let exercise):
                sections[sections.count - 1].add(VerifiedProse.plainText(ofHTML: exercise.exercise.taskHTML))
            case .scenario: break
            }
        }
        let page = LessonRendering.pageName(number: lesson.lesson.number, slug: lesson.lesson.slug)
        let list = sections.map { section in
            "[\(string(section.heading)),\(string(section.anchor)),\(string(section.text)),"
                + "\(string(section.defined.joined(separator: "|")))]"
        }
        // A page with nothing to run (the glossary) is a reference: it defines words but does not teach them.
        let reference = lesson.scenarios.isEmpty && lesson.exercises.isEmpty ? ",\"r\":1" : ""
        return "{\"t\":\(string(lesson.lesson.title)),\"u\":\(string(page))\(reference),"
            + "\"m\":\(string(lesson.lesson.summary ?? "")),\"s\":[\n\(list.joined(separator: ",\n"))]}"
    }

    /// The index script of a whole course.
    static func javascript(_ lessons: [LessonRendering]) -> String {
        let synonyms = SearchSynonyms.groups.map { group in "[\(group.map(string).joined(separator: ","))]" }
        return "window.REPLICALAB_SEARCH={\"synonyms\":[\n\(synonyms.joined(separator: ",\n"))],\n"
            + "\"pages\":[\n\(lessons.map(\.searchPage).joined(separator: ",\n"))]};\n"
    }

    /// A section of a lesson: the text under one heading, up to the next.
    struct Section {
        var heading: String
        var anchor: String
        var text = ""
        /// Words the author set in bold here: where a term is defined.
        var defined: [String] = []

        mutating func add(_ more: String) {
            let words = SearchIndex.words(more)
            if words.isEmpty { return }
            text += text.isEmpty ? words : " " + words
        }
    }

    /// The words of `text` (split at whitespace) joined by single spaces. ASCII text, most of a course, is split
    /// byte by byte; other text by `Character.isWhitespace`, which knows Unicode's spaces (an ASCII byte is
    /// whitespace exactly when it is a tab, a line break, a vertical tab, a form feed or a space).
    static func words(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes -> String in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text of the `<strong>` elements of a prose block's HTML, tags removed.
    ///
    /// The HTML is cmark's: a `<` or `>` in its text is an entity, so these two bytes are only ever a tag's
    /// brackets, and the HTML is read as bytes.
    static func definedTerms(_ html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes in
            var terms: [String] = []
            var from = 0
            while let start = firstIndex(of: strongStart, in: bytes, from: from),
                let end = firstIndex(of: strongEnd, in: bytes, from: start + strongStart.count)
            {
                var term: [UInt8] = []
                var inTag = false
                for byte in bytes[(start + strongStart.count)..<end] {
                    if byte == UInt8(ascii: "<") {
                        inTag = true
                    } else if byte == UInt8(ascii: ">") {
                        inTag = false
                    } else if !inTag {
                        term.append(byte)
                    }
                }
                let decoded = decodedEntities(String(decoding: term, as: UTF8.self))
                if !decoded.isEmpty { terms.append(decoded) }
                from = end + strongEnd.count
            }
            return terms
        }
    }

    private static let strongStart = Array("<strong>".utf8)
    private static let strongEnd = Array("</strong>".utf8)

    /// Where `needle` first occurs in `bytes` at or after `from`.
    private static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    /// Text from HTML with cmark's four entities decoded.
    static func decodedEntities(_ text: some StringProtocol) -> String {
        // Every entity starts with `&`: most text has none, and is returned without four searches of it.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return String(text) }
        return String(text).replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&amp;", with: "&")
    }

    /// A JavaScript string literal (JSON rules, plus `<` escaped so no `</script>` can appear).
    ///
    /// The text is read as UTF-8 bytes: what needs escaping is ASCII (`"`, `\`, `<`, control characters) or one of
    /// the line and paragraph separators (`E2 80 A8`, `E2 80 A9`), so the runs between are whole characters and are
    /// copied as they are, in place.
    static func string(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(UInt8(ascii: "\""))
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var next = index + 1
                let escaped: StaticString
                switch byte {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case UInt8(ascii: "\n"): escaped = "\\n"
                case UInt8(ascii: "<"): escaped = "\\u003c"
                case 0..<0x20: escaped = "\\u00"
                case 0xE2:
                    // U+2028 and U+2029 end a line in JavaScript source.
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    else {
                        index = next
                        continue
                    }
                    escaped = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    next = index + 3
                default:
                    index = next
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                escaped.withUTF8Buffer { out.append(contentsOf: $0) }
                if byte < 0x20, byte != UInt8(ascii: "\n") {
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
                run = next
                index = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
