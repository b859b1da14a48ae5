import Course
import LessonMarkdown

/// One lesson's page: its parts in order (headings with anchors, prose with verified values, questions, and in place
/// of each scenario block its verified timeline), then the pager.
struct LessonPage {
    var lesson: LessonRendering
    var previous: LessonRendering?
    var next: LessonRendering?
    var lessons: [LessonRendering]

    /// The page's article: the lesson's verified parts, walked once.
    static func article(_ lesson: VerifiedLesson) -> String {
        var nodes: [HTMLNode] = [.newline]
        var hasLegend = false
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
                nodes += [.element(.heading(heading.level), [.id(heading.anchor)], content), .newline]
                if heading.level == 1 {
                    let mark = VerifiedMark(
                        verified: lesson.isVerified, expectations: lesson.expectationCount,
                        scenarios: lesson.scenarios.count)
                    nodes += [.element(.p, [.class("lesson-mark")], [mark.node]), .newline]
                }
            case .prose(let prose):
                nodes += prose.pieces.map { piece in
                    switch piece {
                    case .html(let html): .trusted(TrustedHTML(lessonHTML: html))
                    case .value(let value, _):
                        .element(
                            .span,
                            [
                                .class("live-value"),
                                .init("title", "computed by the engine when this page was verified"),
                            ],
                            text: value)
                    }
                }
            case .question(let question):
                nodes += [QuestionHTML.node(question), .newline]
            case .scenario(let scenario):
                // The page's one legend, just before the first scenario: the marks of every table below.
                if !hasLegend { nodes += [Legend.node, .newline] }
                hasLegend = true
                nodes += [ScenarioHTML.section(ScenarioView(scenario)), .newline]
            }
        }
        return HTMLFormatter.format(.element(.article, [], nodes))
    }

    var html: String {
        var pager: [HTMLNode] = []
        if let previous {
            pager.append(.element(.a, [.init("rel", "prev"), .href(previous.pageName)], text: "← \(previous.title)"))
        } else {
            pager.append(.element(.a, [.init("rel", "prev"), .href("index.html")], text: "← Course index"))
        }
        if let next {
            pager.append(.element(.a, [.init("rel", "next"), .href(next.pageName)], text: "\(next.title) →"))
        }
        let body = HTMLNode.group([
            .trusted(TrustedHTML(renderedArticle: lesson.article)), .newline,
            .element(.nav, [.class("pager"), .ariaLabel("Previous and next lesson")], pager), .newline,
        ])
        return Page(
            title: "\(lesson.title) — \(SiteRenderer.courseTitle)", body: body,
            footer: Page.footer(lessons: lessons, lesson: lesson)
        ).html
    }
}
