import Course

/// The frame every page shares: skip link, top bar, main content, the sidebar (search and the course's contents,
/// which the script fills in from `toc.js`, the one file that lists every lesson), footer.
///
/// A page's size does not depend on how many lessons the course has: without scripts the sidebar links to the course
/// index, which lists them all.
struct Page {
    var title: String
    var body: HTMLNode
    /// Build facts for the footer.
    var footer: HTMLNode

    var html: String {
        HTMLFormatter.document(
            .element(
                .html, [.init("lang", "en")],
                [
                    .newline, head, .newline,
                    .element(
                        .body, [],
                        [
                            .newline,
                            .element(.a, [.class("skip"), .href("#content")], text: "Skip to content"), .newline,
                            .element(
                                .header, [.class("topbar")],
                                [
                                    .element(.a, [.href("index.html")], text: SiteRenderer.courseTitle), .text(" "),
                                    .element(.a, [.href("#course-contents")], text: "Contents"),
                                ]),
                            .newline,
                            .element(
                                .div, [.class("layout")],
                                [
                                    .newline,
                                    .element(
                                        .main, [.id("content"), .init("tabindex", "-1")], [.newline, body]),
                                    .newline, Self.sidebar, .newline,
                                ]),
                            .newline,
                            .element(.footer, [.class("site-footer")], [.element(.p, [], [footer])]),
                            .newline,
                        ]),
                    .newline,
                ]))
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
                script(SiteFiles.contents), .newline, script(SiteFiles.searchIndex), .newline,
                script(SiteFiles.script), .newline,
            ])
    }

    private func script(_ source: String) -> HTMLNode {
        .element(.script, [.init("src", source), .init("defer")])
    }

    /// The sidebar: the search box and the contents (filled in by the script from `toc.js`; without it, a link to
    /// the course index).
    private static var sidebar: HTMLNode {
        .element(
            .nav, [.class("sidebar"), .id("course-contents"), .ariaLabel("Course contents")],
            [
                .newline,
                .element(.p, [.class("brand")], [.element(.a, [.href("index.html")], text: SiteRenderer.courseTitle)]),
                .newline,
                .element(
                    .form, [.class("search"), .init("role", "search"), .hidden],
                    [
                        .element(.label, [.init("for", "search-input")], text: "Search the course"),
                        .element(
                            .input,
                            [
                                .id("search-input"), .init("type", "search"), .init("autocomplete", "off"),
                                .init("placeholder", "e.g. min.insync.replicas"),
                            ]),
                        .element(.ul, [.class("search-results"), .init("aria-live", "polite")]),
                    ]),
                .newline,
                .element(
                    .p, [.class("toc-fallback")],
                    [.element(.a, [.href("index.html#lessons")], text: "All lessons")]),
                .newline,
            ])
    }

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
}
