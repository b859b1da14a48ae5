import Foundation

/// Standard output and error, and whether they are terminals that take colour.
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
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
}
