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
            var children: [HTMLNode] = [.element(.a, [.href(lesson.pageName)], text: lesson.title)]
            if lesson.scenarioCount > 0 { children += [.text(" "), mark.node] }
            if let minutes = lesson.minutes {
                children += [.text(" "), .element(.span, [.class("minutes")], text: "about \(minutes) min")]
            }
            if let summary = lesson.summary { children.append(.element(.p, [.class("summary")], text: summary)) }
            return .element(.li, [], children)
        }
        let body = HTMLNode.group([
            header, .newline, startHere, .element(.h2, [.id("lessons")], text: "Lessons"), .newline,
            .element(.ol, [.class("lesson-list")], [.newline] + items.flatMap { [$0, HTMLNode.newline] }), .newline,
        ])
        return Page(
            title: SiteRenderer.courseTitle, body: [body], footer: Page.footer(lessons: lessons, lesson: nil)
        ).html
    }

    /// Where to start and what to know first: the first lesson, and the course's one prerequisite.
    private var startHere: HTMLNode {
        guard let first = lessons.first else { return .group([]) }
        let total = lessons.compactMap(\.minutes).reduce(0, +)
        var start: [HTMLNode] = [
            .element(.strong, text: "First lesson: "), .element(.a, [.href(first.pageName)], text: first.title),
            .text(". Take the lessons in order; each one builds on the one before."),
        ]
        if total > 0 {
            let length = total < 120 ? "\(total) minutes" : "\((total + 30) / 60) hours"
            start.append(.text(" The whole course takes about \(length)."))
        }
        var before: [HTMLNode] = [
            .element(.strong, text: "Before you start: "),
            .text(
                "know what a Kafka topic, a producer and a consumer are. "
                    + "You need no knowledge of Kafka's internals: the lessons explain every term."),
        ]
        // A lesson named `NN-glossary.md` is the course's glossary: the lessons link their terms to it.
        if let glossary = lessons.first(where: { $0.slug == "glossary" }) {
            before += [
                .text(" Look up any term in the "), .element(.a, [.href(glossary.pageName)], text: "glossary"),
                .text("."),
            ]
        }
        return .group([
            .element(.h2, [.id("start-here")], text: "Start here"), .newline,
            .element(.p, [], start), .newline, .element(.p, [], before), .newline,
        ])
    }
}
