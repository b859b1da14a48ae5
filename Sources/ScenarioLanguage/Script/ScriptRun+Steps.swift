import Diagnostics
import Replication

extension ScriptRun {
    /// The run as one JSON object, for the in-page sandbox:
    ///
    ///     { "exitCode": 0,
    ///       "diagnostics": [{ "line": 1, "column": 1, "severity": "error", "message": "…" }],
    ///       "steps": [{ "line": 2, "text": "…", "output": "…",
    ///                   "expects": [{ "line": 3, "text": "…", "passed": true, "actual": "…" }],
    ///                   "state": "…" }] }
    ///
    /// Lines are 1-based lines of the script and columns 1-based UTF-8 byte columns, as the command line prints
    /// them; diagnostics are sorted as it prints them, each note an entry of severity `note` after its diagnostic. A
    /// step is a command with the expectations checked after it; `output` is what the command printed (its lines
    /// joined by line breaks) and `state` the broker table, `kafka-topics --describe` and every consumer group's
    /// description after it, as plain text (`stateText`). Expectations before the first command are not a step; a
    /// failed one is among the diagnostics.
    public var stepsJSON: String {
        var out = "{\"exitCode\":\(exitCode),\"diagnostics\":["
        var first = true
        func entry(_ location: SourceLocation, _ severity: Diagnostic.Severity, _ message: String) {
            if !first { out += "," }
            first = false
            out += "{\"line\":\(location.line),\"column\":\(location.column),\"severity\":"
            JSONString.append(severity.rawValue, to: &out)
            out += ",\"message\":"
            JSONString.append(message, to: &out)
            out += "}"
        }
        if let failure { entry(SourceLocation(file: path, line: 1, column: 1), .error, failure) }
        for diagnostic in diagnostics.sorted() {
            entry(diagnostic.location, diagnostic.severity, diagnostic.message)
            for note in diagnostic.notes { entry(note.location ?? diagnostic.location, .note, note.message) }
        }
        out += "],\"steps\":["
        for (index, entry) in (transcript?.timeline.entries ?? []).enumerated() {
            if index > 0 { out += "," }
            let command = entry.command
            out += "{\"line\":\(command.statement.location.line),\"text\":"
            JSONString.append(command.statement.text, to: &out)
            out += ",\"output\":"
            JSONString.append(command.output.joined(separator: "\n"), to: &out)
            out += ",\"expects\":["
            for (number, check) in entry.checks.enumerated() {
                if number > 0 { out += "," }
                out += "{\"line\":\(check.statement.location.line),\"text\":"
                JSONString.append(check.statement.text, to: &out)
                out += ",\"passed\":\(check.expectation?.passed ?? false ? "true" : "false"),\"actual\":"
                JSONString.append(check.expectation?.actual ?? "", to: &out)
                out += "}"
            }
            out += "],\"state\":"
            JSONString.append(Self.stateText(of: command.cluster), to: &out)
            out += "}"
        }
        return out + "]}"
    }

    /// The tables of a cluster as plain text: the broker table (as `brokers` prints it), `kafka-topics --describe`
    /// (as `describe` prints it) and each consumer group's `kafka-consumer-groups --describe`, separated by blank
    /// lines; the tables the site shows after a step. Empty before there is a cluster; only the broker table before
    /// there is a topic.
    public static func stateText(of cluster: Cluster?) -> String {
        guard let cluster else { return "" }
        var tables = [BrokerTable(cluster: cluster).textLines]
        if !cluster.topics.isEmpty { tables.append(TopicDescription(cluster: cluster).lines) }
        for group in cluster.groups.keys.sorted() {
            tables.append(Array(ConsumerGroupDescription(cluster: cluster, group: group).lines.drop { $0.isEmpty }))
        }
        return tables.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }
}
