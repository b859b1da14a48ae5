import Course
import Diagnostics
import Foundation
import Replication
import ScenarioLanguage

/// `run --step`: shows one step at a time and waits for a key, like stepping through a program in a debugger.
struct StepThrough {
    var transcript: Transcript
    var style: TerminalStyle
    /// Whether no scenario follows this one: Enter at its end finishes rather than going on to the next.
    var isLast = true
    /// The lesson's questions about this scenario, by step (1-based): asked before the step, answered after it.
    var questions: [Int: [VerifiedQuestion]] = [:]

    /// Runs the stepping loop from step `start` (0-based); false when the learner quit (then no further scenario
    /// runs either).
    func run(from start: Int = 0) -> Bool {
        let timeline = transcript.timeline
        // Expectations before any command (rare: they see an empty cluster) are shown before the first step.
        let leading = timeline.leadingChecks.map { style.render($0) }.joined()
        let entries = timeline.entries
        guard !entries.isEmpty else {
            style.write(leading)
            return true
        }
        // Raw mode for the whole session, so keys typed ahead are neither echoed nor lost.
        var terminal = RawTerminal()
        defer { terminal.restore() }
        var index = min(max(0, start), entries.count - 1)
        while true {
            let entry = entries[index]
            let asked = questions[index + 1] ?? []
            if !asked.isEmpty {
                var question = ConsoleText()
                for verified in asked {
                    question += style.bold("? Predict: ") + .text(verified.prompt.plainText) + "\n"
                }
                style.write(question)
                if readKey(prompt: "[Enter] run the step and reveal  [q] quit > ", terminal: terminal) == "q" {
                    return false
                }
            }
            var out = index == 0 ? leading : ConsoleText()
            // The step's narration (the comments above its command and its checks) comes first, as on the site.
            out += style.dim("── step \(entry.number) of \(entries.count) ──") + "\n"
            out += style.narration(entry.narration.flatMap { $0 }) + style.render(entry.command)
            for check in entry.checks { out += style.render(check) }
            for verified in asked {
                out += style.bold("Answer: ") + .text(verified.answer ?? "") + "\n"
                if let why = verified.why { out += style.dim("Why: " + .text(why.plainText)) + "\n" }
            }
            style.write(out)
            let atEnd = index == entries.count - 1
            let next: ConsoleText = !atEnd ? "[Enter] next" : isLast ? "[Enter] done" : "[Enter] next scenario"
            switch readKey(prompt: next + "  [b] back  [t] tables  [q] quit > ", terminal: terminal) {
            case "q", nil:
                return false
            case "b":
                index = max(0, index - 1)
            case "t":
                showTables(entry.command.cluster)
            default:
                if atEnd { return true }
                index += 1
            }
        }
    }

    private func showTables(_ cluster: Cluster?) {
        guard let cluster, !cluster.topics.isEmpty else {
            style.write("(no topics yet)\n")
            return
        }
        var out = style.render(BrokerTable(cluster: cluster))
        out += .lines(TopicDescription(cluster: cluster).lines.joined(separator: "\n") + "\n")
        style.write(out)
    }

    /// One key on a terminal, one line otherwise; "" for Enter, nil at end of input.
    private func readKey(prompt: ConsoleText, terminal: RawTerminal) -> String? {
        Terminal.standardOutput.write(prompt)
        if terminal.isActive {
            guard let byte = terminal.readByte() else { return nil }
            Terminal.standardOutput.write("\n")
            if byte == 0x0D || byte == 0x0A { return "" }
            if byte == 0x03 || byte == 0x04 { return nil }
            return String(UnicodeScalar(byte))
        }
        guard let line = readLine(strippingNewline: true) else { return nil }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
