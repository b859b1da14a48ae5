import ArgumentParser
import Course
import CourseSite
import Foundation

/// `replicalab build`: verify the lessons, then write the course site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Verify the lessons and write the verified course site.",
        discussion: """
            Nothing is written unless every lesson verifies. The site is built in a temporary folder beside the \
            output folder and then swapped in, so a failed or interrupted build never leaves a half-written site.

            Examples:
              replicalab build
              replicalab build --lessons Lessons --out Site
            """
    )

    @Option(help: "The folder of lessons.")
    var lessons = "Lessons"

    @Option(help: "The folder to write the site to (replaced as a whole).")
    var out = "Site"

    @Option(help: "How many lessons to verify at once (default: one per core).")
    var jobs = ParallelMap.defaultJobs

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try checkPaths()
        let course = ParallelVerifier.verify(try LessonFiles.read([lessons]), jobs: jobs)
        report(course, usesColor: Terminal.standardError.usesColor)
        guard course.isVerified else {
            Terminal.standardError.write("replicalab: nothing written to \(out): the lessons did not verify\n")
            throw ExitCode(course.diagnostics.exitCode)
        }
        let files = SiteRenderer.render(course)
        try SiteWriter.write(files, to: out)
        Terminal.standardError.write("wrote \(files.count) files to \(out)\n")
    }

    /// The output folder is replaced as a whole, so it must not be the lessons folder, contain it, or be the root.
    private func checkPaths() throws {
        let outURL = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
        let lessonsURL = URL(fileURLWithPath: lessons).standardizedFileURL.resolvingSymlinksInPath()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
            .resolvingSymlinksInPath()
        let outPath = outURL.path.hasSuffix("/") ? outURL.path : outURL.path + "/"
        if outURL.path == "/" || outURL == cwd || lessonsURL.path == outURL.path
            || (lessonsURL.path + "/").hasPrefix(outPath)
            || (cwd.path + "/").hasPrefix(outPath)
        {
            throw CLIError("refusing to write the site to \(out): it would replace the lessons or the working folder")
        }
    }
}
