import Course
import CourseSite
import Testing

/// A `versions=` scenario's page shows the steps that differ on the two releases in two columns.
struct VersionComparisonHTMLTests {
    @Test func differingStepsAreTwoColumns() throws {
        let lesson = """
            # Versions

            ```scenario min-isr versions=3.6,4.1
            cluster brokers=3
            topic t partitions=1 replication-factor=3 min.insync.replicas=2
            crash 2
            advance 10s
            crash 1
            advance 10s
            expect isr t-0 == 0
            ```

            """
        let course = CourseVerifier.verify([LessonFile(path: "Lessons/01-v.md", bytes: Array(lesson.utf8))])
        #expect(course.isVerified, "\(course.diagnostics)")
        let files = SiteRenderer.render(course)
        let page = try #require(files.first { $0.path == "01-v.html" }?.contents)
        let section = try #require(page.split(separator: "<details class=\"versions\" open>").dropFirst().first)
        #expect(section.hasPrefix("<summary>Kafka 3.6 and Kafka 4.1: 1 of 7 steps differ</summary>"))
        #expect(section.contains("<caption><code>$ advance 10s</code> (line 9)</caption>"))
        #expect(section.contains("<th scope=\"col\">Kafka 3.6</th><th scope=\"col\">Kafka 4.1</th>"))
        #expect(section.contains("[19s] t-0: Isr: 0, Elr: 1"))
        let css = try #require(files.first { $0.path.hasSuffix("style.css") }?.contents)
        #expect(css.contains(".versions-step pre {"))
    }
}
