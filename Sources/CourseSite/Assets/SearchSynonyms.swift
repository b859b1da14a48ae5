/// Kafka's abbreviations and synonyms, in one table: a search for any entry of a group finds every entry of it.
///
/// Each entry is a word or a phrase as a reader types it; the search script splits it into words the way it splits
/// the lessons (`min.insync.replicas` is the words `min`, `insync`, `replicas` in a row), so punctuation does not
/// matter. Names follow Kafka's configs, metrics and tools (`UnderReplicatedPartitions`, `--under-replicated-partitions`).
enum SearchSynonyms {
    static let groups: [[String]] = [
        ["hw", "high watermark", "high-watermark", "highwatermark"],
        ["leo", "log end offset", "log-end-offset", "logendoffset"],
        ["isr", "in-sync replicas", "in sync replicas", "in-sync replica", "insync replicas"],
        ["min isr", "min.insync.replicas", "minimum in-sync replicas", "min insync replicas", "min-isr"],
        [
            "urp", "under-replicated", "under replicated", "underreplicated", "underreplicatedpartitions",
            "under-replicated partitions",
        ],
        ["elr", "eligible leader replicas", "eligible leader replica"],
        ["leader epoch", "leaderepoch", "leader-epoch"],
        ["idempotent producer", "idempotence", "enable.idempotence"],
        ["unclean election", "unclean leader election", "unclean.leader.election.enable"],
        ["rf", "replication factor", "replication-factor", "replication.factor"],
        ["lso", "last stable offset"],
    ]
}
