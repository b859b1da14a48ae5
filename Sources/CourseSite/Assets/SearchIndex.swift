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
            let words = more.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if words.isEmpty { return }
            text += text.isEmpty ? words : " " + words
        }
    }

    /// The text of the `<strong>` elements of a prose block's HTML, tags removed.
    static func definedTerms(_ html: String) -> [String] {
        var terms: [String] = []
        var rest = html[...]
        while let start = rest.firstRange(of: "<strong>"),
            let end = rest[start.upperBound...].firstRange(of: "</strong>")
        {
            let inner = rest[start.upperBound..<end.lowerBound]
            var term = ""
            var inTag = false
            for character in inner {
                if character == "<" {
                    inTag = true
                } else if character == ">" {
                    inTag = false
                } else if !inTag {
                    term.append(character)
                }
            }
            let decoded = decodedEntities(term)
            if !decoded.isEmpty { terms.append(decoded) }
            rest = rest[end.upperBound...]
        }
        return terms
    }

    /// Text from HTML with cmark's four entities decoded.
    static func decodedEntities(_ text: some StringProtocol) -> String {
        String(text).replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&amp;", with: "&")
    }

    /// A JavaScript string literal (JSON rules, plus `<` escaped so no `</script>` can appear).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
