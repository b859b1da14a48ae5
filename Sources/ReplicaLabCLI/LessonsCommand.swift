import ArgumentParser
import Course
import Diagnostics
import LessonMarkdown

/// `replicalab lessons`: what there is to run.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons and their scenarios, so you know what to run.",
        discussion: """
            Examples:
              replicalab lessons
              replicalab run Lessons/01-partitions-and-replicas.md --scenario kafka-placement
            """
    )

    @Argument(help: "A folder of lessons.")
    var folder = "Lessons"

    func run() throws {
        let reading = LessonFiles.read([folder])
        var out = ConsoleText()
        var problems = reading.problems.count
        for file in reading.files {
            let (lesson, diagnostics) = LessonParser.parse(file.bytes, path: file.path)
            guard let lesson else {
                problems += diagnostics.count
                continue
            }
            out += "\(lesson.number < 10 ? "0" : "")\(lesson.number)  \(lesson.title)\n    \(lesson.path)\n"
            for (index, scenario) in lesson.scenarios.enumerated() {
                let name = ConsoleText.text(scenario.name ?? "(unnamed #\(index + 1))")
                let padding = ConsoleText.trusted(String(repeating: " ", count: max(0, 24 - name.width)))
                let steps = scenario.block.lines.filter {
                    let trimmed = $0.drop { $0 == " " || $0 == "\t" }
                    return !trimmed.isEmpty && !trimmed.hasPrefix("#")
                }.count
                out +=
                    "    - \(name)\(padding) line \(scenario.block.location.line), \(steps) line\(steps == 1 ? "" : "s")\n"
            }
        }
        Terminal.standardOutput.write(out)
        if problems > 0 {
            Terminal.standardError.write("some lessons could not be read; run 'replicalab check' for details\n")
            throw ExitCode(2)
        }
    }
}
