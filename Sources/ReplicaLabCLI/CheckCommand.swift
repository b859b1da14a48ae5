import ArgumentParser
import Course
import Diagnostics
import Foundation

/// `replicalab check`: verify lessons like a compiler checks code.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify lessons: run every scenario and check its expectations and expected output.",
        discussion: """
            Prints every problem as path:line:col: error: … on standard error (sorted by location; a stale output \
            block comes with a unified diff), then a one-line summary.

            --update rewrites the output blocks of scenarios whose output is stale and adds missing ones; only the \
            bytes inside those blocks change. It never touches a scenario whose expectations fail, and it refuses \
            to run in CI (CI=true) unless --force is given. --review asks about each change. A lesson saved, \
            deleted or renamed while the command runs is left as it is (a note says so): a lesson is replaced only \
            while it still holds the bytes that were verified.

            Examples:
              replicalab check                                   # every lesson in Lessons/
              replicalab check Lessons/01-partitions-and-replicas.md
              replicalab check --update                          # accept the engine's transcripts
              replicalab check --format junit > report.xml       # for CI systems
              replicalab check --format github                   # GitHub Actions annotations

            Exit codes: 0 all verified, 1 a lesson is wrong, 2 bad input or usage.
            """
    )

    @Argument(help: "Lesson files or folders of lessons.")
    var paths: [String] = ["Lessons"]

    @Flag(help: "Rewrite stale output blocks and add missing ones with the engine's transcripts.")
    var update = false

    @Flag(help: "Show each output change and ask whether to accept it (implies --update).")
    var review = false

    @Flag(help: "Allow --update when CI=true.")
    var force = false

    @Flag(help: "Run every scenario twice and report any difference between the runs.")
    var determinism = false

    @Option(help: "Results on standard output: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .human

    @Option(help: "Colour diagnostics: auto, always, never (NO_COLOR is honoured by auto).")
    var color: ColorChoice = .auto

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if (update || review) && ProcessInfo.processInfo.environment["CI"] == "true" && !force {
            throw ValidationError("--update refuses to run in CI (CI=true); pass --force if you really mean it")
        }
        if review && format != .human {
            throw ValidationError("--review is interactive; it cannot be combined with --format \(format.rawValue)")
        }
    }

    @Option(help: "How many lessons to verify at once (default: one per core).")
    var jobs = ParallelMap.defaultJobs

    func run() throws {
        var reading = LessonFiles.read(paths)
        var course = verify(reading)
        if update || review {
            do {
                if try applyUpdates(course) {
                    reading = LessonFiles.read(paths)
                    course = verify(reading)
                }
            } catch let error as CLIError {
                course.diagnostics = (course.diagnostics + [problem(error)]).sorted()
            }
        }
        if determinism {
            do {
                course.diagnostics = (course.diagnostics + (try DeterminismCheck.differences(course, paths: paths)))
                    .sorted()
            } catch let error as CLIError {
                course.diagnostics = (course.diagnostics + [problem(error)]).sorted()
            }
        }
        try emit(course)
        let code = course.diagnostics.exitCode
        if code != 0 { throw ExitCode(code) }
    }

    /// The course verified from what could be read, with a located problem for each file that could not.
    private func verify(_ reading: LessonFiles.Reading) -> VerifiedCourse {
        var course = ParallelVerifier.verify(reading.files, jobs: jobs)
        course.diagnostics = (course.diagnostics + reading.problems).sorted()
        return course
    }

    /// An environment failure as a diagnostic, so every report format (JSON, JUnit, GitHub) carries it and stays
    /// a valid document.
    private func problem(_ error: CLIError) -> Diagnostic {
        .error(error.message, at: SourceLocation(file: error.path ?? paths.first ?? "Lessons", line: 1, column: 1))
    }

    private func emit(_ course: VerifiedCourse) throws {
        switch format {
        case .human: break
        case .json: Terminal.standardOutput.write(.trusted(try JSONReport(course).rendered()))
        case .junit: Terminal.standardOutput.write(.trusted(JUnitReport(course: course).rendered()))
        case .github: Terminal.standardOutput.write(GitHubReport(course: course).rendered())
        }
        report(course, usesColor: color.usesColor(for: .standardError))
    }

    /// Rewrites lessons; true when a lesson changed on disk (by us, or by someone else meanwhile), so the course
    /// must be read and verified again.
    private func applyUpdates(_ course: VerifiedCourse) throws -> Bool {
        var mustReread = false
        let reviewer = review ? Reviewer(usesColor: color.usesColor(for: .standardOutput)) : nil
        for lesson in course.lessons {
            let result = OutputUpdater.update(lesson) { change in reviewer?.ask(change) ?? true }
            for skipped in result.skipped {
                Terminal.standardError.write("\(skipped.location): note: not updated: \(skipped.reason)\n")
            }
            guard !result.changes.isEmpty, result.bytes != lesson.lesson.source else { continue }
            // Verify-before-replace: the lesson must still hold the bytes that were verified; an edit saved during
            // the run (or a file deleted or renamed) is never overwritten.
            let outcome = try FileWriter.replace(
                lesson.lesson.path, with: result.bytes, expecting: lesson.lesson.source, links: .resolve, durable: true)
            mustReread = true
            if case .skipped(let reason) = outcome {
                Terminal.standardError.write(
                    "\(lesson.lesson.path):1:1: note: not updated: \(reason); run 'replicalab check --update' again\n")
                continue
            }
            for change in result.changes {
                let name = change.scenario.map { " of scenario '\($0)'" } ?? ""
                Terminal.standardError.write("\(change.location): updated: \(change.kind.rawValue) output\(name)\n")
            }
        }
        return mustReread
    }
}

/// Prints a course's diagnostics and summary on standard error.
func report(_ course: VerifiedCourse, usesColor: Bool) {
    let printer = DiagnosticPrinter(usesColor: usesColor)
    Terminal.standardError.write(printer.text(course.diagnostics))
    Terminal.standardError.write("\(course.summary)\n")
}
