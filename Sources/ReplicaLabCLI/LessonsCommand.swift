import ArgumentParser
import Course
import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// `replicalab lessons`: what there is to run, and how to run it.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons, their scenarios and exercises, so you know what to run.",
        discussion: """
            The lessons are those of a Lessons folder in the current folder when there is one (or of --lessons \
            DIR), else the course built into replicalab, so the binary alone has the whole course. The first line \
            says which.

            Examples:
              replicalab lessons
              replicalab run 01#kafka-placement --step
              replicalab play --from 03#stalled-follower/step-2
            """
    )

    @Argument(help: ArgumentHelp("A folder of lessons (the same as --lessons).", valueName: "folder"))
    var folder: String?

    @OptionGroup var course: LessonSourceOptions

    func run() throws {
        if folder != nil, course.folder != nil || course.builtIn {
            throw CLIError("give the lessons folder once: as an argument or with --lessons")
        }
        let source = try LessonSource.choose(folder: folder ?? course.folder, builtIn: course.builtIn)
        let style = TerminalStyle.standardOutput(plain: true)
        let reading = source.read()
        // The folder's name and the lessons' titles and scenario names are outside text.
        var out: ConsoleText = "Lessons: \(source.name) (\(source.alternative))\n"
        var problems = reading.problems.count
        var example: (lesson: String, scenario: String)?
        var practice: String?
        for file in reading.files {
            let (lesson, diagnostics) = LessonParser.parse(file.bytes, path: file.path)
            guard let lesson else {
                problems += diagnostics.count
                continue
            }
            let number = (lesson.number < 10 ? "0" : "") + String(lesson.number)
            out += "\n\(number)  \(lesson.title)\n"
            if case .folder = source { out += "    \(lesson.path)\n" }
            for (index, scenario) in lesson.scenarios.enumerated() {
                let name = scenario.name.map { ConsoleText.text($0) } ?? "(unnamed)"
                if example == nil, let name = scenario.name { example = (number, name) }
                let steps = Self.stepCount(scenario)
                out +=
                    "    \(String(index + 1).padded(to: 3))\(name.padded(to: 28)) \(steps) step\(steps == 1 ? "" : "s")\n"
            }
            for exercise in lesson.exercises {
                let name = exercise.name.map { ConsoleText.text($0) } ?? "(unnamed)"
                if practice == nil, let name = exercise.name { practice = "\(number)#\(name)" }
                out += "    exercise \(name)\n"
            }
        }
        if let example {
            out += """

                Run a lesson with 'replicalab run \(example.lesson)', one scenario with \
                'replicalab run \(example.lesson)#\(example.scenario)' (or #1), add --step to go step by step, or \
                start a sandbox from it with 'replicalab play --from \(example.lesson)#\(example.scenario)'.

                """
        }
        if let practice {
            out += "Practise with an exercise: 'replicalab exercise \(practice)' prints its task and start.\n"
        }
        style.write(out)
        if problems > 0 {
            Terminal.standardError.write("some lessons could not be read; run 'replicalab check' for details\n")
            throw ExitCode(2)
        }
    }

    /// The steps `run --step` shows: the scenario's commands, not its `expect` lines.
    static func stepCount(_ scenario: ScenarioBlock) -> Int {
        let (script, _) = ScenarioParser.parse(scenario.block.text, sourceMap: scenario.block.sourceMap)
        return script.statements.filter { if case .expect = $0.command { false } else { true } }.count
    }
}
