import ArgumentParser
import Course
import Diagnostics

/// `replicalab check`: verify lessons like a compiler checks code.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify lessons: run every scenario and check its expectations and expected output.",
        discussion: """
            Prints every problem as path:line:col: error: … on standard error, then a one-line summary.

            Examples:
              replicalab check                       # every lesson in Lessons/
              replicalab check Lessons/01-partitions-and-replicas.md

            Exit codes: 0 all verified, 1 a lesson is wrong, 2 bad input or usage.
            """
    )

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["Lessons"]

    func run() throws {
        let course = CourseVerifier.verify(try LessonFiles.read(paths))
        report(course)
        let code = course.diagnostics.exitCode
        if code != 0 { throw ExitCode(code) }
    }
}

/// Prints a course's diagnostics and summary on standard error.
func report(_ course: VerifiedCourse) {
    let printer = DiagnosticPrinter(usesColor: Terminal.standardError.usesColor)
    Terminal.standardError.write(printer.render(course.diagnostics))
    Terminal.standardError.write(course.summary + "\n")
}
