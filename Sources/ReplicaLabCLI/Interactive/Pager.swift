import Foundation

/// Shows output longer than the screen through a pager at a terminal, as git does: `$PAGER`, else `less -R` (with
/// `LESS=FRX` unless `LESS` is set: quit when it fits, colours through, the text stays on the screen afterwards).
/// Never when standard output is a pipe or a file; `--no-pager`, or `PAGER` set to `cat` or to nothing, turns it off.
enum Pager {
    /// Writes `text` to standard output, through the pager when `enabled`, standard output is a terminal and the
    /// text has more lines than the screen. If the pager cannot be started, the text is written as it is.
    static func show(_ text: String, enabled: Bool) {
        guard enabled, let size = Terminal.standardOutput.size, let command = command,
            text.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count >= size.rows
        else {
            Terminal.standardOutput.write(text)
            return
        }
        if !page(text, through: command) { Terminal.standardOutput.write(text) }
    }

    /// The pager's command line; nil when paging is turned off.
    static var command: String? {
        let setting = ProcessInfo.processInfo.environment["PAGER"].map { $0.trimmingCharacters(in: .whitespaces) }
        switch setting {
        case nil: return "less -R"
        case "", "cat": return nil
        case let command?: return command
        }
    }

    /// Runs the pager with `text` on its input and waits for it; false when it could not be started.
    private static func page(_ text: String, through command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        process.environment = environment
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        // A learner who quits the pager early closes the pipe: that ends the writing, not this process. Ctrl-C is
        // the pager's to handle (less stops scrolling), not a reason to leave it orphaned on the terminal.
        let (previousPipe, previousInterrupt) = (signal(SIGPIPE, SIG_IGN), signal(SIGINT, SIG_IGN))
        defer {
            signal(SIGPIPE, previousPipe)
            signal(SIGINT, previousInterrupt)
        }
        let descriptor = pipe.fileHandleForWriting.fileDescriptor
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        // A pager that is not installed exits with 127 from the shell before reading anything.
        return process.terminationStatus != 127
    }
}
