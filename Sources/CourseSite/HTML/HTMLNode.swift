/// A piece of an HTML (or inline SVG) document: text, an element, or HTML an author wrote.
///
/// Text and markup are different cases: a `String` only ever becomes text, which `HTMLWriter` escapes, so no
/// value from a scenario can turn into markup. Tag and attribute names are compile-time constants. Markup written
/// by hand is the `trusted` case, which only lesson prose (cmark's output of a trusted lesson) and the site's own
/// constants use. (swift-docc's `DocCHTML.HTMLNode` is the model.)
///
/// An element (or a group) is formatted as it is made, by the same `HTMLWriter`, and is its HTML from then on: a
/// page's pictures and tables are made of many small nodes, and a tree of them, copied into its parents and
/// destroyed after it was written, cost more than formatting it.
struct HTMLNode: Sendable {
    enum Storage: Sendable {
        case text(String)
        case trusted(TrustedHTML)
        /// Markup `HTMLWriter` formatted (an element, a group, a lesson's article kept between builds), as UTF-8.
        case formatted([UInt8])
    }

    let storage: Storage

    /// Text, escaped when formatted.
    static func text(_ text: String) -> HTMLNode { HTMLNode(storage: .text(text)) }

    /// An element; a void element (`meta`, `input`, …) must have no children.
    static func element(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        assert(!tag.isVoid || children.isEmpty, "<\(tag.name)> is a void element")
        var writer = HTMLWriter(reserving: HTMLWriter.size(tag, attributes) + size(of: children))
        writer.element(tag, attributes, children)
        return HTMLNode(storage: .formatted(writer.takeBytes()))
    }

    /// An element holding only text.
    static func element(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = [], text: String) -> HTMLNode {
        var writer = HTMLWriter(reserving: HTMLWriter.size(tag, attributes) + text.utf8.count)
        writer.start(tag, attributes)
        writer.text(text)
        writer.end(tag)
        return HTMLNode(storage: .formatted(writer.takeBytes()))
    }

    /// HTML written by a trusted author, inserted as it is.
    static func trusted(_ html: TrustedHTML) -> HTMLNode { HTMLNode(storage: .trusted(html)) }

    /// HTML this renderer formatted earlier (a lesson's article kept between builds), as UTF-8, inserted as it is.
    static func formatted(_ html: [UInt8]) -> HTMLNode { HTMLNode(storage: .formatted(html)) }

    /// Several nodes in a row, without an element around them.
    static func group(_ nodes: [HTMLNode]) -> HTMLNode {
        if nodes.count == 1 { return nodes[0] }
        var writer = HTMLWriter(reserving: size(of: nodes))
        for node in nodes { writer.write(node) }
        return HTMLNode(storage: .formatted(writer.takeBytes()))
    }

    /// A line break in the source (between block elements, to keep the pages diffable).
    static let newline = HTMLNode.trusted(TrustedHTML(constant: "\n"))

    /// About how many bytes the node's HTML takes (text may grow by its escapes).
    var size: Int {
        switch storage {
        case .text(let text): text.utf8.count
        case .trusted(let html): html.html.utf8.count
        case .formatted(let html): html.count
        }
    }

    private static func size(of nodes: [HTMLNode]) -> Int {
        var size = 0
        for node in nodes { size += node.size }
        return size
    }
}

extension HTMLNode {
    /// `node` formatted now and kept as its HTML: a piece a page draws many times (a broker box, a table row) is
    /// formatted once and inserted as it is afterwards. (Every element is: this names the intent.)
    static func formattedOnce(_ node: HTMLNode) -> HTMLNode {
        if case .formatted = node.storage { return node }
        var writer = HTMLWriter(reserving: node.size)
        writer.write(node)
        return .formatted(writer.takeBytes())
    }
}

/// HTML that is inserted without escaping: cmark's rendering of lesson prose (lessons are trusted, like code), or a
/// constant of the site's own.
struct TrustedHTML: Sendable {
    let html: String

    /// The HTML of a lesson's prose or heading, as cmark rendered it.
    init(lessonHTML html: String) { self.html = html }

    /// Markup the site itself spells out.
    init(constant html: StaticString) { self.html = html.description }
}

