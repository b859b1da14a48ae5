import Replication

/// What a printed page shows of a scenario in place of its steps: the cluster at the end, as one broker table
/// (hidden on screens, where the stepper shows every step).
enum PrintHTML {
    /// Writes the broker table after the last step, if there is a topic; its rows are taken from `rows` when the
    /// steps drew them already.
    static func finalState(_ view: ScenarioView, rows: inout TableHTML.BrokerRows, into html: inout HTMLWriter) {
        guard let last = view.timeline.entries.last, let cluster = last.command.cluster, !cluster.topics.isEmpty
        else { return }
        let table = BrokerTableView(
            table: BrokerTable(cluster: cluster), previous: nil, changedBrokers: [],
            caption: "Brokers at the end of \(view.name) (after step \(last.number))")
        html.start(.div, .class("final-state"))
        TableHTML.brokerTable(table, rows: &rows, into: &html)
        html.end(.div)
    }
}
