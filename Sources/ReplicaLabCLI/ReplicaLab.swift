import ArgumentParser
import Course

/// The `replicalab` command: verify Kafka replication lessons, build the course site, run scenarios.
public struct ReplicaLab: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "replicalab",
        abstract: "Verify Kafka replication lessons, build the course site, and run lesson scenarios.",
        discussion: """
            Lessons are Markdown files (Lessons/NN-slug.md) with ```scenario blocks. Every scenario runs on a \
            simulated Kafka cluster; its expectations and expected output are checked.

            Exit codes: 0 all verified, 1 a lesson is wrong (a failed expectation or output), 2 bad input or usage.
            """,
        version: "replicalab \(ReplicaLabVersion.current)",
        subcommands: [
            CheckCommand.self, BuildCommand.self, WatchCommand.self, RunCommand.self, LessonsCommand.self,
            PlayCommand.self, ExerciseCommand.self, LSPCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, mapping every failure to ReplicaLab's exit codes (usage errors exit with 2, not 64).
    public static func runMain() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            InterruptCleanup.shared.waitIfInterrupted()
            Self.exit()
        } catch let code as ExitCode {
            InterruptCleanup.shared.waitIfInterrupted()
            Self.exit(withError: code)
        } catch let error as CLIError {
            InterruptCleanup.shared.waitIfInterrupted()
            Terminal.reportError(error.message)
            Self.exit(withError: ExitCode(2))
        } catch {
            InterruptCleanup.shared.waitIfInterrupted()
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            Terminal.standardError.write("\(fullMessage(for: error))\n")
            Self.exit(withError: ExitCode(2))
        }
    }
}
