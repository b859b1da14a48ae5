/// The course index: title, what the course is, and every lesson with its summary and verification status. It is
/// also the course's contents for readers without scripts.
struct IndexPage {
    var lessons: [LessonRendering]
    var isVerified: Bool

    var html: String {
        let mark = VerifiedMark(
            verified: isVerified, expectations: lessons.reduce(0) { $0 + $1.expectationCount },
            scenarios: lessons.reduce(0) { $0 + $1.scenarioCount })
        let header = HTMLNode.element(
            .header, [.class("course-header")],
            [
                .element(.p, [.class("eyebrow")], text: "ReplicaLab course"),
                .element(.h1, text: SiteRenderer.courseTitle), .newline,
                .element(
                    .p, [.class("lede")],
                    text:
                        "How Apache Kafka places, replicates and commits data. Every table and diagram on these pages "
                        + "was computed by a simulated Kafka cluster, and every claim was checked when the site was built."
                ),
                .newline,
                .element(.p, [.class("course-mark")], [mark.node]),
            ])
        let items = lessons.map { lesson -> HTMLNode in
            let mark = VerifiedMark(
                verified: lesson.isVerified, expectations: lesson.expectationCount, scenarios: lesson.scenarioCount)
            var children: [HTMLNode] = [
                .element(.a, [.href(lesson.pageName)], text: lesson.title), .text(" "), mark.node,
            ]
            if let summary = lesson.summary { children.append(.element(.p, [.class("summary")], text: summary)) }
            return .element(.li, [], children)
        }
        let body = HTMLNode.group([
            header, .newline, .element(.h2, [.id("lessons")], text: "Lessons"), .newline,
            .element(.ol, [.class("lesson-list")], [.newline] + items.flatMap { [$0, HTMLNode.newline] }), .newline,
        ])
        return Page(
            title: SiteRenderer.courseTitle, body: body, footer: Page.footer(lessons: lessons, lesson: nil)
        ).html
    }
}
