import Course
import Foundation
import ScenarioLanguage
import Testing

@testable import CourseSite

/// What the sandboxes (`sandbox.js`) read from the pages, and the playground's page and list of scenarios.
struct SandboxMarkupTests {
    static let lesson = """
        # Steps

        ```scenario first
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        expect leader t-0 == 0
        # Broker 0 goes.
        crash 0
        advance 10s
        ```

        ```scenario second continues=first
        restart 0
        ```

        ```scenario
        cluster brokers=1
        ```

        """

    static func site() -> [String: String] {
        SiteRendererTests.site([("Lessons/03-steps.md", lesson), ("Lessons/04-none.md", "# None\n\nProse only.\n")])
    }

    /// The playground starts from step n with the lines `play --from` starts from: the scenarios it continues,
    /// whole, then its own lines through step n and the checks right after it (not the comments above step n+1).
    @Test func theScenarioListSaysWhereEveryStepEnds() throws {
        let list = try #require(Self.site()["scenarios.js"])
        #expect(list.hasPrefix("window.REPLICALAB_SCENARIOS=[\n{\"n\":\"03\",\"s\":\"steps\",\"u\":\"03-steps.html\","))
        #expect(list.contains("{\"a\":\"scenario-first\",\"m\":\"first\",\"p\":[],"))
        #expect(list.contains("\"e\":[1,3,5,6]}"))
        #expect(list.contains("{\"a\":\"scenario-second\",\"m\":\"second\",\"p\":[0],\"l\":[\"restart 0\"],\"e\":[1]}"))
        #expect(list.contains("{\"a\":\"scenario-3\",\"m\":null,\"p\":[],\"l\":[\"cluster brokers=1\"],\"e\":[1]}"))
        #expect(
            list.contains(
                "{\"n\":\"04\",\"s\":\"none\",\"u\":\"04-none.html\",\"t\":\"None\",\"seed\":\"1\","
                    + "\"kafka\":\"4.1\",\"c\":[\n]}"))
    }

    /// A lesson's page says how to name its scenarios on the command line and in the playground, which scenario
    /// each continues, and the seed and Kafka they ran with; it loads the sandbox, which a page without scenarios does not.
    @Test func aLessonPageCarriesWhatItsSandboxesNeed() throws {
        let site = Self.site()
        let page = try #require(site["03-steps.html"])
        #expect(page.contains("<article data-lesson=\"03\" data-seed=\"1\" data-kafka=\"4.1\">"))
        #expect(
            page.contains(
                "id=\"scenario-first\" aria-labelledby=\"scenario-first-title\" data-steps=\"4\" data-scenario=\"first\">"
            ))
        #expect(page.contains("data-scenario=\"second\" data-continues=\"scenario-first\">"))
        #expect(page.contains("data-steps=\"1\" data-scenario=\"3\">"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"sandbox.css\">"))
        #expect(page.contains("<script src=\"sandbox.js\" defer></script>"))
        #expect(!page.contains("scenarios.js") && !page.contains("engine.js"))
        for name in ["04-none.html", "index.html"] {
            let other = try #require(site[name])
            #expect(!other.contains("sandbox.js") && !other.contains("sandbox.css"), "\(name)")
        }
    }

    @Test func everyPageLinksToThePlayground() throws {
        for (path, contents) in Self.site() where path.hasSuffix(".html") {
            // In the top bar and in the sidebar.
            #expect(contents.components(separatedBy: "href=\"play.html\">Playground</a>").count == 3, "\(path)")
        }
    }

    /// The playground's help is the command table's, so it lists every command and every kind of expectation.
    @Test func thePlaygroundShowsEveryCommandsHelp() throws {
        let page = try #require(Self.site()["play.html"])
        #expect(page.contains("<div class=\"playground\" data-playground data-seed=\"1\"></div>"))
        #expect(page.contains("<script src=\"engine.js\" defer></script>"))
        #expect(page.contains("<script src=\"scenarios.js\" defer></script>"))
        #expect(page.contains("<script src=\"sandbox.js\" defer></script>"))
        for spec in CommandTable.commands {
            #expect(
                page.contains("<dt><code>\(HTMLFormatter.format(.text(spec.synopsis)))</code></dt>"), "\(spec.name)")
        }
        for kind in ExpectationTable.kinds {
            #expect(
                page.contains("<dt><code>\(HTMLFormatter.format(.text(kind.synopsis)))</code></dt>"), "\(kind.name)")
        }
        #expect(page.contains("<dt><code>let &lt;name&gt; = &lt;query&gt;</code></dt>"))
    }
}