/// An element name (HTML or SVG), always a constant.
struct HTMLTag: Sendable {
    let name: StaticString
    /// An HTML void element (`<meta>`, `<input>`): a start tag only.
    let isVoid: Bool
    /// An element of inline SVG: written `<rect …/>` when it has no children, as HTML allows for foreign elements.
    let isForeign: Bool

    init(_ name: StaticString, isVoid: Bool = false, isForeign: Bool = false) {
        self.name = name
        self.isVoid = isVoid
        self.isForeign = isForeign
    }
}

/// An attribute: a constant name and a value that is escaped when formatted (nil for a boolean attribute).
struct HTMLAttribute: Sendable {
    let name: StaticString
    let value: String?

    init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }

    /// A boolean attribute (`hidden`, `open`, …).
    init(_ name: StaticString) {
        self.name = name
        self.value = nil
    }

    static func `class`(_ value: String) -> HTMLAttribute { .init("class", value) }
    static func id(_ value: String) -> HTMLAttribute { .init("id", value) }
    static func href(_ value: String) -> HTMLAttribute { .init("href", value) }
    static func ariaLabel(_ value: String) -> HTMLAttribute { .init("aria-label", value) }
    static let ariaHidden = HTMLAttribute("aria-hidden", "true")
    static let hidden = HTMLAttribute("hidden")
}

extension HTMLTag {
    static let a = HTMLTag("a")
    static let article = HTMLTag("article")
    static let aside = HTMLTag("aside")
    static let body = HTMLTag("body")
    static let button = HTMLTag("button")
    static let caption = HTMLTag("caption")
    static let code = HTMLTag("code")
    static let dd = HTMLTag("dd")
    static let details = HTMLTag("details")
    static let div = HTMLTag("div")
    static let dl = HTMLTag("dl")
    static let dt = HTMLTag("dt")
    static let figcaption = HTMLTag("figcaption")
    static let figure = HTMLTag("figure")
    static let footer = HTMLTag("footer")
    static let form = HTMLTag("form")
    static let h1 = HTMLTag("h1")
    static let h2 = HTMLTag("h2")
    static let h3 = HTMLTag("h3")
    static let h4 = HTMLTag("h4")
    static let h5 = HTMLTag("h5")
    static let h6 = HTMLTag("h6")
    static let head = HTMLTag("head")
    static let header = HTMLTag("header")
    static let html = HTMLTag("html")
    static let input = HTMLTag("input", isVoid: true)
    static let label = HTMLTag("label")
    static let li = HTMLTag("li")
    static let link = HTMLTag("link", isVoid: true)
    static let main = HTMLTag("main")
    static let meta = HTMLTag("meta", isVoid: true)
    static let nav = HTMLTag("nav")
    static let ol = HTMLTag("ol")
    static let p = HTMLTag("p")
    static let pre = HTMLTag("pre")
    static let script = HTMLTag("script")
    static let section = HTMLTag("section")
    static let span = HTMLTag("span")
    static let strong = HTMLTag("strong")
    static let summary = HTMLTag("summary")
    static let table = HTMLTag("table")
    static let tbody = HTMLTag("tbody")
    static let td = HTMLTag("td")
    static let th = HTMLTag("th")
    static let thead = HTMLTag("thead")
    static let title = HTMLTag("title")
    static let tr = HTMLTag("tr")
    static let ul = HTMLTag("ul")

    // Inline SVG.
    static let svg = HTMLTag("svg", isForeign: true)
    static let g = HTMLTag("g", isForeign: true)
    static let rect = HTMLTag("rect", isForeign: true)
    static let path = HTMLTag("path", isForeign: true)
    static let text = HTMLTag("text", isForeign: true)
    static let tspan = HTMLTag("tspan", isForeign: true)
    static let desc = HTMLTag("desc", isForeign: true)
    static let svgTitle = HTMLTag("title", isForeign: true)
    static let defs = HTMLTag("defs", isForeign: true)
    static let use = HTMLTag("use", isForeign: true)

    /// The heading element of a level (1…6).
    static func heading(_ level: Int) -> HTMLTag {
        switch level {
        case ...1: .h1
        case 2: .h2
        case 3: .h3
        case 4: .h4
        case 5: .h5
        default: .h6
        }
    }
}
