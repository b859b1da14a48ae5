import Diagnostics
import Testing

@testable import LessonMarkdown

/// Raw HTML in prose: what tables, disclosures and inline markup need is allowed; anything that could run code,
/// load or submit something, restyle the page or pass for the site's own elements is a located error.
struct RawHTMLTests {
    static let path = "Lessons/01-a.md"

    static func parse(_ text: String) -> (Lesson?, [Diagnostic]) {
        let result = LessonParser.parse(Array(text.utf8), path: path)
        return (result.lesson, result.diagnostics)
    }

    /// The errors of a lesson whose line 3 is `html`, as `line:column: message-start`.
    static func errors(_ html: String) -> [Diagnostic] {
        parse("# T\n\n\(html)\n").1.filter { $0.severity == .error }
    }

    @Test(arguments: [
        // (raw HTML on line 3, column of the error, start of the message)
        ("<script>alert(1)</script>", 1, "raw HTML element <script> is not allowed"),
        ("<p>x <script>alert(1)</script></p>", 6, "raw HTML element <script> is not allowed"),
        ("<img src=x onerror=alert(1)>", 12, "attribute 'onerror' is not allowed on <img>"),
        ("<div><img/onerror=alert(1) src=x></div>", 11, "attribute 'onerror' is not allowed on <img>"),
        ("<a href=\"javascript:alert(1)\">x</a>", 4, "href=\"javascript:alert(1)\": the 'javascript:' scheme"),
        ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", 4, "href=\"JaVaScRiPt:alert(1)\": the 'JaVaScRiPt:' scheme"),
        ("<a href=\"jav&#x61;script:alert(1)\">x</a>", 4, "href=\"jav&#x61;script:alert(1)\": the 'javascript:'"),
        ("<a href=\"jav&#9;ascript:alert(1)\">x</a>", 4, "href=\"jav&#9;ascript:alert(1)\": the 'javascript:'"),
        ("<a href=\"javascript&colon;alert(1)\">x</a>", 4, "href=\"javascript&colon;alert(1)\": the 'javascript:'"),
        ("<a href=\" data:text/html,x\">x</a>", 4, "href=\" data:text/html,x\": the 'data:' scheme"),
        ("<a href=\"javascript&colo;alert(1)\">x</a>", 4, "href=\"javascript&colo;alert(1)\": a character reference"),
        ("<img src=\"data:image/svg+xml,x\">", 6, "src=\"data:image/svg+xml,x\": the 'data:' scheme"),
        ("<img src=\"mailto:a@b\">", 6, "src=\"mailto:a@b\": the 'mailto:' scheme"),
        ("<meta http-equiv=refresh content=\"0;url=https://x\">", 1, "raw HTML element <meta> is not allowed"),
        ("<iframe src=\"https://x\"></iframe>", 1, "raw HTML element <iframe> is not allowed"),
        ("<style>body{display:none}</style>", 1, "raw HTML element <style> is not allowed"),
        ("<form action=\"https://x\"><input></form>", 1, "raw HTML element <form> is not allowed"),
        ("<svg><script>alert(1)</script></svg>", 1, "raw HTML element <svg> is not allowed"),
        ("<div style=\"position:fixed\">x</div>", 6, "attribute 'style' is not allowed on <div>"),
        ("<span class=\"verified\">✓ verified</span>", 7, "attribute 'class' is not allowed on <span>"),
        ("<h2 id=\"course-contents\">x</h2>", 1, "raw HTML element <h2> is not allowed"),
        ("<td id=\"x\">", 5, "attribute 'id' is not allowed on <td>"),
        ("<!DOCTYPE html>", 1, "'<!…>', '<?…>' and '</' without a tag name"),
        ("<?xml version=\"1.0\"?>", 1, "'<!…>', '<?…>' and '</' without a tag name"),
        ("<details><![CDATA[x]]></details>", 10, "'<!…>', '<?…>' and '</' without a tag name"),
        ("<div><img src=\"x", 6, "this HTML tag is not closed with '>'"),
        ("<div>\n<!-- never closed", 1, "this HTML comment is never closed"),
        ("![x](javascript:alert(1))", 1, "image 'javascript:alert(1)': the 'javascript:' scheme"),
    ])
    func disallowedHTMLIsALocatedError(_ html: String, column: Int, message: String) throws {
        let errors = Self.errors(html)
        let error = try #require(errors.first { $0.message.hasPrefix(message) }, "\(html): \(errors.map(\.message))")
        let line = html.hasPrefix("<div>\n") ? 4 : 3
        #expect(error.location == SourceLocation(file: Self.path, line: line, column: column), "\(html)")
        #expect(error.kind == .input)
    }

    @Test(arguments: [
        "<table>\n<thead><tr><th scope=\"col\">a</th><th colspan=\"2\">b</th></tr></thead>\n<tbody><tr><td rowspan=2>1</td></tr></tbody>\n</table>",
        "<details open>\n<summary>Why?</summary>\n\nBecause.\n\n</details>",
        "<p>A <code>min.insync.replicas</code> of <b>2</b>, <em>not</em> <kbd>3</kbd><br>x<sub>1</sub></p>",
        "See <a href=\"06-leader-election.html#a-clean-election\" title=\"lesson 06\">lesson 06</a>.",
        "<a href=\"https://kafka.apache.org/documentation/#replication\">docs</a> <a href=\"mailto:a@b.c\">mail</a>",
        "<img src=\"https://example.com/a.png\" alt=\"a\" width=\"10\"> <img src=\"figures/b.png\" alt=\"\">",
        "<!-- a note for authors -->\n<div lang=\"de\" dir=\"ltr\">Text</div>",
        "Text with a < b and a <-- arrow, and 3 <4.",
    ])
    func allowedHTMLPasses(_ html: String) {
        #expect(Self.errors(html).isEmpty, "\(html): \(Self.errors(html).map(\.message))")
    }

    @Test func aRawLinkIsCheckedLikeAMarkdownLink() throws {
        let (lesson, _) = Self.parse("# T\n\nSee [one](02-b.md) and\n<a href=\"03-c.html#x\">three</a>.\n")
        let links = try #require(lesson).links
        #expect(links.map(\.destination) == ["02-b.md", "03-c.html#x"])
        #expect(links[1].location == SourceLocation(file: Self.path, line: 4, column: 4))
    }

    @Test(arguments: [
        // A scenario directly after an HTML tag, without a blank line: CommonMark keeps reading HTML.
        (
            "<details>\n<summary>x</summary>\n```scenario s\ncluster brokers=3\nexpect leader t-0 == 1\n```\n</details>\n",
            5,
            "this 'scenario' block is inside the raw HTML that starts at line 3"
        ),
        ("<div>\n```scenario s\ncluster brokers=3\n```\n", 4, "this 'scenario' block is inside the raw HTML"),
        // After a stray comment opener everything is a comment.
        (
            "<!-- draft\n\nProse.\n\n```scenario s\ncluster brokers=3\n```\n", 7,
            "this 'scenario' block is hidden by the HTML comment opened at line 3, which is never closed"
        ),
        ("<pre>\n```output\n$ cluster brokers=3\n```\n", 4, "this 'output' block is inside the raw HTML"),
    ])
    func scenariosSwallowedByRawHTMLAreLocatedErrors(_ text: String, line: Int, message: String) throws {
        let (_, diagnostics) = Self.parse("# T\n\n" + text)
        let error = try #require(diagnostics.first { $0.message.hasPrefix(message) }, "\(diagnostics.map(\.message))")
        #expect(error.severity == .error)
        #expect(error.location.line == line)
    }

    @Test func aCommentedOutScenarioIsAWarning() throws {
        let (lesson, diagnostics) = Self.parse("# T\n\n<!--\n```scenario s\ncluster brokers=3\n```\n-->\n")
        #expect(lesson != nil)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 4)
        #expect(warning.message.hasPrefix("this 'scenario' block is inside an HTML comment"))
    }

    @Test func aBlankLineAfterTheTagMakesTheScenarioReal() throws {
        let (lesson, diagnostics) = Self.parse(
            "# T\n\n<details>\n<summary>x</summary>\n\n```scenario s\ncluster brokers=3\n```\n\n</details>\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(try #require(lesson).scenarios.map(\.name) == ["s"])
    }

    @Test(arguments: [
        "Icon \u{E000} here, then {{hw t-0}}.", "`code \u{E000}` then {{hw t-0}}.",
        "<span title=\"\u{E000}\">x</span> then {{hw t-0}}.", "Forged \u{E000}0\u{E001} and {{hw t-0}}.",
        "[l](https://x/\u{E000} \"t\u{E000}\") then {{hw t-0}}.", "&#xE000; and \u{E002}a then {{hw t-0}}.",
    ])
    func typedPlaceholderCharactersCannotBreakOrForgeReferences(_ prose: String) throws {
        let (parsed, _) = Self.parse("# T\n\n\(prose)\n")
        let lesson = try #require(parsed)
        #expect(lesson.references.map(\.expression) == ["hw t-0"])
        guard case .prose(let prose) = try #require(lesson.parts.last) else {
            Issue.record("no prose")
            return
        }
        // The reference is a piece of its own; the typed characters stay in the HTML, as character references.
        #expect(prose.references.map(\.expression) == ["hw t-0"])
        let html = prose.pieces.map { if case .html(let html) = $0 { html } else { "" } }.joined()
        #expect(!html.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) }, "\(html)")
        #expect(html.contains("&#xE00"), "\(html)")
    }
}

