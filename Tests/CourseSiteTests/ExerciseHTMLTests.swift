import Course
import Foundation
import LessonMarkdown
import Testing

@testable import CourseSite

/// An exercise on the page: task, start and command readable without scripts; goals as data; solutions hidden.
struct ExerciseHTMLTests {
    static let lesson = """
        # Fencing

        ```exercise fence-it
        # task
        Get broker 2 out of the ISR of `t</script>-0`.
        # start
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        # goal
        # Goal comments stay out of the page's data.
        expect isr t-0 == 0,1
        expect read t-0 == none
        # solution
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        crash 2
        advance 9s
        # solution
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        shutdown 2
        advance 1s
        ```

        """

    static func page() throws -> String {
        let course = SiteRendererTests.course([("Lessons/04-fencing.md", lesson)])
        #expect(course.isVerified, "\(course.diagnostics)")
        return try #require(SiteRenderer.render(course).first { $0.path == "04-fencing.html" }?.contents)
    }

    @Test func theSectionHoldsTaskStartGoalsCommandAndOneHiddenSolution() throws {
        let page = try Self.page()
        #expect(
            page.contains(
                "<section class=\"exercise\" data-exercise=\"fence-it\" id=\"exercise-fence-it\" data-seed=\"1\""))
        #expect(
            page.contains(
                "<div class=\"exercise-task\"><p>Get broker 2 out of the ISR of <code>t&lt;/script&gt;-0</code>.</p>"))
        #expect(
            page.contains(
                "<div class=\"exercise-start\" data-sandbox><p class=\"exercise-label\">Start from this script:</p><pre><code class=\"language-scenario\">cluster brokers=3\ntopic t partitions=1 replication-factor=3\n</code></pre></div>"
            ))
        #expect(
            page.contains(
                "<script type=\"application/json\" data-goals>[\"expect isr t-0 == 0,1\",\"expect read t-0 == none\"]</script>"
            ))
        #expect(page.contains("<code>replicalab exercise 04#fence-it my-answer.scenario</code>"))
        // The first solution, behind a disclosure; the second is not on the page at all.
        #expect(
            page.contains("<details class=\"exercise-solution\"><summary>Show a solution</summary><pre><code>cluster"))
        #expect(page.components(separatedBy: "crash 2").count == 2)
        #expect(!page.contains("shutdown 2"))
    }

    @Test func goalsCannotCloseTheirScriptElement() {
        let goals = """
            expect read t-0 == </script><script>alert(1)</script>
            """
        let json = SearchIndex.string(goals)
        #expect(!json.contains("<"))
        #expect(json.contains("\\u003c/script>"))
    }
}
