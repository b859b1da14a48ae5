import Course

/// The course index: title, what the course is, and every lesson with its summary and verification status.
struct IndexPage {
    var lessons: [LessonRendering]
    var isVerified: Bool
    var toc: Page.TableOfContents

    var html: String {
        var body = """
            <header class="course-header"><p class="eyebrow">ReplicaLab course</p><h1>\(HTML.escape(SiteRenderer.courseTitle))</h1>
            <p class="lede">How Apache Kafka places, replicates and commits data. Every table on these pages was computed by a
            simulated Kafka cluster, and every claim was checked when the site was built.</p>
            <p class="course-mark">\(VerifiedMark(verified: isVerified, expectations: lessons.reduce(0) { $0 + $1.expectationCount }, scenarios: lessons.reduce(0) { $0 + $1.scenarioCount }).html)</p>
            </header>
            <h2 id="lessons">Lessons</h2>
            <ol class="lesson-list">

            """
        for lesson in lessons {
            let mark = VerifiedMark(
                verified: lesson.isVerified, expectations: lesson.expectationCount, scenarios: lesson.scenarioCount)
            let summary = lesson.summary.map { "<p class=\"summary\">\(HTML.escape($0))</p>" } ?? ""
            body +=
                "<li><a href=\"\(lesson.pageName)\">\(HTML.escape(lesson.title))</a> \(mark.html)\(summary)</li>\n"
        }
        body += "</ol>\n"
        return Page(
            title: SiteRenderer.courseTitle, body: body, toc: toc, current: nil,
            footer: Page.footer(lessons: lessons, lesson: nil)
        ).html
    }
}