/// Anchors: unique on the page, computed once, in linear time.
struct AnchorTests {
    @Test func manyIdenticalHeadingsGetNumberedAnchors() throws {
        let text = "# T\n\n" + String(repeating: "## Same\n\n", count: 50_000)
        let lesson = try #require(LessonParser.parse(Array(text.utf8), path: "Lessons/01-a.md").lesson)
        let anchors = lesson.headingAnchors
        #expect(anchors.count == 50_001)
        #expect(Array(anchors.prefix(4)) == ["t", "same", "same-2", "same-3"])
        #expect(anchors.last == "same-50000")
        #expect(Set(anchors).count == anchors.count)
    }

    @Test func headingsNeverTakeAScenarioOrPageFrameID() throws {
        let text = """
            # T

            ## Scenario s

            ## Scenario s title

            ## Search input

            ## Same-2

            ## Same

            ## Same

            ```scenario s
            cluster brokers=1
            ```

            """
        let lesson = try #require(LessonParser.parse(Array(text.utf8), path: "Lessons/01-a.md").lesson)
        #expect(lesson.scenarioAnchors == ["scenario-s"])
        #expect(
            lesson.headingAnchors == [
                "t", "scenario-s-2", "scenario-s-title-2", "search-input-2", "same-2", "same", "same-3",
            ])
    }
}
