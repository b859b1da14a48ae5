import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Renders a verified course into the files of a static site: pure strings, no I/O.
///
/// The site works from `file://` and offline: one stylesheet, one small script, a search index as a script (not
/// fetched JSON, which browsers refuse on `file://`), no external resource of any kind.
public enum SiteRenderer {
    /// The site's files, sorted by path.
    public static func render(_ course: VerifiedCourse) -> [(path: String, contents: String)] {
        render(course.lessons.map(renderLesson), courseIsVerified: course.isVerified)
    }

    /// The part of the site that depends on one lesson only (see `LessonRendering`).
    public static func renderLesson(_ lesson: VerifiedLesson) -> LessonRendering {
        let search = SearchIndex.entry(for: lesson)
        return LessonRendering(
            path: lesson.lesson.path, number: lesson.lesson.number, slug: lesson.lesson.slug,
            title: lesson.lesson.title, summary: lesson.lesson.summary, seed: lesson.seed,
            sourceHash: lesson.sourceHash, isVerified: lesson.isVerified, expectationCount: lesson.expectationCount,
            scenarioCount: lesson.scenarios.count, article: LessonPage.article(lesson), searchPage: search.page,
            searchWords: search.words)
    }

    /// The site's files from every lesson's rendering, in course order; `courseIsVerified` is the course's mark.
    /// Lesson pages whose index is in `skipping` are left out (the caller has them already).
    public static func render(
        _ lessons: [LessonRendering], courseIsVerified: Bool, skipping: Set<Int> = []
    ) -> [(path: String, contents: String)] {
        let toc = Page.tableOfContents(lessons)
        var files: [(String, String)] = [
            ("index.html", IndexPage(lessons: lessons, isVerified: courseIsVerified, toc: toc).html),
            ("style.css", Stylesheet.css),
            ("replicalab.js", Script.javascript),
            ("search-index.js", SearchIndex.javascript(lessons)),
        ]
        for (index, lesson) in lessons.enumerated() where !skipping.contains(index) {
            let page = LessonPage(
                lesson: lesson, lessons: lessons, toc: toc, previous: index > 0 ? lessons[index - 1] : nil,
                next: index + 1 < lessons.count ? lessons[index + 1] : nil)
            files.append((lesson.pageName, page.html))
        }
        return files.sorted { $0.0 < $1.0 }.map { (path: $0.0, contents: $0.1) }
    }

    /// What each lesson's page depends on besides the lesson itself: the table of contents (as a digest), the page's
    /// place in it, and the neighbours the pager links to. A lesson page is a function of its lesson's rendering
    /// and this context, so a build may keep a page whose lesson and context did not change.
    public static func pageContexts(_ lessons: [LessonRendering]) -> [String] {
        let toc = Page.tableOfContents(lessons)
        let digest = SHA256.hex(Array((toc.head + toc.items.joined()).utf8))
        func neighbour(_ index: Int) -> String {
            lessons.indices.contains(index) ? lessons[index].pageName + "\t" + lessons[index].title : "-"
        }
        return lessons.indices.map { "\(digest)\n\($0)\n\(neighbour($0 - 1))\n\(neighbour($0 + 1))" }
    }

    /// The file name of a lesson's page: `NN-slug.html`.
    static func pageName(_ lesson: VerifiedLesson) -> String {
        let number = lesson.lesson.number < 10 ? "0\(lesson.lesson.number)" : "\(lesson.lesson.number)"
        return "\(number)-\(lesson.lesson.slug).html"
    }

    /// The course title shown on every page.
    static let courseTitle = "Kafka Replication, Verified"
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
