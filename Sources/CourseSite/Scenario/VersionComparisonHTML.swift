import ScenarioLanguage

/// A `versions=<a>,<b>` scenario's comparison: each step whose output differs on the two Kafka releases, the two
/// outputs in two columns (compact enough for a 390 px phone: the columns share the width and long lines wrap).
enum VersionComparisonHTML {
    /// The comparison as a `details` element, open, after the scenario's steps.
    static func node(_ comparison: VersionComparison) -> HTMLNode {
        let left = "Kafka \(comparison.left.text)"
        let right = "Kafka \(comparison.right.text)"
        let summary =
            comparison.rows.isEmpty
            ? "\(left) and \(right): every step gives the same output"
            : "\(left) and \(right): \(comparison.rows.count) of \(comparison.stepCount) steps differ"
        var children: [HTMLNode] = [.element(.summary, text: summary)]
        for row in comparison.rows {
            let command = row.statement.hasPrefix("expect ") ? row.statement : "$ " + row.statement
            children += [
                .newline,
                .element(
                    .table, [.class("versions-step")],
                    [
                        .element(
                            .caption, [],
                            [.element(.code, text: command), .text(" (line \(row.line))")]),
                        .element(
                            .tr, [],
                            [
                                .element(.th, [.init("scope", "col")], text: left),
                                .element(.th, [.init("scope", "col")], text: right),
                            ]),
                        .element(
                            .tr, [],
                            [
                                .element(.td, [], [.element(.pre, [], text: row.left.joined(separator: "\n"))]),
                                .element(.td, [], [.element(.pre, [], text: row.right.joined(separator: "\n"))]),
                            ]),
                    ]),
            ]
        }
        return .element(.details, [.class("versions"), .init("open")], children + [.newline])
    }

    /// Its part of the stylesheet.
    static let css = """
        .versions { margin: 1rem 0; }
        .versions summary { font-weight: 600; }
        .versions-step { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.6rem 0; }
        .versions-step caption { text-align: left; font-size: 0.9rem; padding: 0.2rem 0; }
        .versions-step th { text-align: left; font-size: 0.85rem; color: var(--muted); padding: 0.1rem 0.3rem; }
        .versions-step td { vertical-align: top; padding: 0 0.3rem; border-top: 1px solid var(--rule); }
        .versions-step td + td, .versions-step th + th { border-left: 1px solid var(--rule); }
        .versions-step pre { margin: 0.2rem 0; font-size: 0.78rem; white-space: pre-wrap; overflow-wrap: anywhere; }

        """
}
