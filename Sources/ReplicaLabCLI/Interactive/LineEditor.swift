import Diagnostics
import Foundation
import ScenarioLanguage

/// A small line editor for the sandbox prompt: cursor movement, history, tab completion. On a terminal it reads key
/// by key; otherwise (a pipe, a test) it reads plain lines.
final class LineEditor {
    /// What reading a line ended with.
    enum Input: Equatable {
        /// A line, with Enter.
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupt
        /// Ctrl-D on an empty line, or the end of the input.
        case end
    }

    private var history: [String] = []
    /// What Tab offers for the text before the cursor.
    var completer: (String) -> LineCompletion
    private let output = Terminal.standardOutput

    /// The terminal in raw mode for the whole session: switching modes between lines would lose or echo keys typed
    /// ahead (a Ctrl-D typed while a command runs would be taken by the cooked line discipline).
    private var terminal = RawTerminal()

    init(completer: @escaping (String) -> LineCompletion) {
        self.completer = completer
    }

    /// Whether input comes from a person at a terminal (so questions can be asked), not from a pipe.
    var isInteractive: Bool { terminal.isActive }

    /// Gives the terminal back its original mode.
    func close() {
        terminal.restore()
    }

    /// Reads one line after printing `prompt`. Lines read for a question (`remembers: false`) do not go into the
    /// history.
    func readLine(prompt: ConsoleText, remembers: Bool = true) -> Input {
        output.write(prompt)
        guard terminal.isActive else {
            guard let line = Swift.readLine(strippingNewline: true) else { return .end }
            return .line(line)
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
                if remembers, !line.trimmingCharacters(in: .whitespaces).isEmpty, history.last != line {
                    history.append(line)
                }
                return .line(line)
            case 0x04:
                if buffer.isEmpty {
                    output.write("\r\n")
                    return .end
                }
            case 0x03:
                output.write("^C\r\n")
                return .interrupt
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
        return .end
    }

    /// Completes the word before the cursor: the common prefix of all candidates; when that adds nothing, lists the
    /// candidates in columns (values of a key without their `key=`), or the command's usage when there are none.
    private func complete(_ buffer: inout [Character], _ cursor: inout Int) {
        let before = String(buffer[..<cursor])
        let completion = completer(before)
        let candidates = completion.candidates
        guard !candidates.isEmpty else {
            if let usage = completion.usage { output.write("\r\n\(usage)\r\n") }
            return
        }
        let word = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            common = String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
        }
        let addition = Array(common.dropFirst(word.count))
        buffer.insert(contentsOf: addition, at: cursor)
        cursor += addition.count
        if candidates.count == 1, !common.hasSuffix("="), !common.hasSuffix(",") {
            buffer.insert(" ", at: cursor)
            cursor += 1
        } else if candidates.count > 1, addition.isEmpty {
            output.write("\r\n" + Self.columns(candidates, width: output.size?.columns ?? 80) + "\r\n")
        }
    }

    /// Candidates laid out in columns across `width`, down then across as `ls` does; values of one key are shown
    /// without the `key=` they share. Candidates name what the scenario made (topics, groups, keys), so they are
    /// outside text, each padded by its width once made safe.
    static func columns(_ candidates: [String], width: Int) -> ConsoleText {
        var shown = candidates
        if let equals = candidates[0].firstIndex(of: "=") {
            let key = candidates[0][...equals]
            if candidates.allSatisfy({ $0.hasPrefix(key) }) {
                shown = candidates.map { String($0.dropFirst(key.count)) }
            }
        }
        let cells = shown.map { ConsoleText.text($0) }
        let cell = (cells.map { $0.width }.max() ?? 0) + 2
        let perRow = max(1, width / cell)
        let rows = (cells.count + perRow - 1) / perRow
        return (0..<rows).map { row in
            let indices = Array(stride(from: row, to: cells.count, by: rows))
            // The last cell of a row is not padded: no spaces at the end of the line.
            return indices.map { index in index == indices.last ? cells[index] : cells[index].padded(to: cell) }
                .joined()
        }.joined(separator: "\r\n")
    }
}
