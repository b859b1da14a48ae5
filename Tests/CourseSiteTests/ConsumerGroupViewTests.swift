import Course
import CourseSite
import Testing

/// Steps that change a consumer group show the group as `kafka-consumer-groups.sh --describe` does.
struct ConsumerGroupViewTests {
    @Test func aGroupIsShownAtTheStepsThatChangeIt() throws {
        let lesson = """
            # Groups

            ```scenario g
            cluster brokers=3
            topic t partitions=2 replication-factor=3
            join g member=c1 topics=t
            describe t
            join g member=c2 topics=t
            ```

            """
        let course = CourseVerifier.verify([LessonFile(path: "Lessons/01-g.md", bytes: Array(lesson.utf8))])
        #expect(course.isVerified, "\(course.diagnostics)")
        let page = try #require(SiteRenderer.render(course).first { $0.path == "01-g.html" }?.contents)
        let figures = page.split(separator: "<figure class=\"group\">").dropFirst()
        // Joins change the group (steps 3 and 5); describe (step 4) does not.
        #expect(figures.count == 2)
        #expect(figures.first?.contains("after step 3") == true)
        #expect(figures.last?.contains("after step 5") == true)
        // A table, the partition first (as the row's heading), then who owns it and how far behind it is.
        let first = try #require(figures.first)
        let headings = first.split(separator: "<th scope=\"col\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(
            headings == [
                "PARTITION", "CONSUMER-ID", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CLIENT-ID", "HOST", "GROUP",
            ])
        #expect(first.contains("<tr><th scope=\"row\">t-0</th><td>c1-"))
        #expect(!first.contains("<pre>"))
    }
}
