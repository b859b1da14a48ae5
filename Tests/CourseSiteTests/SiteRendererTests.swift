import Course
import Foundation
import LessonMarkdown
import Testing

@testable import CourseSite

/// What holds for every site, beyond the golden pages of the fixture course.
struct SiteRendererTests {
    static func course(_ lessons: [(String, String)]) -> VerifiedCourse {
        CourseVerifier.verify(lessons.map { LessonFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static func site(_ lessons: [(String, String)]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: SiteRenderer.render(course(lessons)).map { ($0.path, $0.contents) })
    }

    static let small = """
        # Small

        ```scenario s
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        crash 0
        advance 10s
        ```

        """

    @Test func aSiteIsAnIndexTheSharedFilesAndOnePagePerLesson() throws {
        #expect(
            try GoldenSiteTests.site().keys.sorted() == [
                "01-placement.html", "02-failures.html", "03-escaping.html", "04-clients.html", "engine.js",
                "get-the-tool.html", "index.html", "play.html", "replicalab.js", "sandbox.css", "sandbox.js",
                "scenarios.js", "search-index.js", "style.css", "toc.js",
            ])
    }

    @Test func scenarioValuesNeverBecomeMarkup() throws {
        let scripts: Set<String> = [
            "toc.js", "search-index.js", "replicalab.js", "sandbox.js", "scenarios.js", "engine.js",
        ]
        for (path, contents) in try GoldenSiteTests.site() where path.hasSuffix(".html") {
            // The only scripts are the site's own files (each loaded after the page), the theme's line that runs
            // before the first paint and the goals of exercises (data, never run).
            let data = contents.components(separatedBy: "<script type=\"application/json\" data-goals>").count - 1
            #expect(data == contents.components(separatedBy: "<section class=\"exercise\"").count - 1, "\(path)")
            #expect(contents.components(separatedBy: "<script>").count - 1 == 1, "\(path)")
            #expect(contents.contains("<script>try{var t=localStorage.getItem(\"replicalab-theme\")"), "\(path)")
            let tags = contents.components(separatedBy: "<script src=").dropFirst()
            #expect(tags.count + data + 1 == contents.components(separatedBy: "<script").count - 1, "\(path)")
            #expect(tags.count >= 2, "\(path)")
            for tag in tags {
                let source = tag.split(separator: "\"").first.map(String.init) ?? ""
                #expect(tag.hasPrefix("\"\(source)\" defer></script>") && scripts.contains(source), "\(path)")
            }
            #expect(!contents.contains("<b>&"), "\(path)")
            #expect(!contents.contains("<i>named"), "\(path)")
        }
        let page = try #require(try GoldenSiteTests.site()["03-escaping.html"])
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;-B0"))
        #expect(page.contains("&lt;i&gt;named&lt;/i&gt;"))
        #expect(page.contains("<title>Escaping &lt;script&gt; — "))
    }

    /// A lesson's page holds no list of the other lessons: the same lesson with the same neighbours gives the same
    /// bytes in a course of 2 lessons and of 40; only `toc.js`, the index and the search index grow.
    @Test func aLessonPageDoesNotGrowWithTheCourse() throws {
        let pair = [("Lessons/01-a.md", Self.small), ("Lessons/02-b.md", Self.small)]
        let many =
            pair
            + (3...40).map {
                (
                    String(format: "Lessons/%02d-more.md", $0),
                    Self.small.replacingOccurrences(of: "# Small", with: "# More \($0)")
                )
            }
        let small = Self.site(pair)
        let large = Self.site(many)
        #expect(small["01-a.html"] == large["01-a.html"])
        #expect(try #require(large["toc.js"]).count > 10 * (try #require(small["toc.js"])).count)
    }

    @Test func pagesAreCompleteDocumentsWithoutExternalResources() throws {
        for (path, contents) in try GoldenSiteTests.site() {
            for marker in ["http://", "https://", "//cdn", "@import"] {
                #expect(!contents.contains(marker), "\(path) contains \(marker)")
            }
            guard path.hasSuffix(".html") else { continue }
            #expect(contents.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(path)")
            #expect(contents.contains("<link rel=\"stylesheet\" href=\"style.css\">"), "\(path)")
            #expect(contents.hasSuffix("</html>\n"), "\(path)")
        }
    }

    @Test func searchFindsTheWordsOfProseAndRawHTMLButNotOfReferences() throws {
        let index = try #require(try GoldenSiteTests.site()["search-index.js"])
        #expect(index.contains("quetzalcoatl"))
        #expect(index.contains("deterministic"))
        // `{{slide/step-2: replicas t-0}}` is filled in with a value; its expression is not a word of the lesson.
        #expect(!index.contains("slide/step-2"))
    }

    @Test func theFormatterEscapesTextAndAttributesAndKeepsTrustedHTML() {
        let node = HTMLNode.element(
            .p, [.class("a\"b<c>&")],
            [.text("<script>&\"x\""), .trusted(TrustedHTML(lessonHTML: "<em>kept</em>"))])
        #expect(
            HTMLFormatter.format(node)
                == "<p class=\"a&quot;b&lt;c&gt;&amp;\">&lt;script&gt;&amp;\"x\"<em>kept</em></p>")
        #expect(HTMLFormatter.format(.element(.input, [.hidden, .id("i")])) == "<input hidden id=\"i\">")
    }

