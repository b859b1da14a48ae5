import Course
import LessonMarkdown

/// Renders a verified course into the files of a static site: pure strings, no I/O.
///
/// The site works from `file://` and offline: one stylesheet, one small script, the contents and the search index
/// as scripts (not fetched JSON, which browsers refuse on `file://`), no external resource of any kind. A lesson's
/// page does not grow with the course: the list of lessons is in `toc.js`, shared by every page.
public enum SiteRenderer {
    /// The site's files, sorted by path.
    public static func render(_ course: VerifiedCourse) -> [(path: String, contents: String)] {
        render(course.lessons.map(renderLesson), courseIsVerified: course.isVerified)
    }

    /// The part of the site that depends on one lesson only (see `LessonRendering`).
    public static func renderLesson(_ lesson: VerifiedLesson) -> LessonRendering {
        rendering(lesson, article: LessonPage.article(lesson, checking: { _ in }))
    }

    /// The part of the site that depends on one lesson only, or `PageTooLarge` as soon as the page's article passes
    /// `byteBudget` bytes: the rendering stops there, so a page far past its budget never costs more than the
    /// budget to find out.
    public static func renderLesson(_ lesson: VerifiedLesson, byteBudget: Int) throws(PageTooLarge) -> LessonRendering {
        let article = try LessonPage.article(lesson) { (bytes: Int) throws(PageTooLarge) in
            if bytes > byteBudget { throw PageTooLarge(renderedBytes: bytes) }
        }
        return rendering(lesson, article: article)
    }

    private static func rendering(_ lesson: VerifiedLesson, article: [UInt8]) -> LessonRendering {
        var rendering = LessonRendering(
            path: lesson.lesson.path, number: lesson.lesson.number, slug: lesson.lesson.slug,
            title: lesson.lesson.title, summary: lesson.lesson.summary, seed: lesson.seed, kafka: lesson.kafka.text,
            sourceHash: lesson.sourceHash, isVerified: lesson.isVerified, expectationCount: lesson.expectationCount,
            scenarioCount: lesson.scenarios.count, article: article,
            searchPage: SearchIndex.entry(for: lesson), tryIt: ToolPage.tryItCommands(lesson))
        rendering.exerciseCount = lesson.exercises.count
        rendering.scenarioList = ScenarioList.entry(for: lesson)
        rendering.minutes = lesson.lesson.minutes
        return rendering
    }

    /// The site's files from every lesson's rendering, in course order; `courseIsVerified` is the course's mark.
    public static func render(
        _ lessons: [LessonRendering], courseIsVerified: Bool
    ) -> [(path: String, contents: String)] {
        let pages = lessons.indices.map { (path: lessons[$0].pageName, contents: lessonPage($0, of: lessons)) }
        return (sharedFiles(lessons, courseIsVerified: courseIsVerified) + pages).sorted { $0.path < $1.path }
    }

    /// The site's files other than the lesson pages (index, contents, search index, scripts, …), sorted by path,
    /// from every lesson's rendering in course order; `courseIsVerified` is the course's mark.
    public static func sharedFiles(
        _ lessons: [LessonRendering], courseIsVerified: Bool
    ) -> [(path: String, contents: String)] {
        let files: [(path: String, contents: String)] = [
            ("index.html", IndexPage(lessons: lessons, isVerified: courseIsVerified).html),
            (ToolPage.pageName, ToolPage(lessons: lessons).html),
            (SiteFiles.stylesheet, Stylesheet.css + ReadingStyles.css + VersionComparisonHTML.css),
            (SiteFiles.script, Script.javascript + SearchScript.javascript + ReadingScript.javascript),
            (SiteFiles.searchIndex, SearchIndex.javascript(lessons)),
            (SiteFiles.contents, Contents.javascript(lessons)),
            (SiteFiles.sandboxScript, SandboxScript.javascript),
            (SiteFiles.sandboxStylesheet, SandboxStylesheet.css),
            (SiteFiles.scenarios, ScenarioList.javascript(lessons)),
            (SiteFiles.playground, PlaygroundPage(lessons: lessons).html),
            (EngineScript.fileName, EngineScript.javascript),
        ]
        return files.sorted { $0.path < $1.path }
    }

    /// The page of the lesson at `index` of `lessons` (every lesson's rendering, in course order), named
    /// `lessons[index].pageName`. Each page is a function of the renderings alone, so a caller may make the pages on
    /// several threads and write each as soon as it is made.
    public static func lessonPage(_ index: Int, of lessons: [LessonRendering]) -> String {
        String(decoding: lessonPageBytes(index, of: lessons), as: UTF8.self)
    }

    /// The UTF-8 bytes of `lessonPage(index, of: lessons)`.
    public static func lessonPageBytes(_ index: Int, of lessons: [LessonRendering]) -> [UInt8] {
        lessonPage(at: index, of: lessons).bytes
    }

    /// The bytes of a lesson's page before its article, which depend on the lesson alone: the page is these, then
    /// `lesson.article`, then `lessonPageClosing`. A page is the size of its article and is written once, so a
    /// writer writes the parts where they are (and may write the first two as soon as the lesson is rendered)
    /// instead of copying the article into a page first.
    public static func lessonPageOpening(_ lesson: LessonRendering) -> [UInt8] {
        LessonPage(lesson: lesson, previous: nil, next: nil, lessons: []).page.openingBytes
    }

    /// The bytes of `lessonPage(index, of: lessons)` after its article (see `lessonPageOpening`).
    public static func lessonPageClosing(_ index: Int, of lessons: [LessonRendering]) -> [UInt8] {
        lessonPage(at: index, of: lessons).page.closingBytes
    }

    private static func lessonPage(at index: Int, of lessons: [LessonRendering]) -> LessonPage {
        LessonPage(
            lesson: lessons[index], previous: index > 0 ? lessons[index - 1] : nil,
            next: index + 1 < lessons.count ? lessons[index + 1] : nil, lessons: lessons)
    }

    /// What each lesson's page depends on besides the lesson itself: its neighbours, which the pager links to. (The
    /// list of lessons is in `toc.js`, not in the pages.) A lesson page is a function of its lesson's rendering and
    /// this context, so a build may keep a page whose lesson and context did not change.
    public static func pageContexts(_ lessons: [LessonRendering]) -> [String] {
        func neighbour(_ index: Int) -> String {
            lessons.indices.contains(index) ? lessons[index].pageName + "\t" + lessons[index].title : "-"
        }
        return lessons.indices.map { "\(neighbour($0 - 1))\n\(neighbour($0 + 1))" }
    }

    /// The course title shown on every page.
    static let courseTitle = "Kafka Replication, Verified"
}

/// The verified badge: a symbol and words, never colour alone.
struct VerifiedMark: Hashable {
    var verified: Bool
    var expectations: Int
    var scenarios: Int

    var node: HTMLNode {
        guard verified else {
            return .element(
                .span, [.class("unverified")], [.element(.span, [.ariaHidden], text: "✗"), .text(" not verified")])
        }
        let plural = expectations == 1 ? "" : "s"
        let scenarioWord = scenarios == 1 ? "scenario" : "scenarios"
        return .element(
            .span, [.class("verified")],
            [
                .element(.span, [.ariaHidden], text: "✓"),
                .text(" verified: \(scenarios) \(scenarioWord), \(expectations) expectation\(plural)"),
            ])
    }
}
