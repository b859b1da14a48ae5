import ArgumentParser
import Foundation

/// `replicalab watch`: re-verify and rebuild whenever a lesson is saved.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Rebuild the site whenever a lesson changes, printing diagnostics as build does.",
        discussion: """
            Builds once, then polls the lessons folder (file names, sizes and modification times) and runs an \
            incremental build after every change: only the lessons that changed are verified again (see build's \
            cache). Lessons that are symbolic links are followed. A lessons folder that disappears for a moment (a \
            git checkout) is waited for. Diagnostics go to standard error; a failed build leaves the last good site \
            in place. Stop with Ctrl-C (an interrupted build leaves no temporary folder behind).

            Examples:
              replicalab watch
              replicalab watch --lessons Lessons --out Site --interval 0.2
            """
    )

    @Option(help: "The folder of lessons.")
    var lessons = "Lessons"

    @Option(help: "The folder to write the site to (replaced as a whole).")
    var out = "Site"

    @Option(help: "Seconds between two looks at the lessons folder.")
    var interval = 0.5

    @Flag(help: "Replace the output folder even when it has files and is not a site ReplicaLab wrote.")
    var force = false

    @Option(help: .hidden)
    var maxBuilds: Int?

    func validate() throws {
        if !(interval > 0) { throw ValidationError("--interval must be more than 0 seconds") }
    }

    func run() throws {
        var seen: [String: String]?
        var isMissing = false
        var builds = 0
        while maxBuilds.map({ builds < $0 }) ?? true {
            guard let now = fingerprint() else {
                // The folder is gone for now (a checkout of another branch): wait for it rather than stop.
                if !isMissing {
                    Terminal.standardError.write("watch: cannot read \(lessons) now; waiting for it to come back\n")
                    isMissing = true
                }
                Thread.sleep(forTimeInterval: interval)
                continue
            }
            isMissing = false
            if now != seen {
                seen = now
                builds += 1
                if !build(), fingerprint() == nil {
                    // The folder went away while the build read it (a checkout under way): that build does not
                    // count; wait for the folder and build whatever comes back.
                    builds -= 1
                    seen = nil
                }
            } else {
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }

    /// One build; failures are reported, never fatal. Whether it wrote the site.
    private func build() -> Bool {
        let time = Date()
        do {
            let command = try BuildCommand.parse(["--lessons", lessons, "--out", out] + (force ? ["--force"] : []))
            try command.run()
            Terminal.standardError.write("watch: built in \(Self.milliseconds(since: time)); waiting for changes\n")
            return true
        } catch let error as CLIError {
            Terminal.reportError(error.message)
            Terminal.standardError.write("watch: waiting for changes\n")
        } catch {
            Terminal.standardError.write("watch: build failed; waiting for changes\n")
        }
        return false
    }

    /// Each lesson file's identity, size and times, by name (following symbolic links, so an edit to the file a
    /// link points at counts); nil when the folder cannot be listed.
    private func fingerprint() -> [String: String]? {
        guard let names = Posix.names(in: lessons) else { return nil }
        var result: [String: String] = [:]
        for name in names where name.hasSuffix(".md") && !name.hasPrefix(".") {
            guard let status = Posix.status(LessonFiles.join(lessons, name)) else {
                result[name] = "unreadable"
                continue
            }
            result[name] = "\(status.st_dev) \(status.st_ino) \(status.st_size) \(Posix.changeTimes(status))"
        }
        return result
    }

    private static func milliseconds(since start: Date) -> String {
        "\(Int((Date().timeIntervalSince(start) * 1000).rounded())) ms"
    }
}
