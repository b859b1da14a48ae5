import Diagnostics
import Foundation

/// Standard output and error, and whether they are terminals that take colour.
///
/// This is the one way text reaches a terminal or a CI log: it takes `ConsoleText` only, so every value that came
/// from a lesson, a file name or a user is shown with its control characters visible and cannot start a GitHub
/// Actions workflow command (see `ConsoleText`).
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    func write(_ text: ConsoleText) {
        let bytes = Array(text.rendered.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe or a full disk: nothing left to tell anyone
            }
            written += count
        }
    }

    /// Whether this is a terminal (not a pipe or a file).
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    var usesColor: Bool {
        isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// The terminal's size, nil when this is not a terminal. `COLUMNS` and `LINES` override what the terminal
    /// reports (as for `ls` and Python's `shutil`); 80 × 24 when neither says.
    var size: (columns: Int, rows: Int)? {
        guard isTerminal else { return nil }
        var window = winsize()
        let reported = ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0
        let environment = ProcessInfo.processInfo.environment
        func setting(_ name: String, _ measured: UInt16, _ fallback: Int) -> Int {
            if let value = environment[name].flatMap({ Int($0) }), value > 0 { return value }
            return reported && measured > 0 ? Int(measured) : fallback
        }
        return (setting("COLUMNS", window.ws_col, 80), setting("LINES", window.ws_row, 24))
    }

    /// `replicalab: error: <message>` on standard error, for a failure that has no place in a lesson.
    static func reportError(_ message: String) {
        standardError.write(DiagnosticPrinter.toolError(message))
    }
}
