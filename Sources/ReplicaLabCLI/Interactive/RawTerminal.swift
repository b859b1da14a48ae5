import Foundation

/// Puts a terminal into non-canonical, no-echo mode for key-by-key input, and restores it afterwards.
struct RawTerminal {
    private let descriptor: Int32
    private var original = termios()
    private(set) var isActive = false

    /// Enters raw mode when `descriptor` is a terminal; otherwise leaves everything as it is.
    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &original) == 0 else { return }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        isActive = tcsetattr(descriptor, TCSANOW, &raw) == 0
    }

    /// Restores the terminal's original mode.
    mutating func restore() {
        guard isActive else { return }
        tcsetattr(descriptor, TCSANOW, &original)
        isActive = false
    }

    /// Reads one byte; nil at end of input.
    func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
