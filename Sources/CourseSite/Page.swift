import Course

/// The frame every page shares: skip link, sidebar with the table of contents and search, main content, footer.
struct Page {
    var title: String
    var body: String
    /// The course's table of contents.
    var toc: TableOfContents
    /// The position of the lesson this page shows, if any (marked in the table of contents).
    var current: Int?
    /// Build facts for the footer.
    var footer: String

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="ReplicaLab \(ReplicaLabVersion.current)">
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="style.css">
        <script src="search-index.js" defer></script>
        <script src="replicalab.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#content">Skip to content</a>
        <header class="topbar"><a href="index.html">\(HTML.escape(SiteRenderer.courseTitle))</a> <a href="#course-contents">Contents</a></header>
        <div class="layout">
        <main id="content" tabindex="-1">
        \(body)</main>
        \(sidebar)
        </div>
        <footer class="site-footer"><p>\(footer)</p></footer>
        </body>
        </html>

        """
    }

    private var sidebar: String {
        var out = toc.head
        for (index, item) in toc.items.enumerated() { out += index == current ? toc.currentItems[index] : item }
        out += "</ol>\n</nav>"
        return out
    }

    /// The sidebar's pieces, built once per site: every page shows the same list, with its own lesson marked.
    struct TableOfContents {
        var head: String
        var items: [String]
        var currentItems: [String]
    }

    /// The table of contents of a course.
    static func tableOfContents(_ lessons: [LessonRendering]) -> TableOfContents {
        var head = "<nav class=\"sidebar\" id=\"course-contents\" aria-label=\"Course contents\">\n"
        head += "<p class=\"brand\"><a href=\"index.html\">\(HTML.escape(SiteRenderer.courseTitle))</a></p>\n"
        head += "<form class=\"search\" role=\"search\" hidden><label for=\"search-input\">Search the course</label>"
        head +=
            "<input id=\"search-input\" type=\"search\" autocomplete=\"off\" placeholder=\"e.g. min.insync.replicas\">"
        head += "<ul class=\"search-results\" aria-live=\"polite\"></ul></form>\n"
        head += "<ol class=\"toc\">\n"
        var items: [String] = []
        var currentItems: [String] = []
        for lesson in lessons {
            let mark =
                lesson.isVerified
                ? "<span class=\"toc-mark\" aria-label=\"verified\">✓</span>"
                : "<span class=\"toc-mark bad\" aria-label=\"not verified\">✗</span>"
            let rest = ">\(HTML.escape(lesson.title))</a> \(mark)</li>\n"
            items.append("<li><a href=\"\(lesson.pageName)\"" + rest)
            currentItems.append("<li><a href=\"\(lesson.pageName)\" aria-current=\"page\"" + rest)
        }
        return TableOfContents(head: head, items: items, currentItems: currentItems)
    }

    /// The footer facts every page shows.
    static func footer(lessons: [LessonRendering], lesson: LessonRendering?) -> String {
        var parts = [
            "Verified by ReplicaLab \(ReplicaLabVersion.current)",
            "engine semantics: \(HTML.escape(ReplicaLabVersion.kafkaSemantics))",
        ]
        if let lesson {
            parts.append("seed \(lesson.seed)")
            parts.append("lesson source SHA-256 <code>\(String(lesson.sourceHash.prefix(16)))</code>")
        } else {
            let scenarios = lessons.reduce(0) { $0 + $1.scenarioCount }
            let expectations = lessons.reduce(0) { $0 + $1.expectationCount }
            parts.append("\(lessons.count) lessons, \(scenarios) scenarios, \(expectations) expectations")
        }
        return parts.joined(separator: " · ")
    }
}
