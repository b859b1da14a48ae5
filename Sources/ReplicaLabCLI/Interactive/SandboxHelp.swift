import Diagnostics
import ScenarioLanguage

/// `help` in `play`, laid out for the terminal's width from the command table: the commands grouped by what they are
/// for (one line per group), one command in full, or every command with its summary. The help is ReplicaLab's own
/// text; only a word the learner asked about is outside text.
struct SandboxHelp {
    /// The width to lay the text out in.
    var width: Int

    /// `help`: the groups, the claims `expect` checks, the sandbox's own words.
    var overview: ConsoleText {
        let titleWidth = (CommandHelp.groups.map(\.title.count) + [4]).max() ?? 0
        var lines = ["Scenario commands (help <command> shows one in full, e.g. help crash; help all shows them all):"]
        let groups = CommandHelp.allGroups
        for group in groups {
            lines += flow(group.commands, first: "  " + group.title.padded(to: titleWidth) + "  ", separator: "  ")
        }
        lines += flow(ExpectationTable.names, first: "Claims after expect: ", separator: ", ")
        lines += flow(
            SandboxCommand.allCases.filter { $0 != .exit }.map(\.rawValue), first: "Sandbox: ", separator: "  ")
        lines += flow(
            "Tab completes commands and their arguments (brokers, topics, partitions, durations, keys and values); Up and Down walk the history."
                .split(separator: " ").map(String.init), first: "", separator: " ")
        return .trusted(lines.joined(separator: "\n") + "\n")
    }

    /// `help <word>`: a command, `expect` or an expectation kind, `let`, or a sandbox word, in full.
    func details(for word: String) -> ConsoleText {
        if word == "all" { return all }
        let text: ConsoleText
        if let sandbox = SandboxCommand(rawValue: word) {
            text = .trusted(sandbox.summary)
        } else if let details = CommandHelp.details(for: word) {
            text = .trusted(details.joined(separator: "\n"))
        } else {
            let note = Suggestion.note(for: word, in: CommandTable.allNames).map { " (\($0))" } ?? ""
            text = "No command '\(word)'\(note). Type 'help' for the list."
        }
        let wrapped = text.laidOut { text in
            text.split(separator: "\n").flatMap { TextLayout.wrap(String($0), width: width) }.joined(separator: "\n")
        }
        return wrapped + "\n"
    }

    /// `help all`: every command with its summary, by group.
    var all: ConsoleText {
        var lines: [String] = []
        let nameWidth = (CommandTable.allNames.map(\.count).max() ?? 0) + 2
        let groups = CommandHelp.allGroups
        for group in groups {
            if !lines.isEmpty { lines.append("") }
            lines.append(group.title + ":")
            for name in group.commands {
                let summary =
                    CommandTable.command(named: name)?.summary
                    ?? (name == "expect"
                        ? "Checks a claim: " + ExpectationTable.names.joined(separator: ", ") + "." : nil)
                    ?? (CommandHelp.details(for: name)?.dropFirst().first ?? "")
                lines += flow(
                    summary.split(separator: " ").map(String.init), first: "  " + name.padded(to: nameWidth),
                    separator: " ")
            }
        }
        return .trusted(lines.joined(separator: "\n") + "\n")
    }

    /// Words after `first`, as many per line as fit, later lines indented to where the words started.
    private func flow(_ words: [String], first: String, separator: String) -> [String] {
        let indent = String(repeating: " ", count: min(first.count, width / 2))
        var lines: [String] = []
        var current = first
        var isEmpty = true
        for (index, word) in words.enumerated() {
            let piece = word + (index < words.count - 1 ? separator.trailingSpacesRemoved : "")
            let gap = isEmpty ? "" : separator.hasPrefix(",") ? " " : separator
            if !isEmpty, current.count + gap.count + piece.count > width {
                lines.append(current)
                current = indent
                isEmpty = true
            }
            current += (isEmpty ? "" : gap) + piece
            isEmpty = false
        }
        lines.append(current)
        return lines
    }
}
