import Course
import Foundation
import Testing

@testable import ReplicaLabCLI

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The machine-readable reports of `check`.
struct ReportTests {
    private let course = CourseVerifier.verify([
        LessonFile(
            path: "Lessons/01-one.md",
            bytes: Array(
                """
                # One

                ```scenario good
                cluster brokers=3
                topic t partitions=1 replication-factor=3
                expect leader t-0 == 0
                ```

                ```scenario "bad"<one>
                cluster brokers=3
                topic t partitions=1 replication-factor=3
                expect leader t-0 == 2
                ```

                """.utf8)),
        LessonFile(path: "Lessons/02-broken.md", bytes: Array("no title here\n".utf8)),
    ])

    @Test func junitIsWellFormedXMLNamingEveryScenario() throws {
        let xml = JUnitReport(course: course).rendered()
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "JUnit output must be well-formed XML")
        #expect(xml.contains("name=\"good (line 3)\""))
        #expect(xml.contains("name=\"&quot;bad&quot;&lt;one&gt; (line 9)\""))
        #expect(xml.contains("<testsuite name=\"Lessons/02-broken.md\""))
        #expect(xml.contains("failures=\"2\""))
    }

    @Test func githubAnnotationsCarryFileLineAndColumn() {
        let lines = GitHubReport(course: course).rendered().rendered.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("::error file=Lessons/01-one.md,line=12,col=22,") })
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") })
    }

    @Test func jsonHasLessonsScenariosStepsAndLocatedDiagnostics() throws {
        let text = try JSONReport(course).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["verified"] as? Bool == false)
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        let scenarios = try #require(lessons.first?["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        #expect((scenarios[0]["steps"] as? [Any])?.count == 3)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let location = try #require(diagnostics.first?["location"] as? [String: Any])
        #expect(location["line"] as? Int == 12)
        #expect(location["column"] as? Int == 22)
        #expect(try JSONReport(course).rendered() == text)
    }
}
