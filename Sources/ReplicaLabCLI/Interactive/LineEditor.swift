import Diagnostics
import Foundation

/// A small line editor for the sandbox prompt: cursor movement, history, tab completion. On a terminal it reads key
/// by key; otherwise (a pipe, a test) it reads plain lines.
final class LineEditor {
    private var history: [String] = []
    private let completer: (String) -> [String]
    private let output = Terminal.standardOutput

    /// The terminal in raw mode for the whole session: switching modes between lines would lose or echo keys typed
    /// ahead (a Ctrl-D typed while a command runs would be taken by the cooked line discipline).
    private var terminal = RawTerminal()

    init(completer: @escaping (String) -> [String]) {
        self.completer = completer
    }

    /// Gives the terminal back its original mode.
    func close() {
        terminal.restore()
    }

    /// Reads one line after printing `prompt`; nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: ConsoleText) -> String? {
        output.write(prompt)
        guard terminal.isActive else {
            guard let line = Swift.readLine(strippingNewline: true) else { return nil }
            return line
        }
        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        func redraw() {
            output.write("\r\u{1B}[2K\(prompt)\(String(buffer))")
            let back = buffer.count - cursor
            if back > 0 { output.write("\u{1B}[\(back)D") }
        }
        while let byte = terminal.readByte() {
            switch byte {
            case 0x0D, 0x0A:
                output.write("\r\n")
                let line = String(buffer)
                if !line.trimmingCharacters(in: .whitespaces).isEmpty, history.last != line { history.append(line) }
                return line
            case 0x04:
                if buffer.isEmpty {
                    output.write("\r\n")
                    return nil
                }
            case 0x03:
                output.write("^C\r\n")
                buffer = []
                cursor = 0
                redraw()
            case 0x7F, 0x08:
                if cursor > 0 {
                    buffer.remove(at: cursor - 1)
                    cursor -= 1
                    redraw()
                }
            case 0x01:
                cursor = 0
                redraw()
            case 0x05:
                cursor = buffer.count
                redraw()
            case 0x15:
                buffer.removeFirst(cursor)
                cursor = 0
                redraw()
            case 0x09:
                complete(&buffer, &cursor)
                redraw()
            case 0x1B:
                guard terminal.readByte() == UInt8(ascii: "["), let code = terminal.readByte() else { continue }
                switch code {
                case UInt8(ascii: "A"):
                    if historyIndex > 0 {
                        historyIndex -= 1
                        buffer = Array(history[historyIndex])
                        cursor = buffer.count
                    }
                case UInt8(ascii: "B"):
                    if historyIndex < history.count {
                        historyIndex += 1
                        buffer = historyIndex < history.count ? Array(history[historyIndex]) : []
                        cursor = buffer.count
                    }
                case UInt8(ascii: "C"): cursor = min(buffer.count, cursor + 1)
                case UInt8(ascii: "D"): cursor = max(0, cursor - 1)
                case UInt8(ascii: "H"): cursor = 0
                case UInt8(ascii: "F"): cursor = buffer.count
                default: break
                }
                redraw()
            default:
                guard byte >= 0x20 else { continue }
                var bytes = [byte]
                // Collect the rest of a multi-byte UTF-8 character.
                let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
                for _ in 0..<extra { if let next = terminal.readByte() { bytes.append(next) } }
                for character in String(decoding: bytes, as: UTF8.self) {
                    buffer.insert(character, at: cursor)
                    cursor += 1
                }
                redraw()
            }
        }
        return nil
    }

    /// Completes the word before the cursor: the common prefix of all candidates, and lists them when several.
    private func complete(_ buffer: inout [Character], _ cursor: inout Int) {
        let before = String(buffer[..<cursor])
        let candidates = completer(before)
        guard !candidates.isEmpty else { return }
        let word = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            common = String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
        }
        let addition = Array(common.dropFirst(word.count))
        buffer.insert(contentsOf: addition, at: cursor)
        cursor += addition.count
        if candidates.count == 1, !common.hasSuffix("=") {
            buffer.insert(" ", at: cursor)
            cursor += 1
        } else if candidates.count > 1, addition.isEmpty {
            output.write("\r\n\(candidates.joined(separator: "  "))\r\n")
        }
    }
}
