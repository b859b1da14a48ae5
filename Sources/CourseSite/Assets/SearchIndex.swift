import Course
import LessonMarkdown

/// A small prebuilt search index: every lesson's title and headings, and an inverted index of the words of its
/// prose (its plain text, as the lesson parser read it) and questions. Shipped as a script that sets a global,
/// because browsers do not let pages `fetch` files on `file://`.
enum SearchIndex {
    /// Words too common to be worth indexing.
    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "his", "how", "its", "may", "new", "now", "see", "two", "who", "did", "get", "let", "put", "say", "she",
        "too", "use", "that", "with", "this", "from", "they", "will", "what", "when", "which", "there", "their", "then",
        "than", "them", "into", "each", "only", "also", "more", "some", "such", "been", "have", "were", "does", "here",
        "just", "over", "your", "about", "would", "these", "other", "where", "while", "after", "before", "every",
    ]

    /// One lesson's part of the index: its page entry and its words, sorted.
    static func entry(for lesson: VerifiedLesson) -> (page: String, words: [String]) {
        var headings: [String] = []
        var text = lesson.lesson.title + " " + (lesson.lesson.summary ?? "")
        for part in lesson.parts {
            switch part {
            case .heading(let heading):
                text += " " + heading.text
                if heading.level > 1 {
                    headings.append("[\(Self.string(heading.text)),\(Self.string(heading.anchor))]")
                }
            case .prose(let prose): text += " " + prose.text
            case .question(let question): text += " " + question.prompt.text
            case .exercise(let exercise): text += " " + exercise.exercise.task
            case .scenario: break
            }
        }
        let page = LessonRendering.pageName(number: lesson.lesson.number, slug: lesson.lesson.slug)
        let entry =
            "{\"t\":\(Self.string(lesson.lesson.title)),\"u\":\(Self.string(page)),\"h\":[\(headings.joined(separator: ","))]}"
        return (entry, Self.words(text).sorted())
    }

    /// The index script of a whole course.
    static func javascript(_ lessons: [LessonRendering]) -> String {
        var words: [String: [Int]] = [:]
        for (index, lesson) in lessons.enumerated() {
            for word in lesson.searchWords { words[word, default: []].append(index) }
        }
        let pages = lessons.map(\.searchPage)
        let entries = words.keys.sorted().map { word in
            "\(Self.string(word)):[\(words[word]!.map(String.init).joined(separator: ","))]"
        }
        return
            "window.REPLICALAB_SEARCH={\"pages\":[\(pages.joined(separator: ","))],\n\"words\":{\(entries.joined(separator: ",\n"))}};\n"
    }

    /// Lowercase words of letters, digits, dots and dashes (so `min.insync.replicas` and `acks=all`'s parts are
    /// findable), at least three characters, stop words removed.
    static func words(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var current = ""
        func flush() {
            let word = current.trimmingCharacters(in: ".-")
            if word.count >= 3, !stopWords.contains(word) { result.insert(word) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "." || character == "-" || character == "_" {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
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
