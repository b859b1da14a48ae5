import Course
import Diagnostics

/// The `--format junit` document: one `<testsuite>` per lesson, one `<testcase>` per scenario, failures with their
/// diagnostics; one `<testcase>` per exercise too. Lesson-level problems (a lesson that could not be parsed) are a testcase named `lesson`.
struct JUnitReport {
    var course: VerifiedCourse

    func rendered() -> String {
        var suites: [(name: String, cases: [(name: String, failures: [Diagnostic])])] = []
        var paths = Set<String>()
        for lesson in course.lessons {
            paths.insert(lesson.lesson.path)
            var cases: [(String, [Diagnostic])] = []
            let inScenarios = Set(lesson.scenarios.flatMap(\.diagnostics) + lesson.exercises.flatMap(\.diagnostics))
            let lessonLevel = course.diagnostics.filter {
                $0.location.file == lesson.lesson.path && !inScenarios.contains($0) && $0.severity == .error
            }
            if !lessonLevel.isEmpty { cases.append(("lesson", lessonLevel)) }
            for (index, scenario) in lesson.scenarios.enumerated() {
                let name = scenario.block.name ?? "scenario \(index + 1)"
                cases.append(
                    (
                        "\(name) (line \(scenario.block.block.location.line))",
                        scenario.diagnostics.filter { $0.severity == .error }
                    ))
            }
            for (index, exercise) in lesson.exercises.enumerated() {
                let name = "exercise " + (exercise.exercise.name ?? "\(index + 1)")
                cases.append(
                    (
                        "\(name) (line \(exercise.exercise.block.location.line))",
                        exercise.diagnostics.filter { $0.severity == .error }
                    ))
            }
            suites.append((lesson.lesson.path, cases))
        }
        // Files that did not even parse into a lesson.
        let unparsed = Dictionary(grouping: course.diagnostics.filter { !paths.contains($0.location.file) }) {
            $0.location.file
        }
        for file in unparsed.keys.sorted() {
            suites.append((file, [("lesson", unparsed[file]!.filter { $0.severity == .error })]))
        }
        let total = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { !$0.failures.isEmpty }.count }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"replicalab check\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\">\n"
        let printer = DiagnosticPrinter(usesColor: false)
        for suite in suites {
            let suiteFailures = suite.cases.filter { !$0.failures.isEmpty }.count
            xml +=
                "  <testsuite name=\"\(escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\" errors=\"0\">\n"
            for testCase in suite.cases {
                let open = "    <testcase classname=\"\(escape(suite.name))\" name=\"\(escape(testCase.name))\""
                if testCase.failures.isEmpty {
                    xml += open + "/>\n"
                    continue
                }
                xml += open + ">\n"
                let message = testCase.failures.map { "\($0.location): \($0.message)" }.joined(separator: "; ")
                xml += "      <failure message=\"\(escape(message))\" type=\"\(testCase.failures[0].kind.rawValue)\">"
                xml += escape(printer.text(testCase.failures).rendered)
                xml += "</failure>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// XML escaping for attribute values and text; characters XML 1.0 forbids are replaced, and those a terminal or
    /// CI log would act on (C1 controls, bidirectional overrides, the `#` of `##[`) are written as references.
    private func escape(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if LogSafety.mustEscape(scalars, at: index) {
                out += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
                continue
            }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
