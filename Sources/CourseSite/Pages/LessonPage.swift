import Course
import LessonMarkdown

/// One lesson's page: its parts in order (headings with anchors, prose with verified values, questions, and in place
/// of each scenario block its verified timeline), then the pager.
struct LessonPage {
    var lesson: LessonRendering
    var previous: LessonRendering?
    var next: LessonRendering?
    var lessons: [LessonRendering]

    /// The page's article: the lesson's verified parts, walked once, formatted piece by piece; `check` sees the
    /// article's size after every piece (see `ArticleWriter`).
    static func article<Failure: Error>(
        _ lesson: VerifiedLesson, checking check: @escaping (Int) throws(Failure) -> Void
    ) throws(Failure) -> [UInt8] {
        var writer = ArticleWriter(checking: check)
        // What the sandboxes need to run the page's scenarios as the CLI would: the lesson's number, seed and Kafka.
        writer.start(
            .article,
            [
                .init("data-lesson", LessonRendering.number(lesson.lesson.number)),
                .init("data-seed", String(lesson.seed)),
                .init("data-kafka", lesson.kafka.text),
            ])
        try writer.write(.newline)
        var hasLegend = false
        var scenarioNumber = 0
        for part in lesson.parts {
            switch part {
            case .heading(let heading):
                var content: [HTMLNode] = [.trusted(TrustedHTML(lessonHTML: heading.html))]
                if heading.level > 1 {
                    content += [
                        .text(" "),
                        .element(
                            .a,
                            [.class("anchor"), .href("#" + heading.anchor), .ariaLabel("Link to this section")],
                            text: "#"),
                    ]
                }
                var nodes: [HTMLNode] = [.element(.heading(heading.level), [.id(heading.anchor)], content), .newline]
                // A page without scenarios (a glossary) has nothing verified to show.
                if heading.level == 1, !lesson.scenarios.isEmpty {
                    let mark = VerifiedMark(
                        verified: lesson.isVerified, expectations: lesson.expectationCount,
                        scenarios: lesson.scenarios.count)
                    nodes += [.element(.p, [.class("lesson-mark")], [mark.node]), .newline]
                }
                try writer.write(.group(nodes))
            case .prose(let prose):
                try writer.write(.group(Self.nodes(of: prose)))
            case .question(let question):
                try writer.write(.group([QuestionHTML.node(question), .newline]))
            case .exercise(let exercise):
                try writer.write(
                    .group([ExerciseHTML.node(exercise, lesson: lesson.lesson, seed: lesson.seed), .newline]))
            case .scenario(let scenario):
                // The page's one legend, just before the first scenario: the marks of every table below.
                if !hasLegend { try writer.write(.group([Legend.node, .newline])) }
                hasLegend = true
                scenarioNumber += 1
                var view = ScenarioView(scenario)
                view.reference = scenario.block.name ?? String(scenarioNumber)
                view.continues = scenario.block.continues.flatMap { name in
                    lesson.lesson.scenarios.first { $0.name == name }?.anchor
                }
                try ScenarioHTML.write(view, into: &writer)
                try writer.write(.newline)
            }
        }
        try writer.finishPictures()
        writer.end(.article)
        return writer.html.takeBytes()
    }

    /// The page's UTF-8 bytes.
    var bytes: [UInt8] {
        let page = self.page
        return page.openingBytes + lesson.article + page.closingBytes
    }

    /// The page around the article: its opening depends on the lesson alone, its closing (the pager) also on the
    /// lessons before and after it.
    var page: Page {
        var pager: [HTMLNode] = []
        if let previous {
            pager.append(.element(.a, [.init("rel", "prev"), .href(previous.pageName)], text: "← \(previous.title)"))
        } else {
            pager.append(.element(.a, [.init("rel", "prev"), .href("index.html")], text: "← Course index"))
        }
        if let next {
            pager.append(.element(.a, [.init("rel", "next"), .href(next.pageName)], text: "\(next.title) →"))
        }
        let body: [HTMLNode] = [
            .newline, .element(.nav, [.class("pager"), .ariaLabel("Previous and next lesson")], pager), .newline,
        ]
        return Page(
            title: "\(lesson.title) — \(SiteRenderer.courseTitle)", body: body,
            footer: Page.footer(lessons: lessons, lesson: lesson), hasSandbox: lesson.hasSandboxes)
    }

    /// A prose block: cmark's HTML, and each verified value as a marked span.
    static func nodes(of prose: VerifiedProse) -> [HTMLNode] {
        prose.pieces.map { piece -> HTMLNode in
            switch piece {
            case .html(let html): .trusted(TrustedHTML(lessonHTML: html))
            case .value(let value, _):
                .element(
                    .span,
                    [.class("live-value"), .init("title", "computed by the engine when this page was verified")],
                    text: value)
            }
        }
    }
}
