/// Help text generated from the command tables, so `help` can never drift from what the parser accepts.
public enum CommandHelp {
    /// The commands by what a learner wants to do, in the order `help` shows them. A command of the table that no
    /// group lists is shown under "More" (see `ungrouped`), so help never hides one.
    public static let groups: [(title: String, commands: [String])] = [
        ("Build a cluster", ["cluster", "broker", "topic", "add-partitions", "config"]),
        ("Look at it", ["describe", "brokers", "replicas", "explain", "groups"]),
        ("Let time pass", ["advance"]),
        (
            "Break and mend brokers",
            ["crash", "power-off", "restart", "shutdown", "stall", "resume", "isolate", "heal", "slow", "flush"]
        ),
        ("Elect leaders", ["elect"]),
        ("Produce", ["produce", "producer", "drop-responses"]),
        ("Consume", ["consume", "join", "poll", "commit", "leave", "crash-consumer"]),
        ("Check claims, keep values", ["expect", "let"]),
    ]

    /// Commands of the table that no group lists.
    public static var ungrouped: [String] {
        let grouped = Set(groups.flatMap { $0.commands })
        return CommandTable.allNames.filter { !grouped.contains($0) }
    }

    /// The list of all commands with their one-line summaries.
    public static var overview: [String] {
        var lines = ["Scenario commands:"]
        let width = (CommandTable.commands.map { $0.name } + ["expect"]).map { $0.count }.max() ?? 0
        for spec in CommandTable.commands {
            lines.append("  " + spec.name.padding(to: width) + "  " + spec.summary)
        }
        lines.append(
            "  " + "expect".padding(to: width) + "  Checks a claim: " + ExpectationTable.names.joined(separator: ", ")
                + ".")
        return lines
    }

    /// The help of one command (or expectation kind), or nil when the word is unknown.
    public static func details(for word: String) -> [String]? {
        if let spec = CommandTable.command(named: word) {
            return ["usage: \(spec.synopsis)", spec.summary, "example: \(spec.example)"]
        }
        if word == "let" {
            return [
                "usage: let <name> = <query>",
                "Captures a value of the cluster's state; later lines use it as $name (e.g. expect hw t-0 == $before).",
                "queries: " + StateQuery.Kind.allCases.map { $0.rawValue }.joined(separator: ", ")
                    + " (each with a partition like orders-0; leo takes [on <broker>]; time takes none)",
            ]
        }
        if word == "expect" {
            return ExpectationTable.kinds.map { "\($0.synopsis)\n    \($0.summary)" }
        }
        if let kind = ExpectationTable.kinds.first(where: { $0.name == word }) {
            return ["usage: \(kind.synopsis)", kind.summary]
        }
        return nil
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
