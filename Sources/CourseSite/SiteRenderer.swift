import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Renders a verified course into the files of a static site: pure strings, no I/O.
public enum SiteRenderer {
    /// The site's files, sorted by path: `index.html`, one page per lesson, `style.css`.
    public static func render(_ course: VerifiedCourse) -> [(path: String, contents: String)] {
        var files: [(String, String)] = [("index.html", indexPage(course)), ("style.css", Stylesheet.css)]
        for (index, lesson) in course.lessons.enumerated() {
            let previous = index > 0 ? course.lessons[index - 1] : nil
            let next = index + 1 < course.lessons.count ? course.lessons[index + 1] : nil
            files.append(
                (pageName(lesson), LessonPage(lesson: lesson, course: course, previous: previous, next: next).html))
        }
        return files.sorted { $0.0 < $1.0 }.map { (path: $0.0, contents: $0.1) }
    }

    /// The file name of a lesson's page: `NN-slug.html`, from the lesson's own file name.
    static func pageName(_ lesson: VerifiedLesson) -> String {
        let number = lesson.lesson.number < 10 ? "0\(lesson.lesson.number)" : "\(lesson.lesson.number)"
        return "\(number)-\(lesson.lesson.slug).html"
    }

    /// The course title shown on every page.
    static let courseTitle = "Kafka Replication, Verified"

    private static func indexPage(_ course: VerifiedCourse) -> String {
        var body = """
            <header class="course-header"><p class="eyebrow">ReplicaLab course</p><h1>\(HTML.escape(courseTitle))</h1>
            <p class="lede">How Apache Kafka places, replicates and commits data — every table on these pages was computed by a
            simulated Kafka cluster and every claim was checked when the site was built.</p></header>
            <nav aria-label="Lessons"><ol class="lesson-list">

            """
        for lesson in course.lessons {
            let mark = VerifiedMark(
                verified: lesson.isVerified, expectations: lesson.expectationCount,
                scenarios: lesson.scenarios.count)
            let summary = lesson.lesson.summary.map { "<p class=\"summary\">\(HTML.escape($0))</p>" } ?? ""
            body +=
                "<li><a href=\"\(pageName(lesson))\">\(HTML.escape(lesson.lesson.title))</a> \(mark.html)\(summary)</li>\n"
        }
        body += "</ol></nav>\n"
        return Page.wrap(title: courseTitle, body: body, course: course)
    }
}

/// The verified badge: a symbol and words, never colour alone.
struct VerifiedMark {
    var verified: Bool
    var expectations: Int
    var scenarios: Int

    var html: String {
        let plural = expectations == 1 ? "" : "s"
        let scenarioWord = scenarios == 1 ? "scenario" : "scenarios"
        if verified {
            return
                "<span class=\"verified\"><span aria-hidden=\"true\">✓</span> verified: \(scenarios) \(scenarioWord), \(expectations) expectation\(plural)</span>"
        }
        return "<span class=\"unverified\"><span aria-hidden=\"true\">✗</span> not verified</span>"
    }
}

/// The page frame every page shares.
enum Page {
    static func wrap(title: String, body: String, course: VerifiedCourse) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <main id="content">
        \(body)</main>
        <footer class="site-footer"><p>Verified by ReplicaLab \(ReplicaLabVersion.current) · engine semantics: \(HTML.escape(ReplicaLabVersion.kafkaSemantics)) · \(course.lessons.count) lessons, \(course.scenarioCount) scenarios, \(course.expectationCount) expectations</p></footer>
        </body>
        </html>

        """
    }
}
