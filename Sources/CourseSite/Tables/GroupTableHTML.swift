/// A consumer group as a table: what `kafka-consumer-groups.sh --describe` prints, with the columns a reader looks
/// at first (which partition, who owns it, how far behind it is) first, and the partition as the row's heading, so
/// it stays put while a narrow screen scrolls the rest. Every column of the tool is kept.
enum GroupTableHTML {
    /// The tool's columns, in the order the table shows them (`PARTITION` shows `topic-partition`, from `TOPIC` and
    /// `PARTITION`).
    static let columns = [
        "PARTITION", "CONSUMER-ID", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CLIENT-ID", "HOST", "GROUP",
    ]

    static func node(_ group: GroupView, step: Int) -> HTMLNode {
        guard let parsed = parse(group.lines) else {
            return .element(.pre, [], [.element(.code, text: group.lines.joined(separator: "\n"))])
        }
        var nodes: [HTMLNode] = parsed.notes.map { .element(.p, [.class("group-note")], text: $0) }
        guard !parsed.rows.isEmpty else { return .group(nodes) }
        let head = HTMLNode.element(
            .thead, [], [.element(.tr, [], columns.map { .element(.th, [.init("scope", "col")], text: $0) })])
        let rows = parsed.rows.map { row -> HTMLNode in
            let cells: [HTMLNode] =
                [.element(.th, [.init("scope", "row")], text: "\(row["TOPIC"] ?? "?")-\(row["PARTITION"] ?? "?")")]
                + columns.dropFirst().map { .element(.td, [], text: row[$0] ?? "-") }
            return .element(.tr, [], cells)
        }
        nodes.append(
            .element(
                .div, [.class("table-wrap")],
                [
                    .element(
                        .table, [.class("group-table"), .ariaLabel("Consumer group \(group.name) after step \(step)")],
                        [head, .element(.tbody, [], rows.flatMap { [HTMLNode.newline, $0] } + [.newline])])
                ]))
        return .group(nodes)
    }

    /// The notes above the table and its rows by column name; nil when the lines are not the tool's offsets view.
    static func parse(_ lines: [String]) -> (notes: [String], rows: [[String: String]])? {
        var notes: [String] = []
        var header: [String]?
        var rows: [[String: String]] = []
        for line in lines where !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: " ").map(String.init)
            if let header {
                guard fields.count == header.count else { return nil }
                rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields)))
            } else if fields.first == "GROUP", fields.contains("TOPIC") {
                guard Set(fields).isSuperset(of: columns.dropFirst() + ["TOPIC"]) else { return nil }
                header = fields
            } else {
                notes.append(line)
            }
        }
        return (notes, rows)
    }
}
