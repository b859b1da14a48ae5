import Diagnostics
import Replication

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

    /// `groups`, and the commands no group lists under "More".
    public static var allGroups: [(title: String, commands: [String])] {
        ungrouped.isEmpty ? groups : groups + [("More", ungrouped)]
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

    /// `help configs`: every setting of `ConfigDef` with its type, default, update mode and what it does, by where
    /// it is written.
    public static var configs: [String] {
        var lines: [String] = []
        for (title, resource) in [
            (
                "Broker configs: startup settings on the cluster line; cluster-wide ones also with 'config broker'",
                ConfigKey.Resource.broker
            ),
            ("Topic configs: on the topic line or with 'config <topic>'", .topic),
            ("Producer configs: on the producer line", .producer),
        ] {
            lines.append(title)
            lines += ConfigDef.keys(of: resource).map { "  " + $0.helpLine }
        }
        return lines
    }

    /// The help of one command (or expectation kind), or nil when the word is unknown.
    public static func details(for word: String) -> [String]? {
        if let spec = CommandTable.command(named: word) {
            return ["usage: \(spec.synopsis)", spec.summary, "example: \(spec.example)"]
        }
        if word == "configs" { return configs }
        if word == "let" {
            return [
                "usage: let <name> = <query>",
                "Captures a value of the cluster's state; later lines use it as $name (e.g. expect hw t-0 == $before).",
                StateQuery.summary,
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

extension CommandHelp {
    /// The help as one JSON object, for the in-page sandbox: the commands by group, each with its usage, summary and
    /// example (null where there is none), and the claims `expect` checks:
    ///
    ///     { "groups": [{ "title": "…", "commands": [{ "name": "…", "usage": "…", "summary": "…", "example": "…" }] }],
    ///       "expectations": [{ "name": "…", "usage": "…", "summary": "…" }] }
    public static var json: String {
        var out = "{\"groups\":["
        for (index, group) in allGroups.enumerated() {
            if index > 0 { out += "," }
            out += "{\"title\":" + JSONString.quoted(group.title) + ",\"commands\":["
            for (number, name) in group.commands.enumerated() {
                if number > 0 { out += "," }
                let (usage, summary, example) = entry(for: name)
                out += "{\"name\":" + JSONString.quoted(name) + ",\"usage\":" + JSONString.quoted(usage)
                out += ",\"summary\":" + JSONString.quoted(summary) + ",\"example\":"
                out += example.map(JSONString.quoted) ?? "null"
                out += "}"
            }
            out += "]}"
        }
        out += "],\"expectations\":["
        for (index, kind) in ExpectationTable.kinds.enumerated() {
            if index > 0 { out += "," }
            out += "{\"name\":" + JSONString.quoted(kind.name) + ",\"usage\":" + JSONString.quoted(kind.synopsis)
            out += ",\"summary\":" + JSONString.quoted(kind.summary) + "}"
        }
        return out + "]}"
    }

    /// A command's usage, summary and example, from the command table (`expect` and `let` from `details`).
    private static func entry(for name: String) -> (usage: String, summary: String, example: String?) {
        if let spec = CommandTable.command(named: name) { return (spec.synopsis, spec.summary, spec.example) }
        if name == "expect" {
            return ("expect <claim>", "Checks a claim: " + ExpectationTable.names.joined(separator: ", ") + ".", nil)
        }
        let lines = details(for: name) ?? []
        let usage = lines.first.map { $0.hasPrefix("usage: ") ? String($0.dropFirst("usage: ".count)) : $0 } ?? name
        return (usage, lines.dropFirst().joined(separator: " "), nil)
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
