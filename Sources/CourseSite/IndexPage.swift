import Course

/// The course index: title, what the course is, and every lesson with its summary and verification status.
struct IndexPage {
    var course: VerifiedCourse

    var html: String {
        var body = """
            <header class="course-header"><p class="eyebrow">ReplicaLab course</p><h1>\(HTML.escape(SiteRenderer.courseTitle))</h1>
            <p class="lede">How Apache Kafka places, replicates and commits data. Every table on these pages was computed by a
            simulated Kafka cluster, and every claim was checked when the site was built.</p>
            <p class="course-mark">\(VerifiedMark(verified: course.isVerified, expectations: course.expectationCount, scenarios: course.scenarioCount).html)</p>
            </header>
            <h2 id="lessons">Lessons</h2>
            <ol class="lesson-list">

            """
        for lesson in course.lessons {
            let mark = VerifiedMark(
                verified: lesson.isVerified, expectations: lesson.expectationCount, scenarios: lesson.scenarios.count)
            let summary = lesson.lesson.summary.map { "<p class=\"summary\">\(HTML.escape($0))</p>" } ?? ""
            body +=
                "<li><a href=\"\(SiteRenderer.pageName(lesson))\">\(HTML.escape(lesson.lesson.title))</a> \(mark.html)\(summary)</li>\n"
        }
        body += "</ol>\n"
        return Page(
            title: SiteRenderer.courseTitle, body: body, course: course, current: nil,
            footer: Page.footer(course: course, lesson: nil)
        ).html
    }
}
