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

/// What may come next on an `expect` line, read from the kind's synopsis: the one description of its words that
/// completion at the terminal, in the page and in editors all follow.
public enum ExpectationSlot: Hashable, Sendable {
    /// The word after `expect`: one of the kinds.
    case kind
    /// A value of this kind (`<topic>-<p>` a partition, `<broker>` a broker, `<group>` a group, …).
    case argument(ArgumentKind)
    /// A Kafka error name (`expect error <KAFKA_ERROR>`).
    case errorName
    /// One of these words: `==`, `ok`, the key `key=`, or an optional `on` and the `==` that may come instead.
    case words([String])
    /// Nothing to offer: the line is complete, or the value after `==` is the writer's.
    case end
}

extension ExpectationTable {
    /// What the next word of an `expect` line is, after `arguments` (the whole words after `expect`, the word being
    /// typed left out): `expect hw orders-0 ` may go on with `on <broker>` or `==`.
    public static func slot(after arguments: [String]) -> ExpectationSlot {
        guard let name = arguments.first else { return .kind }
        guard let spec = kinds.first(where: { $0.name == name }) else { return .end }
        let subject = arguments.dropFirst()
        if subject.contains("==") { return .end }
        // The synopsis's words after `expect <kind>`, each with whether it sits in an optional `[…]` group.
        var pattern: [(word: String, optional: Bool)] = []
        var inGroup = false
        for part in spec.synopsis.split(separator: " ").dropFirst(2) {
            if part.hasPrefix("[") { inGroup = true }
            pattern.append((String(part.filter { $0 != "[" && $0 != "]" }), inGroup))
            if part.hasSuffix("]") { inGroup = false }
        }
        // Skip an optional group the line left out (`expect hw orders-0 ==` never reaches `<broker>`).
        var index = 0
        for word in subject {
            guard index < pattern.count else { return .end }
            if pattern[index].optional, word != pattern[index].word, !pattern[index].word.hasPrefix("<") {
                while index < pattern.count, pattern[index].optional { index += 1 }
            }
            index += 1
        }
        guard index < pattern.count else { return .end }
        let (word, optional) = pattern[index]
        if optional, !word.hasPrefix("<") {
            // An optional word, or what follows its group.
            let next = pattern[index...].first { !$0.optional }.map { [$0.word] } ?? []
            return .words([word] + next)
        }
        switch word {
        case "<topic>-<p>": return .argument(.partition)
        case "<topic>": return .argument(.topic)
        case "<group>": return .argument(.group)
        case "<member>": return .argument(.member)
        case "<broker>": return .argument(.broker)
        case "<KAFKA_ERROR>": return .errorName
        default:
            if word.hasPrefix("<") { return .end }
            // A key with a value to make up (`key=<k>`): the key.
            if let equals = word.firstIndex(of: "="), equals != word.startIndex {
                return .words([String(word[...equals])])
            }
            return .words([word])
        }
    }
}
