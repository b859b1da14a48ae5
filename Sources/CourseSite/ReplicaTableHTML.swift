import Replication

/// The per-replica table of one partition (LEO, HW, latest epoch in the log, ISR, status, lag); cells that changed are marked.
struct ReplicaTableHTML {
    var table: ReplicaTable
    var partition: TopicPartition
    var previous: ReplicaTable?
    var caption: String

    var html: String {
        let headings = ["Broker", "Role", "LEO", "HW", "LogEpoch", "In ISR", "Status", "Lag"]
        var out =
            "<div class=\"table-wrap\"><table class=\"replica-table\">\n<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        for heading in headings { out += "<th scope=\"col\">\(heading)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        let before = Dictionary(uniqueKeysWithValues: (previous?.rows ?? []).map { ($0.broker, $0) })
        for row in table.rows {
            let old = before[row.broker]
            func cell(_ text: String, _ changed: Bool) -> String {
                guard changed, previous != nil else { return "<td>\(HTML.escape(text))</td>" }
                return
                    "<td class=\"changed\">\(HTML.escape(text))<span class=\"delta\" aria-hidden=\"true\">●</span><span class=\"visually-hidden\"> (changed)</span></td>"
            }
            out += "<tr><th scope=\"row\">B\(row.broker)</th>"
            out += cell(row.role, old?.role != row.role)
            out += cell(String(row.logEndOffset), old?.logEndOffset != row.logEndOffset)
            out += cell(String(row.highWatermark), old?.highWatermark != row.highWatermark)
            out += cell(row.epoch.map(String.init) ?? "-", old?.epoch != row.epoch)
            out += cell(row.isInIsr ? "yes" : "no", old?.isInIsr != row.isInIsr)
            out += cell(row.status, old?.status != row.status)
            out += cell(row.lag.map(String.init) ?? "-", old?.lag != row.lag)
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }
}
