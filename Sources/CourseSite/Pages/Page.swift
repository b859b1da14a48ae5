import Course

/// The frame every page shares: the top bar (search first, then the skip link, the course, the tool page, the theme),
/// main content, the sidebar (the course's contents, which the script fills in from `toc.js`, the one file that
/// lists every lesson), footer.
///
/// A page's size does not depend on how many lessons the course has: without scripts the sidebar links to the course
/// index, which lists them all.
struct Page {
    var title: String
    /// The main content, written into the page in place (a lesson's article is most of its page).
    var body: [HTMLNode]
    /// Build facts for the footer.
    var footer: HTMLNode
    /// Whether the page has sandboxes (scenarios a reader can edit and run, the playground): it then loads the
    /// sandbox's stylesheet and script, which load the engine when a reader first opens one.
    var hasSandbox = false
    /// Scripts of the page's own, before the sandbox's (the playground's engine and list of scenarios).
    var scripts: [String] = []

    var html: String { String(decoding: bytes(reserving: 16384), as: UTF8.self) }

    /// The page's UTF-8 bytes, in a buffer that starts with room for `capacity` bytes.
    func bytes(reserving capacity: Int) -> [UInt8] {
        var html = HTMLWriter(reserving: capacity)
        writeOpening(into: &html)
        writeBodyAndClosing(into: &html)
        return html.takeBytes()
    }

    /// The page's UTF-8 bytes before the main content: a lesson's article (most of its page) is written to the
    /// file from where it is, between these and `closingBytes`, not copied into the page first.
    var openingBytes: [UInt8] {
        var html = HTMLWriter(reserving: 4096)
        writeOpening(into: &html)
        return html.takeBytes()
    }

    /// The page's UTF-8 bytes from `body` on: what follows content written before `body` (see `openingBytes`).
    var closingBytes: [UInt8] {
        var html = HTMLWriter(reserving: 4096)
        writeBodyAndClosing(into: &html)
        return html.takeBytes()
    }

    /// Everything before the main content.
    private func writeOpening(into html: inout HTMLWriter) {
        html.append("<!DOCTYPE html>\n")
        html.start(.html, .init("lang", "en"))
        html.newline()
        html.write(head)
        html.newline()
        html.start(.body)
        html.newline()
        html.write(Self.topbar)
        html.newline()
        html.newline()
        html.start(.div, .class("layout"))
        html.newline()
        html.start(.main, .id("content"), .init("tabindex", "-1"))
        html.newline()
    }

    /// The main content and everything after it.
    private func writeBodyAndClosing(into html: inout HTMLWriter) {
        for node in body { html.write(node) }
        html.end(.main)
        html.newline()
        html.write(Self.sidebar)
        html.newline()
        html.end(.div)
        html.newline()
        html.start(.footer, .class("site-footer"))
        html.start(.p)
        html.write(footer)
        html.end(.p)
        html.end(.footer)
        html.newline()
        html.end(.body)
        html.newline()
        html.end(.html)
        html.newline()
    }

    private var head: HTMLNode {
        .element(
            .head, [],
            [
                .newline, .element(.meta, [.init("charset", "utf-8")]), .newline,
                .element(
                    .meta, [.init("name", "viewport"), .init("content", "width=device-width, initial-scale=1")]),
                .newline,
                .element(
                    .meta, [.init("name", "generator"), .init("content", "ReplicaLab \(ReplicaLabVersion.current)")]),
                .newline, .element(.title, text: title), .newline,
                .element(.link, [.init("rel", "stylesheet"), .href(SiteFiles.stylesheet)]), .newline,
                // The reader's theme, set before the first paint (no flash of the other theme).
                .element(.script, [], [.trusted(TrustedHTML(constant: ReadingScript.themeBeforePaint))]), .newline,
                script(SiteFiles.contents), .newline, script(SiteFiles.script), .newline,
            ] + sandboxAssets)
    }

    /// The sandbox's stylesheet and scripts, on pages that have sandboxes only.
    private var sandboxAssets: [HTMLNode] {
        guard hasSandbox else { return [] }
        let sheet = HTMLNode.element(.link, [.init("rel", "stylesheet"), .href(SiteFiles.sandboxStylesheet)])
        return [sheet, .newline] + (scripts + [SiteFiles.sandboxScript]).flatMap { [script($0), .newline] }
    }

    private func script(_ source: String) -> HTMLNode {
        .element(.script, [.init("src", source), .init("defer")])
    }

    /// The sidebar: the contents (filled in by the script from `toc.js`; without it, a link to
    /// the course index).
    private static let sidebar: HTMLNode =
        .element(
            .nav, [.class("sidebar"), .id("course-contents"), .ariaLabel("Course contents")],
            [
                .newline,
                .element(.p, [.class("brand")], [.element(.a, [.href("index.html")], text: SiteRenderer.courseTitle)]),
                .newline,
                .element(
                    .p, [.class("play-entry")],
                    [
                        .element(.a, [.href(SiteFiles.playground)], text: "Playground"),
                        .text(": write a scenario and run it"),
                    ]),
                .newline,
                .element(
                    .p, [.class("toc-fallback")],
                    [.element(.a, [.href("index.html#lessons")], text: "All lessons")]),
                .newline,
            ])

    /// The footer facts every page shows.
    static func footer(lessons: [LessonRendering], lesson: LessonRendering?) -> HTMLNode {
        var parts: [HTMLNode] = [
            .text("Verified by ReplicaLab \(ReplicaLabVersion.current)"),
            .text(" · engine semantics: \(ReplicaLabVersion.kafkaSemantics)"),
        ]
        if let lesson {
            parts.append(.text(" · shows Kafka \(lesson.kafka) · seed \(lesson.seed) · lesson source SHA-256 "))
            parts.append(.element(.code, text: String(lesson.sourceHash.prefix(16))))
        } else {
            let scenarios = lessons.reduce(0) { $0 + $1.scenarioCount }
            let expectations = lessons.reduce(0) { $0 + $1.expectationCount }
            parts.append(.text(" · \(lessons.count) lessons, \(scenarios) scenarios, \(expectations) expectations"))
        }
        return .group(parts)
    }
}

/// The names of the site's shared files.
enum SiteFiles {
    static let stylesheet = "style.css"
    static let script = "replicalab.js"
    static let searchIndex = "search-index.js"
    static let contents = "toc.js"
    static let sandboxScript = "sandbox.js"
    static let sandboxStylesheet = "sandbox.css"
    /// Every scenario's lines and where its steps end, for the playground's `#from=`.
    static let scenarios = "scenarios.js"
    static let playground = "play.html"
}
