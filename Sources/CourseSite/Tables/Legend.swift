import Replication

/// The page's one legend of the marks its tables use: broker states, replica marks, the change mark. Every mark is
/// a symbol with words (in the legend, and hidden beside each mark for screen readers); no symbol means two things.
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
        return .element(
            .aside, [.class("legend"), .id(anchor), .ariaLabel("Marks used in the tables")],
            [
                .element(.p, [.class("legend-title")], [.element(.strong, text: "Marks in the tables")]),
                .element(.dl, [], items),
            ])
    }
}