    @Test func aJavaScriptStringEscapesQuotesBackslashesLineEndsAndAngleBrackets() {
        #expect(SearchIndex.string("plain → ✓ é") == "\"plain → ✓ é\"")
        #expect(SearchIndex.string("a\"b\\c") == #""a\"b\\c""#)
        #expect(SearchIndex.string("x\ny\r\tz") == #""x\ny\u000d\u0009z""#)
        #expect(SearchIndex.string("</script>") == #""\u003c/script>""#)
        #expect(SearchIndex.string("a\u{2028}é\u{2029}\u{2027}") == "\"a\\u2028é\\u2029\u{2027}\"")
        #expect(SearchIndex.string("") == "\"\"")
        #expect(SearchIndex.string("\u{E2}") == "\"\u{E2}\"")
    }

    /// A scenario that continues another starts from its final state: its first step tells only what it changed.
    @Test func aContinuedScenarioCountsItsChangesFromWhereTheOtherEnded() throws {
        let lesson = """
            # Continued

            ```scenario first
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            ```

            ```scenario second continues=first
            add-partitions t count=2
            ```

            """
        let course = Self.course([("Lessons/01-c.md", lesson)])
        #expect(course.isVerified, "\(course.diagnostics)")
        let second = try #require(course.lessons.first?.scenarios.last)
        let step = try #require(ScenarioView(second).steps.first)
        #expect(step.changes == ["Added partition P1 to t."])
        // The section's first picture and broker table are shown, as in any scenario.
        #expect(step.diagram != nil && step.state?.brokerTable != nil)
    }

    /// A private-use character typed in prose (an icon-font glyph) once blanked every later `{{…}}` value.
    @Test func aTypedPlaceholderCharacterKeepsEveryValue() throws {
        let lesson = """
            # Glyphs

            ```scenario s
            cluster brokers=3
            topic t partitions=1 replication-factor=3
            ```

            Icon \u{E000} and a stray \u{E001}, then the leader {{leader t-0}} and the replicas {{replicas t-0}}.

            """
        let page = try #require(Self.site([("Lessons/01-glyphs.md", lesson)])["01-glyphs.html"])
        #expect(page.contains("Icon &#xE000; and a stray &#xE001;, then the leader <span class=\"live-value\""))
        #expect(page.contains(">0</span> and the replicas <span"))
        #expect(page.contains(">0,1,2</span>."))
        #expect(!page.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
    }

    /// Element ids are unique on every page: headings never take a scenario's id, an exercise's, their titles', the
    /// page frame's or those the sandbox script gives the editors it adds.
    @Test func elementIDsAreUnique() throws {
        let lesson = """
            # IDs

            ## Scenario s

            ## Search input

            ## Search status

            ## Theme choice

            ## Course contents

            ## Content

            ## Legend

            ## Exercise e

            ## Exercise e title

            ## Sandbox 1

            ## Sandbox 2 hint

            ## Again

            ## Again

            ```scenario s
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            crash 0
            ```

            ```exercise e
            # task
            Commit a record.
            # start
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            # goal
            expect hw t-0 == 1
            # solution
            cluster brokers=1
            topic t partitions=1 replication-factor=1
            produce t value=a
            ```

            """
        let page = try #require(Self.site([("Lessons/01-ids.md", lesson)])["01-ids.html"])
        let ids = page.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count > 10)
        #expect(Set(ids).count == ids.count, "\(ids)")
        // The sandbox script adds `sandbox-1` (and its `-hint`) as the page loads, so the headings keep clear.
        #expect(ids.contains("sandbox-1-2") && ids.contains("sandbox-2-hint-2"), "\(ids)")
    }

    /// Every id the page frame gives a lesson page is reserved, so no heading can take one: a page of one heading
    /// has only the frame's ids (and the heading's).
    @Test func thePageFramesIDsAreAllReserved() throws {
        let page = try #require(Self.site([("Lessons/01-frame.md", "# Frame\n\nText.\n")])["01-frame.html"])
        let ids = page.split(separator: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids.count > 4)
        for id in ids where id != "frame" {
            #expect(Anchor.reserved.contains(id), "the page frame's id '\(id)' is not in Anchor.reserved")
        }
    }
}

/// The page budget is checked while the page is rendered.
struct PageBudgetTests {
    @Test func theRenderingStopsAsThePagePassesItsBudget() throws {
        let course = try GoldenSiteTests.course()
        let lesson = try #require(course.lessons.first { $0.lesson.slug == "failures" })
        let whole = SiteRenderer.renderLesson(lesson)
        #expect(try SiteRenderer.renderLesson(lesson, byteBudget: whole.article.count) == whole)
        let budget = whole.article.count / 3
        #expect(throws: PageTooLarge.self) { try SiteRenderer.renderLesson(lesson, byteBudget: budget) }
        do {
            _ = try SiteRenderer.renderLesson(lesson, byteBudget: budget)
        } catch {
            // It stopped at the first piece (a step at most) past the budget, far from the whole page.
            #expect(error.renderedBytes > budget)
            #expect(error.renderedBytes < whole.article.count / 2)
        }
    }
}
