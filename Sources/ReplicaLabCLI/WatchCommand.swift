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
            cache). Diagnostics go to standard error; a failed build leaves the last good site in place. Stop with \
            Ctrl-C.

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

    @Option(help: .hidden)
    var maxBuilds: Int?

    func validate() throws {
        if !(interval > 0) { throw ValidationError("--interval must be more than 0 seconds") }
    }

    func run() throws {
        var seen: [String: String]?
        var builds = 0
        while maxBuilds.map({ builds < $0 }) ?? true {
            let now = try fingerprint()
            if now != seen {
                seen = now
                builds += 1
                build()
            } else {
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }

    /// One build; failures are reported, never fatal.
    private func build() {
        let time = Date()
        do {
            let command = try BuildCommand.parse(["--lessons", lessons, "--out", out])
            try command.run()
            Terminal.standardError.write("watch: built in \(Self.milliseconds(since: time)); waiting for changes\n")
        } catch let error as CLIError {
            Terminal.standardError.write("replicalab: error: \(error.message)\nwatch: waiting for changes\n")
        } catch {
            Terminal.standardError.write("watch: build failed; waiting for changes\n")
        }
    }

    /// Each lesson file's size and modification time, by name.
    private func fingerprint() throws -> [String: String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: lessons) else {
            throw CLIError("cannot list \(lessons)")
        }
        var result: [String: String] = [:]
        for name in names where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let attributes = try? manager.attributesOfItem(atPath: LessonFiles.join(lessons, name))
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            result[name] = "\(size) \(modified)"
        }
        return result
    }

    private static func milliseconds(since start: Date) -> String {
        "\(Int((Date().timeIntervalSince(start) * 1000).rounded())) ms"
    }
}
