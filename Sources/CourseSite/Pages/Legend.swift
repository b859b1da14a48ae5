import Replication

/// The page's one legend: the marks of the tables (broker states, replica marks, the change mark) and what the
/// pictures draw. Every mark is a symbol with words (in the legend, and hidden beside each mark in the tables for
/// screen readers); no symbol means two things.
enum Legend {
    /// The id of the legend on a page (scenario sections link to it).
    static let anchor = "legend"

    /// The words hidden beside a replica mark.
    static func words(_ mark: BrokerTable.Marks) -> String {
        switch mark {
        case .outOfSync: "out of sync"
        case .noLeader: "no leader"
        default: ""
        }
    }

    /// The kinds of records and marks a picture's log bars have, as the stylesheet's `key` samples draw them.
    static let recordKinds: [(String, String)] = [
        ("lc", "committed records: below the high watermark, on every ISR member"),
        ("lu", "uncommitted records: above the high watermark"),
        ("ld", "records that differ from the leader's log: the replica will truncate them"),
        ("ls", "acknowledged records that are lost"),
        ("tr", "records truncated at this step"),
        ("hw", "a replica's high watermark (the tick); its log end offset (LEO) is where its records end"),
        ("nw", "what this step changed (records appended, replicas, brokers)"),
    ]

    static var node: HTMLNode {
        var items: [HTMLNode] = []
        func item(_ sample: HTMLNode, _ meaning: String) {
            items += [.element(.dt, [], [sample]), .element(.dd, text: meaning)]
        }
        let sample = TopicPartition("t", 0)
        item(
            TableHTML.chip(.init(label: "P0", partition: sample, marks: []), leader: true),
            "leader of partition 0 (Leaders column)")
        item(TableHTML.chip(.init(label: "P0", partition: sample, marks: []), leader: false), "follower, in the ISR")
        for (mark, _, meaning) in BrokerTable.Marks.all {
            item(TableHTML.chip(.init(label: "P0", partition: sample, marks: mark), leader: false), meaning)
        }
        item(
            .element(.span, [.class("delta-sample")], [TableHTML.changeMark]),
            "changed since the step before (cells and table rows)")
        let states: [BrokerState] = [.up, .crashed, .stalled, .isolated, .shutDown, .restarting]
        for state in states { item(BrokerStateHTML.badge(state), BrokerStateHTML.meaning(state)) }
        // The pictures draw replicas like the tables' chips; their logs need a key of their own.
        var pictures: [HTMLNode] = []
        for (kind, meaning) in Self.recordKinds {
            pictures += [
                .element(.dt, [], [.element(.span, [.class("key \(kind)"), .ariaHidden])]),
                .element(.dd, text: meaning),
            ]
        }
        // Collapsed, so that it does not interrupt the lesson; every scenario's title links to it.
        return .element(
            .details, [.class("legend"), .id(anchor)],
            [
                .element(.summary, text: "Marks and colours in the tables and pictures"),
                .element(.p, [.class("legend-title")], [.element(.strong, text: "Marks in the tables")]),
                .element(.dl, [], items),
                .element(.p, [.class("legend-title")], [.element(.strong, text: "In the pictures")]),
                .element(.dl, [], pictures),
            ])
    }
}
