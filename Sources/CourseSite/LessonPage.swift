import Course
import LessonMarkdown

/// One lesson's page: its prose with anchored headings, and in place of each scenario block the verified timeline.
struct LessonPage {
    var lesson: LessonRendering
    var lessons: [LessonRendering]
    var toc: Page.TableOfContents
    var previous: LessonRendering?
    var next: LessonRendering?

    /// The page's article: prose with anchored headings and the scenario timelines (this lesson's part only).
    static func article(_ lesson: VerifiedLesson) -> String {
        var body = "<article>\n"
        var headingAnchors = lesson.lesson.headingAnchors.makeIterator()
        var scenarioAnchors = lesson.lesson.scenarioAnchors.makeIterator()
        var questionNumber = 0
        for part in lesson.lesson.parts {
            switch part {
            case .heading(let heading):
                let id = HTML.escape(headingAnchors.next() ?? Anchor.slug(heading.text))
                let headingHTML = Self.fillReferences(heading.html, values: lesson.referenceValues)
                let link =
                    heading.level == 1
                    ? "" : " <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>"
                body += "<h\(heading.level) id=\"\(id)\">\(headingHTML)\(link)</h\(heading.level)>\n"
                if heading.level == 1 {
                    let mark = VerifiedMark(
                        verified: lesson.isVerified, expectations: lesson.expectationCount,
                        scenarios: lesson.scenarios.count)
                    body += "<p class=\"lesson-mark\">\(mark.html)</p>\n"
                }
            case .prose(let html):
                body += Self.fillReferences(html, values: lesson.referenceValues)
            case .question(let question):
                questionNumber += 1
                body +=
                    QuestionHTML(question: question, answer: lesson.questionAnswers[safe: questionNumber - 1] ?? nil)
                    .html
            case .scenario(let block):
                let anchor = scenarioAnchors.next() ?? "scenario"
                if let scenario = lesson.scenario(for: block) {
                    body += ScenarioSection(scenario: scenario, anchor: anchor).html
                }
            }
        }
        body += "</article>\n"
        return body
    }

    var html: String {
        var body = lesson.article
        body += "<nav class=\"pager\" aria-label=\"Previous and next lesson\">"
        if let previous {
            body +=
                "<a rel=\"prev\" href=\"\(previous.pageName)\">← \(HTML.escape(previous.title))</a>"
        } else {
            body += "<a rel=\"prev\" href=\"index.html\">← Course index</a>"
        }
        if let next {
            body += "<a rel=\"next\" href=\"\(next.pageName)\">\(HTML.escape(next.title)) →</a>"
        }
        body += "</nav>\n"
        return Page(
            title: "\(lesson.title) — \(SiteRenderer.courseTitle)", body: body, toc: toc,
            current: lessons.firstIndex { $0.path == lesson.path },
            footer: Page.footer(lessons: lessons, lesson: lesson)
        ).html
    }

    /// Replaces the placeholders of `{{…}}` references with their verified values.
    static func fillReferences(_ html: String, values: [String]) -> String {
        guard html.unicodeScalars.contains("\u{E000}") else { return html }
        var out = ""
        var scalars = html.unicodeScalars[...]
        while let open = scalars.firstIndex(of: "\u{E000}") {
            out.unicodeScalars.append(contentsOf: scalars[..<open])
            guard let close = scalars[open...].firstIndex(of: "\u{E001}"),
                let index = Int(String(String.UnicodeScalarView(scalars[scalars.index(after: open)..<close])))
            else { break }
            let value = index < values.count ? values[index] : ""
            out +=
                "<span class=\"live-value\" title=\"computed by the engine when this page was verified\">\(HTML.escape(value))</span>"
            scalars = scalars[scalars.index(after: close)...]
        }
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
