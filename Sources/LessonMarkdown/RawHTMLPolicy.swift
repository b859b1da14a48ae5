import Diagnostics

/// The raw HTML a lesson may contain. Lessons come from many authors and every page carries the course's
/// "verified" mark, so prose may use what tables, disclosures and inline markup need — and nothing that runs code,
/// loads or submits anything, restyles the page, or could pass for the site's own elements:
///
/// - elements: the table markup (`table`, `caption`, `colgroup`, `col`, `thead`, `tbody`, `tfoot`, `tr`, `th`, `td`),
///   `details` and `summary`, a few blocks (`div`, `p`, `pre`, `blockquote`, `hr`, lists, `figure`) and inline tags
///   (`a`, `abbr`, `b`, `br`, `code`, `em`, `i`, `img`, `kbd`, `span`, `strong`, `sub`, `sup`, …);
/// - attributes: `title`, `lang` and `dir` everywhere, plus a few per element (`scope`, `colspan`, `rowspan` on
///   table cells, `href` on `a`, `src`, `alt`, `width`, `height` on `img`, `open` on `details`, …). No event handler
///   (`on…`), `style`, `class` or `id` (the page's ids are the site's, and unique);
/// - URLs in `href`, `src` and `cite`: relative, or `http:` / `https:` (and `mailto:` for links), checked after
///   decoding character references and dropping the tabs and newlines a browser drops;
/// - comments, closed. `<!DOCTYPE>`, `<![CDATA[`, `<?…>` and unterminated tags are not HTML a lesson needs.
///
/// Everything else is a located `check` error that says what is allowed.
enum RawHTMLPolicy {
    /// Allowed elements and the attributes each takes besides `globalAttributes`.
    static let elements: [String: Set<String>] = [
        "table": [], "caption": [], "colgroup": ["span"], "col": ["span"], "thead": [], "tbody": [], "tfoot": [],
        "tr": [], "th": ["scope", "colspan", "rowspan", "abbr"], "td": ["colspan", "rowspan"],
        "details": ["open"], "summary": [],
        "div": [], "p": [], "pre": [], "blockquote": ["cite"], "hr": [], "ul": [], "ol": ["start", "reversed"],
        "li": ["value"], "dl": [], "dt": [], "dd": [], "figure": [], "figcaption": [],
        "a": ["href", "hreflang"], "abbr": [], "b": [], "br": [], "cite": [], "code": [], "del": ["cite"],
        "dfn": [], "em": [], "i": [], "img": ["src", "alt", "width", "height"], "ins": ["cite"], "kbd": [],
        "mark": [], "q": ["cite"], "s": [], "samp": [], "small": [], "span": [], "strong": [], "sub": [], "sup": [],
        "u": [], "var": [], "wbr": [],
    ]

    /// Attributes every allowed element takes.
    static let globalAttributes: Set<String> = ["title", "lang", "dir"]

    /// Elements whose content a browser does not read as HTML (scripts, styles, …): after reporting one, its
    /// content is skipped rather than reported line by line.
    static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    /// What a problem in raw HTML is, before it is located.
    struct Problem: Equatable {
        var message: String
        var offset: Int
    }

    /// A link written as `<a href>`, for the link checker.
    struct RawLink: Equatable {
        var destination: String
        var offset: Int
    }

