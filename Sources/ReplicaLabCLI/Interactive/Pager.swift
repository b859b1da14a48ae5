import Diagnostics
import Foundation

/// Shows output longer than the screen through a pager at a terminal, as git does: `$PAGER`, else `less -R` (with
/// `LESS=FRX` unless `LESS` is set: quit when it fits, colours through, the text stays on the screen afterwards).
/// Never when standard output is a pipe or a file; `--no-pager`, or `PAGER` set to `cat` or to nothing, turns it off.
enum Pager {
    /// Writes `text` to standard output, through the pager when `enabled`, standard output is a terminal and the
    /// text has more lines than the screen. If the pager cannot be started, the text is written as it is. The pager
    /// gets the text made safe, as the terminal would (see `ConsoleText`).
    static func show(_ text: ConsoleText, enabled: Bool) {
        guard enabled, let size = Terminal.standardOutput.size, let command = command else {
            Terminal.standardOutput.write(text)
            return
        }
        let rendered = text.rendered
        guard rendered.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count >= size.rows,
            page(rendered, through: command)
        else {
            Terminal.standardOutput.write(.trusted(rendered))
            return
        }
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

    /// Runs the pager with `text` (rendered console text) on its input and waits for it; false when it could not be
    /// started.
    ///
    /// `posix_spawn` rather than `Process`: `Process` starts the child in a process group of its own, and a pager
    /// outside the terminal's foreground group is stopped (SIGTTIN) as soon as it reads a key.
    private static func page(_ text: String, through command: String) -> Bool {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return false }
        let (reading, writing) = (descriptors[0], descriptors[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, reading, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, reading)
        posix_spawn_file_actions_addclose(&actions, writing)
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        func copies(_ words: [String]) -> [UnsafeMutablePointer<CChar>?] {
            words.map { word in strdup(word) } + [nil]
        }
        let arguments = copies(["/bin/sh", "-c", command])
        let variables = copies(environment.map { "\($0.key)=\($0.value)" })
        defer { (arguments + variables).forEach { free($0) } }
        var child: pid_t = 0
        let started = posix_spawn(&child, "/bin/sh", &actions, nil, arguments, variables) == 0
        close(reading)
        guard started else {
            close(writing)
            return false
        }
        // A learner who quits the pager early closes the pipe: that ends the writing, not this process. Ctrl-C is
        // the pager's to handle (less stops scrolling), not a reason to leave it orphaned on the terminal.
        let (previousPipe, previousInterrupt) = (signal(SIGPIPE, SIG_IGN), signal(SIGINT, SIG_IGN))
        defer {
            signal(SIGPIPE, previousPipe)
            signal(SIGINT, previousInterrupt)
        }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(writing, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
        close(writing)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // A pager that is not installed: the shell exits with 127 before reading anything.
        let exited = status & 0x7F == 0
        return !(exited && (status >> 8) & 0xFF == 127)
    }
}
