import Foundation
import ReplicaLabTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `replicalab` on a pseudo-terminal, as a learner at a terminal would, so raw-mode key handling is exercised.
final class PseudoTerminal {
    private let process = Process()
    private let master: Int32
    private var screen = ""

    /// `setsid`, which can make the pseudo-terminal the program's controlling terminal (util-linux; nil elsewhere).
    static let setsid = ["/usr/bin/setsid", "/bin/setsid"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts `replicalab` (or `executable`) with `arguments` in `directory` on a terminal of `columns` × `rows`;
    /// `environment` adds to (or, with nil values, removes from) the test's environment, where `NO_COLOR` is set.
    /// With `controllingTerminal` (which needs `setsid`) the terminal is the program's controlling terminal, as at a
    /// shell, so programs it starts can open `/dev/tty` and are stopped when outside its foreground process group.
    init(
        _ arguments: [String], in directory: URL, executable: URL? = nil, environment extra: [String: String?] = [:],
        columns: UInt16 = 100, rows: UInt16 = 40, controllingTerminal: Bool = false
    ) throws {
        let executable =
            try executable ?? #require(Executable.replicalab, "cannot find the built replicalab executable")
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw PseudoTerminalError.cannotOpen }
        self.master = master
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        if controllingTerminal {
            let setsid = try #require(Self.setsid, "setsid is needed for a controlling terminal")
            process.executableURL = URL(fileURLWithPath: setsid)
            process.arguments = ["--ctty", "--wait", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        // The terminal's own size decides, unless a test says otherwise; no pager unless a test asks for one.
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        environment["PAGER"] = "cat"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        killSession()
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Kills what runs in the terminal's session, when it is the controlling terminal of one: the program `setsid`
    /// started and whatever it started (a pager), which the process this object started does not include.
    private func killSession() {
        for group in [tcgetpgrp(master), tcgetsid(master)] where group > 0 {
            kill(-group, SIGKILL)
        }
    }

    /// Types text (use `\r` for Enter, `\t` for Tab).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// Reads until `text` appears in the output after the current position, or fails after `seconds`.
    /// Returns the output read up to and including it.
    @discardableResult
    func expect(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let range = screen.range(of: text) {
                let seen = String(screen[..<range.upperBound])
                screen = String(screen[range.upperBound...])
                return seen
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count > 0 { screen += String(decoding: buffer[..<count], as: UTF8.self) }
                if count <= 0 { break }
            }
        }
        Issue.record("timed out waiting for \(text.debugDescription); output so far: \(screen.debugDescription)")
        throw PseudoTerminalError.timeout
    }

    /// The output read but not yet consumed by `expect` (after `waitForExit`, everything the program printed since).
    var unreadOutput: String { screen }

    /// Waits (at most `seconds`) for the program to end and returns its exit status. Keeps reading its output
    /// meanwhile, so a program blocked on a full terminal buffer can finish; kills it and records an issue on time-out.
    func waitForExit(seconds: Double = 30) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count > 0 { screen += String(decoding: buffer[..<count], as: UTF8.self) }
            }
        }
        if process.isRunning {
            Issue.record("replicalab did not exit within \(seconds) s; output so far: \(screen.debugDescription)")
            killSession()
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }
}

enum PseudoTerminalError: Error {
    case cannotOpen, timeout
}