    /// The problems and links of one piece of raw HTML (an HTML block, or one inline tag).
    static func check(_ html: String) -> (problems: [Problem], links: [RawLink]) {
        var problems: [Problem] = []
        var links: [RawLink] = []
        var scanner = HTMLScanner(html)
        let allowed =
            "allowed: tables, details/summary, div, p, pre, lists, a, img and inline tags; see docs/robustness.md"
        while let token = scanner.next() {
            switch token {
            case .startTag(let name, let attributes, let offset):
                guard let ownAttributes = elements[name] else {
                    problems.append(
                        Problem(
                            message: "raw HTML element <\(name)> is not allowed in lessons (\(allowed))", offset: offset
                        ))
                    if rawTextElements.contains(name) { scanner.skipRawText(until: name) }
                    continue
                }
                for attribute in attributes {
                    guard globalAttributes.contains(attribute.name) || ownAttributes.contains(attribute.name) else {
                        problems.append(
                            Problem(
                                message:
                                    "attribute '\(attribute.name)' is not allowed on <\(name)> in lessons (no event handlers, style, class or id)",
                                offset: attribute.offset))
                        continue
                    }
                    guard ["href", "src", "cite"].contains(attribute.name) else { continue }
                    let url = attribute.value ?? ""
                    if let problem = URLPolicy.problem(url, isLink: attribute.name == "href") {
                        problems.append(
                            Problem(message: "\(attribute.name)=\"\(url)\": \(problem)", offset: attribute.offset))
                    } else if name == "a", attribute.name == "href" {
                        links.append(RawLink(destination: URLPolicy.decoded(url), offset: attribute.offset))
                    }
                }
            case .endTag:
                // An end tag opens nothing and its attributes are ignored by browsers: harmless whatever its name.
                break
            case .comment(let isClosed, let offset):
                if !isClosed {
                    problems.append(
                        Problem(
                            message: "this HTML comment is never closed with '-->': it hides the rest of the lesson",
                            offset: offset))
                }
            case .declaration(let offset):
                problems.append(
                    Problem(
                        message:
                            "'<!…>', '<?…>' and '</' without a tag name are not HTML a lesson needs (a browser hides the text up to the next '>')",
                        offset: offset))
            case .unterminated(let offset):
                problems.append(
                    Problem(
                        message:
                            "this HTML tag is not closed with '>' (or a quote is not closed): a browser would read what follows as part of it",
                        offset: offset))
            }
        }
        return (problems, links)
    }
}

/// Which URLs a lesson may use in links, images and citations.
enum URLPolicy {
    /// Why `url` may not be used, or nil when it may: relative URLs and fragments, `http:`, `https:`, and for
    /// links also `mailto:`.
    static func problem(_ url: String, isLink: Bool) -> String? {
        // A browser drops leading and trailing spaces and control characters, and tabs and newlines anywhere.
        let cleaned = decoded(url).unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let trimmed = String(String.UnicodeScalarView(cleaned)).trimmingCharacters(in: " \u{0C}")
        let schemes = isLink ? ["http", "https", "mailto"] : ["http", "https"]
        let end = trimmed.firstIndex { "/?#".contains($0) } ?? trimmed.endIndex
        let head = trimmed[..<end]
        if head.contains("&") {
            return "a character reference before the first '/' could hide a scheme; write the URL plainly"
        }
        guard let colon = head.firstIndex(of: ":") else { return nil }
        let scheme = head[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else {
            // Not a scheme, so a relative URL whose first segment has a colon: a browser would read `a:b` as scheme
            // `a` anyway when it is valid; this one is not, but it is confusing enough to refuse.
            return "this is not a valid URL; write a relative URL or an http(s) URL"
        }
        if schemes.contains(scheme.lowercased()) || scheme.isEmpty { return nil }
        return
            "the '\(scheme):' scheme is not allowed in lessons (\(schemes.map { "\($0):" }.joined(separator: ", ")) or a relative URL)"
    }

    /// `text` with numeric character references (`&#106;`, `&#x6A;`, with or without `;`) and the named references
    /// that matter for URLs (`&amp;`, `&colon;`, `&Tab;`, `&NewLine;`, …) decoded; other references stay as written.
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            rest = rest[ampersand...]
            if let (scalar, length) = reference(at: rest) {
                out.unicodeScalars.append(scalar)
                rest = rest.dropFirst(length)
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n",
        "nbsp": "\u{A0}", "sol": "/", "quest": "?", "num": "#", "period": ".", "lpar": "(", "rpar": ")",
    ]

    /// The scalar a reference at the start of `text` stands for, and its length in characters.
    private static func reference(at text: Substring) -> (Unicode.Scalar, Int)? {
        let body = text.dropFirst()
        if body.first == "#" {
            let isHex = body.dropFirst().first.map { $0 == "x" || $0 == "X" } ?? false
            let digits = body.dropFirst(isHex ? 2 : 1).prefix { isHex ? $0.isHexDigit : ("0"..."9").contains($0) }
            guard !digits.isEmpty else { return nil }
            let value = UInt32(digits.prefix(8), radix: isHex ? 16 : 10) ?? 0xFFFD
            let length = 1 + 1 + (isHex ? 1 : 0) + digits.count
            let hasSemicolon = body.dropFirst(length - 1).first == ";"
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length + (hasSemicolon ? 1 : 0))
        }
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard let scalar = named[String(name)] else { return nil }
        let hasSemicolon = body.dropFirst(name.count).first == ";"
        return (scalar, 1 + name.count + (hasSemicolon ? 1 : 0))
    }
}
