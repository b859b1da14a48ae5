import Foundation
import Replication
import ScenarioLanguage

/// `run --step`: shows one step at a time and waits for a key, like stepping through a program in a debugger.
struct StepThrough {
    var transcript: Transcript
    var style: TerminalStyle

    /// Runs the stepping loop; false when the learner quit.
    func run() -> Bool {
        let timeline = transcript.timeline
        // Expectations before any command (rare: they see an empty cluster) are shown before the first step.
        let leading = timeline.leadingChecks.map(style.render).joined()
        let entries = timeline.entries
        guard !entries.isEmpty else {
            Terminal.standardOutput.write(leading)
            return true
        }
        // Raw mode for the whole session, so keys typed ahead are neither echoed nor lost.
        var terminal = RawTerminal()
        defer { terminal.restore() }
        var index = 0
        while true {
            let entry = entries[index]
            var out = index == 0 ? leading : ""
            // The step's narration (the comments above its command and its checks) comes first, as on the site.
            out += style.dim("── step \(entry.number) of \(entries.count) ──") + "\n"
            out += style.narration(entry.narration.flatMap { $0 }) + style.render(entry.command)
            for check in entry.checks { out += style.render(check) }
            Terminal.standardOutput.write(out)
            let atEnd = index == entries.count - 1
            let prompt =
                atEnd ? "[b] back  [t] tables  [Enter/q] done > " : "[Enter] next  [b] back  [t] tables  [q] quit > "
            switch readKey(prompt: prompt, terminal: terminal) {
            case "q", nil:
                return atEnd
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
            Terminal.standardOutput.write("(no topics yet)\n")
            return
        }
        var out = style.render(BrokerTable(cluster: cluster))
        out += TopicDescription(cluster: cluster).lines.joined(separator: "\n") + "\n"
        Terminal.standardOutput.write(out)
    }

    /// One key on a terminal, one line otherwise; "" for Enter, nil at end of input.
    private func readKey(prompt: String, terminal: RawTerminal) -> String? {
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
