import Course
import CourseSite
import Testing

struct SiteRendererTests {
    static let placement = """
        # Partitions & replicas

        Leaders and followers.

        ```scenario slide
        cluster brokers=6 racks=2
        topic t partitions=10 replication-factor=3 placement=round-robin
        expect replicas t-6 == 0,3,1
        brokers t
        ```

        ```scenario
        cluster brokers=3
        topic u partitions=1 replication-factor=4
        expect error INVALID_REPLICATION_FACTOR
        ```

        """

    static let hostile = """
        # Escaping

        ```scenario <i>named</i>
        broker 0 rack=<script>alert(1)</script>
        broker 1 rack="<b>&\\"quoted\\"</b>"
        topic <script> partitions=1 replication-factor=1
        expect error INVALID_TOPIC_EXCEPTION
        topic ok partitions=2 replication-factor=1
        brokers
        ```

        """

    static func course(_ lessons: [(String, String)]) -> VerifiedCourse {
        CourseVerifier.verify(lessons.map { LessonFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static func site(_ lessons: [(String, String)]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: SiteRenderer.render(course(lessons)).map { ($0.path, $0.contents) })
    }

    static let lessons = [
        ("Lessons/01-partitions.md", placement), ("Lessons/02-escaping.md", hostile),
    ]

    @Test func writesAnIndexAStylesheetAndOnePagePerLesson() {
        let course = Self.course(Self.lessons)
        #expect(course.isVerified, "\(course.diagnostics)")
        #expect(
            SiteRenderer.render(course).map(\.path) == [
                "01-partitions.html", "02-escaping.html", "index.html", "replicalab.js", "search-index.js", "style.css",
            ])
    }

    @Test func indexListsLessonsInOrderWithVerifiedMarks() throws {
        let page = try #require(Self.site(Self.lessons)["index.html"])
        let list = try #require(page.split(separator: "<ol class=\"lesson-list\">").last)
        let index = String(try #require(list.split(separator: "</ol>").first))
        let parts = index.split(separator: "<a href=\"01-partitions.html\">Partitions &amp; replicas</a>")
        #expect(parts.count == 2)
        #expect(parts.last?.contains("<a href=\"02-escaping.html\">Escaping</a>") == true)
        #expect(page.contains("verified: 2 scenarios, 2 expectations"))
        #expect(page.contains("<ol class=\"lesson-list\">"))
        #expect(!index.contains("not verified"))
    }

    @Test func lessonPageHasTheTitleProseMarkAndBrokerTable() throws {
        let page = try #require(Self.site(Self.lessons)["01-partitions.html"])
        #expect(page.contains("Partitions &amp; replicas"))
        #expect(page.contains("<p>Leaders and followers.</p>"))
        #expect(page.contains("verified: 1 scenario, 1 expectation"))
        #expect(page.contains("<table"))
        #expect(page.contains("<th scope=\"col\">Brokers</th><th scope=\"col\">Leaders</th>"))
        #expect(page.contains("<th scope=\"col\">Followers</th>"))
        for label in ["R1-B0", "R2-B3", "R1-B1", "R2-B4", "R1-B2", "R2-B5"] {
            #expect(
                page.contains(
                    "<th scope=\"row\">\(label) <span class=\"state state-up\"><span aria-hidden=\"true\">●</span> up</span></th>"
                ), "\(label)")
        }
        // The scenario's source and transcript are shown in place of the block.
        #expect(page.contains("topic t partitions=10 replication-factor=3 placement=round-robin"))
        #expect(page.contains("Created topic t."))
        #expect(!page.contains("```scenario"))
    }

    @Test func everyScenarioValueIsEscaped() throws {
        let site = Self.site(Self.lessons)
        for (path, contents) in site {
            // The only scripts are the site's own two files.
            #expect(
                contents.split(separator: "<script", omittingEmptySubsequences: false).count - 1
                    == (path.hasSuffix(".html") ? 2 : 0), "\(path)")
            #expect(!contents.contains("<script>"), "\(path)")
            #expect(!contents.contains("<b>&"), "\(path)")
            #expect(!contents.contains("<i>named"), "\(path)")
        }
        let page = try #require(site["02-escaping.html"])
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;-B0"))
        #expect(page.contains("&lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt;-B1"))
        #expect(page.contains("&lt;i&gt;named&lt;/i&gt;"))
        #expect(page.contains("Topic name &quot;&lt;script&gt;&quot; is illegal"))
    }

    @Test func unverifiedLessonsAreMarked() throws {
        let wrong = Self.placement.split(separator: "0,3,1").joined(separator: "0,4,2")
        let site = Self.site([("Lessons/01-partitions.md", wrong)])
        #expect(try #require(site["index.html"]).contains("not verified"))
        #expect(try #require(site["01-partitions.html"]).contains("not verified"))
    }

    @Test func noExternalResources() {
        for (path, contents) in Self.site(Self.lessons) {
            #expect(!contents.contains("http://"), "\(path)")
            #expect(!contents.contains("https://"), "\(path)")
            #expect(!contents.contains("//cdn"), "\(path)")
            #expect(!contents.contains("@import"), "\(path)")
        }
    }

    @Test func pagesAreCompleteHTMLDocumentsLinkingTheStylesheet() throws {
        for (path, contents) in Self.site(Self.lessons) where path.hasSuffix(".html") {
            #expect(contents.hasPrefix("<!DOCTYPE html>") || contents.hasPrefix("<!doctype html>"), "\(path)")
            #expect(contents.contains("href=\"style.css\""), "\(path)")
            #expect(contents.contains("<meta name=\"viewport\""), "\(path)")
            #expect(contents.contains("</html>"), "\(path)")
        }
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

    /// Element ids are unique on every page: headings never take a scenario's id, its title's or the page frame's.
    @Test func elementIDsAreUnique() throws {
        let lesson = """
            # IDs

            ## Scenario s

            ## Search input

            ## Course contents

            ## Again

            ## Again

            ```scenario s
            cluster brokers=1
            ```

            """
        let page = try #require(Self.site([("Lessons/01-ids.md", lesson)])["01-ids.html"])
        let ids = page.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count > 8)
        #expect(Set(ids).count == ids.count, "\(ids)")
    }
}
