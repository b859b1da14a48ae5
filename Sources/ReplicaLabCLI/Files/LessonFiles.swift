import ArgumentParser
import Course
import Diagnostics
import Foundation

/// Reads lessons from disk: the only place lesson files are read.
enum LessonFiles {
    /// The lessons that could be read, and a located problem for each one that could not: one unreadable file does
    /// not stop the others from being checked, and reports (`--format json|junit|github`) show the problem too.
    struct Reading {
        var files: [LessonFile] = []
        var problems: [Diagnostic] = []
    }

    /// Every lesson under `paths`: a directory contributes its `*.md` files (not recursively), a file itself. Files
    /// are read in order until the course's input budget is used up.
    static func read(_ paths: [String]) -> Reading {
        var reading = Reading()
        var total = 0
        func add(_ path: String) -> Bool {
            do {
                let file = try readFile(path)
                total += file.bytes.count
                if total > Budgets.ofThisRun.courseInputBytes {
                    reading.problems.append(Budgets.ofThisRun.courseInputTooLarge(path, total: total))
                    return false
                }
                reading.files.append(file)
            } catch let tooLarge as InputFile.TooLarge {
                reading.problems.append(Budgets.ofThisRun.inputTooLarge(tooLarge.path))
            } catch {
                reading.problems.append(problem(error, path: path))
            }
            return true
        }
        for path in paths {
            guard let status = Posix.status(path) else {
                reading.problems.append(problem(CLIError("cannot read", path, errno: errno), path: path))
                continue
            }
            guard Posix.isDirectory(status) else {
                guard add(path) else { return reading }
                continue
            }
            guard let names = Posix.names(in: path) else {
                reading.problems.append(problem(CLIError("cannot list", path, errno: errno), path: path))
                continue
            }
            let lessons = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            // An empty folder (or a folder where a lesson file was meant) would otherwise "verify" nothing.
            if lessons.isEmpty {
                reading.problems.append(
                    problem(CLIError("no lessons (*.md files) in the folder \(path)", path: path), path: path))
            }
            for name in lessons {
                let file = join(path, name)
                do {
                    try checkStaysInside(path, file)
                } catch {
                    reading.problems.append(problem(error, path: file))
                    continue
                }
                guard add(file) else { return reading }
            }
        }
        return reading
    }

    /// A file that could not be read, as a diagnostic at the file.
    static func problem(_ error: Error, path: String) -> Diagnostic {
        let message = (error as? CLIError)?.message ?? "cannot read \(path): \(SystemError.describe(error))"
        return .error(message, at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// One lesson file (or script): a regular file of at most `Budgets.ofThisRun.lessonInputBytes`.
    static func readFile(_ path: String) throws -> LessonFile {
        LessonFile(path: path, bytes: try InputFile.read(path, limit: Budgets.ofThisRun.lessonInputBytes))
    }

    /// `readFile` for commands that read one file (`run`, `play --from`): a file past the input budget is reported
    /// as its located error and the command exits with 2.
    static func readSingleFile(_ path: String) throws -> LessonFile {
        do {
            return try readFile(path)
        } catch is InputFile.TooLarge {
            throw budgetExit(path)
        }
    }

    /// Prints the input-budget error for `path` and returns the exit (code 2) to throw.
    static func budgetExit(_ path: String) -> ExitCode {
        let printer = DiagnosticPrinter(usesColor: Terminal.standardError.usesColor)
        Terminal.standardError.write(printer.text([Budgets.ofThisRun.inputTooLarge(path)]))
        return ExitCode(2)
    }

    /// A lesson in a lessons folder that is a symbolic link to a file outside the folder is refused: the course would
    /// publish whatever it points at.
    static func checkStaysInside(_ directory: String, _ path: String) throws {
        guard let status = Posix.linkStatus(path), Posix.isSymbolicLink(status) else { return }
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            throw CLIError(
                "\(path) is a symbolic link to \(target), outside \(directory): refusing to read it", path: path)
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
