import Foundation
import ReplicaLabTestSupport
import Testing

/// What a scenario brings into the site (keys, values, names, outputs, expectations) is escaped; prose is the
/// author's trusted Markdown, but `javascript:` links in it are an error.
struct OutputSafetyTests {
    static let hostile = #"<script>alert(\"x\")</script>"#
    static let breakout = #"\"><img src=x onerror=alert(1)>"#

    static let lesson = """
        # Safety `{{title}}`

        Prose with `{{ template }}` text and `<script>` in code; an unclosed {{ brace stays text.

        ```scenario safe
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        produce t key="\(hostile)" value="\(breakout)"
        produce t value="{{7*7}} javascript:alert(1)"
        topic <b>bad</b> partitions=1 replication-factor=1
        expect error INVALID_TOPIC_EXCEPTION
        ```

        """

    @Test func scenarioValuesRenderInert() throws {
        let workspace = try Workspace(lessons: ["01-safety.md": Self.lesson])
        var result = try workspace.run(["check", "--update"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try workspace.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: workspace.url("Site/01-safety.html"), encoding: .utf8)
        // The scenario's text did reach the page, escaped.
        #expect(page.contains(#"&lt;script&gt;alert(\"x\")&lt;/script&gt;"#))
        #expect(page.contains(#"\"&gt;&lt;img src=x onerror=alert(1)&gt;"#))
        #expect(page.contains("&lt;b&gt;bad&lt;/b&gt;"))
        #expect(page.contains("{{7*7}}"))
        #expect(page.contains("<code>{{ template }}</code>"))
        #expect(page.contains("an unclosed {{ brace stays text"))
        // No element or attribute came from it.
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("<b>bad</b>"))
        #expect(!page.contains("href=\"javascript:"))
        for file in try workspace.contents(of: "Site").keys where file.hasSuffix(".html") {
            let html = try String(contentsOf: workspace.url("Site/\(file)"), encoding: .utf8)
            // Only the site's own scripts, the theme's line that runs before the first paint, and exercises' goals
            // as data.
            for tag in html.components(separatedBy: "<script").dropFirst() {
                let source = tag.split(separator: "\"", maxSplits: 2).dropFirst().first.map(String.init) ?? ""
                let isOwn =
                    tag.hasPrefix(" src=\"\(source)\" defer></script>") && source.hasSuffix(".js")
                    && !source.contains("/") && (try? workspace.contents(of: "Site").keys.contains(source)) == true
                #expect(
                    isOwn || tag.hasPrefix(" type=\"application/json\" data-goals>")
                        || tag.hasPrefix(">try{var t=localStorage.getItem(\"replicalab-theme\")"),
                    "\(file): <script\(tag.prefix(60))")
            }
        }
        let index = try String(contentsOf: workspace.url("Site/search-index.js"), encoding: .utf8)
        #expect(!index.contains("</script"))
        #expect(!index.contains("<img"))
    }

    @Test func javascriptLinksInProseAreAnError() throws {
        let workspace = try Workspace(lessons: [
            "01-safety.md": "# T\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))\n"
        ])
        let result = try workspace.run(["build"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("links may not run scripts ('javascript:alert(1)')"))
        #expect(result.stderr.contains("links may not run scripts ('JaVaScRiPt:alert(1)')"))
    }
}
