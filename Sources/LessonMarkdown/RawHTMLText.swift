/// The text of raw HTML an author wrote in a lesson (tables, mostly), for search: the tags dropped, the common
/// entities decoded. Lessons are trusted and cmark hands raw HTML over untouched, so this is the only way to its words.
enum RawHTMLText {
    static func text(of html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            switch character {
            case "<":
                inTag = true
                out.append(" ")
            case ">" where inTag:
                inTag = false
            default:
                if !inTag { out.append(character) }
            }
        }
        return decodingEntities(out)
    }

    private static let entities: [(String, String)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
    ]

    private static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, character) in entities {
            out = out.split(separator: entity, omittingEmptySubsequences: false).joined(separator: character)
        }
        return out
    }
}
