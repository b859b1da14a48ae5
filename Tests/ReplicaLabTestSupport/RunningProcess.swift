import Foundation
import Testing

/// A `replicalab` started in the background, to act on files while it runs (edit a lesson during `--review`, start
/// a second build, interrupt it), optionally under `strace` so that a race window is held open deterministically.
public final class RunningProcess {
    /// The process (under `strace` or a wrapper when started so).
    public let process = Process()
    private let input = Pipe()
    private let outputURL: URL
    private let errorURL: URL

    /// Starts `replicalab arguments` in `workspace`; with `strace`, under `strace <strace> replicalab …`; with
    /// `wrapper`, as `<wrapper…> replicalab …` (e.g. `unshare -p -f`).
    public init(
        _ workspace: Workspace, _ arguments: [String], strace: [String]? = nil, wrapper: [String] = [],
        environment extra: [String: String] = [:]
    ) throws {
        let executable = try #require(Executable.replicalab, "cannot find the built replicalab executable")
        var command = [executable.path] + arguments
        if let strace { command = [try #require(Strace.path)] + strace + command }
        command = wrapper + command
        process.executableURL = URL(fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
        process.arguments = command[0].hasPrefix("/") ? Array(command.dropFirst()) : command
        process.currentDirectoryURL = workspace.root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["REPLICALAB_CACHE_DIR"] = workspace.cacheRoot.path
        environment["CI"] = nil
        for (key, value) in extra { environment[key] = value }
        if strace != nil {
            // LeakSanitizer cannot run under ptrace and would fail the traced run at exit (the tests also run
            // under --sanitize=address in CI).
            environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        }
        process.environment = environment
        let token = UUID().uuidString
        outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("replicalab-out-\(token)")
        errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("replicalab-err-\(token)")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: outputURL)
        try? FileManager.default.removeItem(at: errorURL)
    }

    /// What it printed so far.
    public var stdout: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    /// The process strace started (when started under strace): the first child listed in `/proc`.
    public var tracedChild: pid_t? {
        let pid = process.processIdentifier
        let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
        return text?.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Types `text` on its standard input.
    public func type(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Closes its standard input.
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Polls `condition` every millisecond until it holds (true) or `seconds` pass or the process ends (false).
    public func waitUntil(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return condition() }
            usleep(1_000)
        }
        return false
    }

    /// Waits for the end (killing it after `seconds`, which fails the test) and returns how it ended.
    @discardableResult
    public func finish(seconds: Double = 120) -> Workspace.Result {
        closeInput()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        if process.isRunning {
            Issue.record("replicalab did not finish within \(seconds) s; killed it\n\(stderr)")
            if let child = tracedChild { kill(child, SIGKILL) }
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return Workspace.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// `strace`, which can hold a process at chosen system calls: `-e inject=<calls>:delay_enter=<µs>` widens a race
/// window deterministically. Tests that need it are skipped, saying so, where it is missing (CI installs it).
public enum Strace {
    /// The `strace` executable, or nil when it is missing or cannot trace here.
    public static let path: String? = {
        guard let path = ["/usr/bin/strace", "/bin/strace"].first(where: FileManager.default.isExecutableFile),
            run([path, "-f", "-qq", "-o", "/dev/null", "/bin/true"]) == 0
        else { return nil }
        return path
    }()

    /// Options that hold the traced process (and its threads) for `seconds` at every rename: the moment a writer
    /// puts a file or folder in place.
    public static func delayingRenames(seconds: Double) -> [String] {
        let calls = "rename,renameat,renameat2"
        return [
            "-f", "-qq", "-o", "/dev/null", "-e", "trace=\(calls)",
            "-e", "inject=\(calls):delay_enter=\(Int(seconds * 1_000_000))",
        ]
    }

    /// Runs a command and returns its exit status (nil when it cannot start).
    public static func run(_ command: [String]) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `unshare`, for new PID and mount namespaces (containers, volumes). Tests that need it are skipped, saying so,
/// where the system does not allow it.
public enum Namespaces {
    /// The `unshare` executable, or nil when it is missing.
    public static let unshare: String? = ["/usr/bin/unshare", "/bin/unshare"].first(
        where: FileManager.default.isExecutableFile)

    /// Whether new PID namespaces can be made here.
    public static let canMakePIDNamespaces: Bool =
        unshare.map { Strace.run([$0, "-p", "-f", "/bin/true"]) == 0 } ?? false

    /// Whether a new mount namespace can mount a tmpfs here.
    public static let canMount: Bool = {
        guard let unshare else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replicalab-mount-\(UUID())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return Strace.run([unshare, "-m", "/bin/sh", "-c", "mount -t tmpfs none '\(folder.path)'"]) == 0
    }()
}

extension Workspace {
    /// The names in a folder of the workspace.
    public func names(in relative: String = ".") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []).sorted()
    }

    /// Writes a lesson (or any file) of the workspace as an editor saves it: the whole new file at once.
    public func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(relative), options: .atomic)
    }

    /// Reads a file of the workspace as text.
    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }
}
