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

    init(_ arguments: [String], in directory: URL) throws {
        let executable = try #require(Executable.replicalab, "cannot find the built replicalab executable")
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw PseudoTerminalError.cannotOpen }
        self.master = master
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        process.environment = environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
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
