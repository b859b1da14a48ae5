import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// One lesson's page: its prose, and in place of each scenario block the verified scenario.
struct LessonPage {
    var lesson: VerifiedLesson
    var course: VerifiedCourse
    var previous: VerifiedLesson?
    var next: VerifiedLesson?

    var html: String {
        var body =
            "<nav class=\"crumbs\" aria-label=\"Course\"><a href=\"index.html\">Course index</a></nav>\n<article>\n"
        var usedIDs: Set<String> = []
        var scenarioNumber = 0
        for part in lesson.lesson.parts {
            switch part {
            case .heading(let heading):
                var id = HTML.slug(heading.text)
                var suffix = 2
                while usedIDs.contains(id) {
                    id = "\(HTML.slug(heading.text))-\(suffix)"
                    suffix += 1
                }
                usedIDs.insert(id)
                body += "<h\(heading.level) id=\"\(id)\">\(heading.html)</h\(heading.level)>\n"
                if heading.level == 1 {
                    body +=
                        "<p class=\"lesson-mark\">\(VerifiedMark(verified: lesson.isVerified, expectations: lesson.expectationCount, scenarios: lesson.scenarios.count).html)</p>\n"
                }
            case .prose(let html):
                body += html
            case .scenario(let block):
                scenarioNumber += 1
                if let scenario = lesson.scenario(for: block) {
                    body += ScenarioSection(scenario: scenario, number: scenarioNumber).html
                }
            }
        }
        body += "</article>\n<nav class=\"pager\" aria-label=\"Lessons\">"
        if let previous {
            body +=
                "<a rel=\"prev\" href=\"\(SiteRenderer.pageName(previous))\">← \(HTML.escape(previous.lesson.title))</a>"
        }
        if let next {
            body += "<a rel=\"next\" href=\"\(SiteRenderer.pageName(next))\">\(HTML.escape(next.lesson.title)) →</a>"
        }
        body += "</nav>\n"
        return Page.wrap(title: "\(lesson.lesson.title) — \(SiteRenderer.courseTitle)", body: body, course: course)
    }
}

/// A verified scenario: source with line numbers, transcript, and the broker table of its final state.
struct ScenarioSection {
    var scenario: VerifiedScenario
    var number: Int

    var html: String {
        let name = scenario.block.name ?? "scenario-\(number)"
        let id = "scenario-\(HTML.slug(name))"
        let mark = VerifiedMark(
            verified: scenario.isVerified, expectations: scenario.transcript.expectationCount, scenarios: 1)
        var out = "<section class=\"scenario\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        out +=
            "<h3 class=\"scenario-title\" id=\"\(id)-title\">Scenario <code>\(HTML.escape(name))</code> \(mark.html)</h3>\n"
        out += "<div class=\"scenario-grid\">\n<figure class=\"source\"><figcaption>Scenario</figcaption><pre><code>"
        for (index, line) in scenario.block.block.lines.enumerated() {
            out += "<span class=\"ln\" aria-hidden=\"true\">\(index + 1)</span>\(HTML.escape(line))\n"
        }
        out += "</code></pre></figure>\n"
        out += "<figure class=\"transcript\"><figcaption>Transcript</figcaption><pre><code>"
        for line in scenario.transcript.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("$ ") {
                out += "<span class=\"cmd\">\(HTML.escape(String(line)))</span>\n"
            } else {
                out += HTML.escape(String(line)) + "\n"
            }
        }
        out += "</code></pre></figure>\n</div>\n"
        if let cluster = scenario.transcript.steps.last?.cluster, !cluster.topics.isEmpty {
            out +=
                BrokerTableHTML(table: BrokerTable(cluster: cluster), caption: "Brokers after the last step of \(name)")
                .html
        }
        out += "</section>\n"
        return out
    }
}

/// The course's broker table as an accessible HTML table.
struct BrokerTableHTML {
    var table: BrokerTable
    var caption: String

    var html: String {
        var out =
            "<div class=\"table-wrap\"><table class=\"broker-table\">\n<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        for heading in table.headings { out += "<th scope=\"col\">\(HTML.escape(heading))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr><th scope=\"row\">\(HTML.escape(row.broker.label))</th>"
            out += cell(row.leaders, leader: true)
            for follower in row.followers { out += cell(follower, leader: false) }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }

    private func cell(_ labels: [String], leader: Bool) -> String {
        if labels.isEmpty { return "<td class=\"empty\"><span class=\"visually-hidden\">none</span></td>" }
        let chips = labels.map { "<span class=\"chip\(leader ? " leader" : "")\">\(HTML.escape($0))</span>" }
        return "<td>\(chips.joined(separator: " "))</td>"
    }
}
