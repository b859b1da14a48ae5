import Course
import Diagnostics
import Foundation

/// `check --review`: shows each proposed output change as a diff and asks what to do, like `cargo insta review`.
final class Reviewer {
    private let usesColor: Bool
    private var acceptRest = false
    private var stopped = false

    init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// Whether to apply this change.
    func ask(_ change: OutputUpdater.Change) -> Bool {
        if acceptRest { return true }
        if stopped { return false }
        let name: ConsoleText = change.scenario.map { "scenario '\($0)'" } ?? "scenario"
        var text: ConsoleText = "\n\(change.location): \(change.kind == .added ? "new" : "changed") output of \(name)\n"
        let edits = LineDiff.edits(from: change.oldLines, to: change.newLines)
        for line in LineDiff.unified(edits, oldFirstLine: change.location.line + 1) {
            text += colour(line) + "\n"
        }
        text += "[a]ccept, [r]eject, [s]kip, accept [A]ll, [q]uit? "
        Terminal.standardOutput.write(text)
        while true {
            guard let answer = readLine(strippingNewline: true) else {
                stopped = true
                return false
            }
            switch answer {
            case "a", "accept": return true
            case "r", "reject", "s", "skip": return false
            case "A", "all":
                acceptRest = true
                return true
            case "q", "quit":
                stopped = true
                return false
            default:
                Terminal.standardOutput.write("please answer a, r, s, A or q: ")
            }
        }
    }

    /// A diff line (outside text: it quotes the lesson), coloured by its kind.
    private func colour(_ line: String) -> ConsoleText {
        guard usesColor else { return .text(line) }
        if line.hasPrefix("+") { return "\u{1B}[32m\(line)\u{1B}[0m" }
        if line.hasPrefix("-") { return "\u{1B}[31m\(line)\u{1B}[0m" }
        if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
        return .text(line)
    }
}
