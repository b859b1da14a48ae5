import Replication

/// What a printed page shows of a scenario in place of its steps: the cluster at the end, as one broker table
/// (hidden on screens, where the stepper shows every step).
enum PrintHTML {
    /// The broker table after the last step; its rows are taken from `rows` when the steps drew them already.
    static func finalState(_ view: ScenarioView, rows: inout TableHTML.BrokerRows) -> HTMLNode {
        guard let last = view.timeline.entries.last, let cluster = last.command.cluster, !cluster.topics.isEmpty
        else { return .group([]) }
        let table = BrokerTableView(
            table: BrokerTable(cluster: cluster), previous: nil, changedBrokers: [],
            caption: "Brokers at the end of \(view.name) (after step \(last.number))")
        return .element(.div, [.class("final-state")], [TableHTML.brokerTable(table, rows: &rows)])
    }
}
