import Replication

extension CommandTable {
    /// Commands that only look at the cluster.
    static let viewCommands: [CommandSpec] = [
        CommandSpec(
            name: "explain", synopsis: "explain <topic>-<p>",
            summary:
                "Explains in words why a partition is in its state: its leader, who is out of the ISR and why, the high watermark, what a produce would get.",
            example: "explain orders-0",
            positionals: [("partition", true)], keys: [],
            argumentKinds: ["partition": .partition], isReadOnly: true,
            build: { reader in
                guard let text = reader.positional(0, name: "partition") else { return nil }
                guard let id = TopicPartition(parsing: text) else {
                    reader.error("expected a partition like 'orders-0', not '\(text)'", at: "#0")
                    return nil
                }
                return .explain(id)
            })
    ]
}
