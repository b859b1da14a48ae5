import Replication

/// The kinds of `expect` lines: spelling, help, and how each parses its subject and value.
public struct ExpectationSpec: Sendable {
    /// The word after `expect`.
    public var name: String
    /// One-line usage.
    public var synopsis: String
    /// What it checks.
    public var summary: String
}

/// The `expect` kinds, in the order `help` lists them.
public enum ExpectationTable {
    /// All kinds.
    public static let kinds: [ExpectationSpec] = [
        ExpectationSpec(
            name: "leader", synopsis: "expect leader <topic>-<p> == <id|none>",
            summary: "The partition's current leader."),
        ExpectationSpec(
            name: "replicas", synopsis: "expect replicas <topic>-<p> == <id,id,…>",
            summary: "The partition's assigned replicas, in order (the first is the preferred leader)."),
        ExpectationSpec(
            name: "isr", synopsis: "expect isr <topic>-<p> == <id,id,…>",
            summary: "The partition's in-sync replicas, compared as a set."),
        ExpectationSpec(
            name: "error", synopsis: "expect error <KAFKA_ERROR>",
            summary:
                "The most recent outcome is this Kafka error: the previous command's own result, or, after advance, a fault or heal, the last async answer that arrived while it ran (e.g. INVALID_REPLICATION_FACTOR, REQUEST_TIMED_OUT)."
        ),
        ExpectationSpec(
            name: "ok", synopsis: "expect ok",
            summary:
                "The most recent outcome is a success (same rule as expect error; an advance with no async answer is ok)."
        ),
        ExpectationSpec(
            name: "hw", synopsis: "expect hw <topic>-<p> [on <broker>] == <n>",
            summary: "The leader's high watermark, or that replica's own (a follower learns it from its fetches)."),
        ExpectationSpec(
            name: "leo", synopsis: "expect leo <topic>-<p> [on <broker>] == <n>",
            summary: "The log end offset of the leader, or of the replica on that broker."),
        ExpectationSpec(
            name: "epoch", synopsis: "expect epoch <topic>-<p> == <n>", summary: "The partition's leader epoch."),
        ExpectationSpec(
            name: "lost", synopsis: "expect lost <topic>-<p> == <offsets|none>",
            summary: "Acknowledged or committed records that are gone (e.g. 10, 90..99, none)."),
        ExpectationSpec(
            name: "invariants", synopsis: "expect invariants ok",
            summary: "No replication invariant was broken so far."),
        ExpectationSpec(
            name: "partition", synopsis: "expect partition <topic> key=<k> == <p>",
            summary: "The partition the producer's default partitioner picks for that key (murmur2)."),
        ExpectationSpec(
            name: "assignment", synopsis: "expect assignment <group> <member> == <topic-p,…|none>",
            summary: "The member's current assignment, compared as a set."),
        ExpectationSpec(
            name: "read", synopsis: "expect read <topic>-<p> == <v1,v2,…|none>",
            summary: "The values a consumer reading the partition from the beginning gets (below the HW)."),
        ExpectationSpec(
            name: "lag", synopsis: "expect lag <group> <topic>-<p> == <n|->",
            summary: "LAG as kafka-consumer-groups shows it: high watermark − committed offset."),
        ExpectationSpec(
            name: "committed", synopsis: "expect committed <group> <topic>-<p> == <n|none>",
            summary: "The group's committed offset (the next record to consume)."),
    ]

    /// Every kind name, for suggestions.
    public static var names: [String] { kinds.map { $0.name } }
}
