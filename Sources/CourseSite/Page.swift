import Course

/// The frame every page shares: skip link, sidebar with the table of contents and search, main content, footer.
struct Page {
    var title: String
    var body: String
    var course: VerifiedCourse
    /// The lesson this page shows, if any (marked in the table of contents).
    var current: VerifiedLesson?
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
        var out = "<nav class=\"sidebar\" id=\"course-contents\" aria-label=\"Course contents\">\n"
        out += "<p class=\"brand\"><a href=\"index.html\">\(HTML.escape(SiteRenderer.courseTitle))</a></p>\n"
        out += "<form class=\"search\" role=\"search\" hidden><label for=\"search-input\">Search the course</label>"
        out +=
            "<input id=\"search-input\" type=\"search\" autocomplete=\"off\" placeholder=\"e.g. min.insync.replicas\">"
        out += "<ul class=\"search-results\" aria-live=\"polite\"></ul></form>\n"
        out += "<ol class=\"toc\">\n"
        for lesson in course.lessons {
            let isCurrent = current.map { $0.lesson.path == lesson.lesson.path } ?? false
            let mark =
                lesson.isVerified
                ? "<span class=\"toc-mark\" aria-label=\"verified\">✓</span>"
                : "<span class=\"toc-mark bad\" aria-label=\"not verified\">✗</span>"
            out +=
                "<li><a href=\"\(SiteRenderer.pageName(lesson))\"\(isCurrent ? " aria-current=\"page\"" : "")>\(HTML.escape(lesson.lesson.title))</a> \(mark)</li>\n"
        }
        out += "</ol>\n</nav>"
        return out
    }

    /// The footer facts every page shows.
    static func footer(course: VerifiedCourse, lesson: VerifiedLesson?) -> String {
        var parts = [
            "Verified by ReplicaLab \(ReplicaLabVersion.current)",
            "engine semantics: \(HTML.escape(ReplicaLabVersion.kafkaSemantics))",
        ]
        if let lesson {
            parts.append("seed \(lesson.seed)")
            parts.append("lesson source SHA-256 <code>\(String(lesson.sourceHash.prefix(16)))</code>")
        } else {
            parts.append(
                "\(course.lessons.count) lessons, \(course.scenarioCount) scenarios, \(course.expectationCount) expectations"
            )
        }
        return parts.joined(separator: " · ")
    }
}
