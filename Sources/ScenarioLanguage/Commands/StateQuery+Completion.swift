import Replication

extension StateQuery {
    /// What a query can hold at a position: completion in `let` lines, in the sandbox and in prose references
    /// offers values of this kind.
    public enum Slot: Equatable, Sendable {
        /// A query word (`leader`, `isr`, …).
        case kind
        /// A partition like `orders-0`.
        case partition
        /// A consumer group.
        case group
        /// A topic.
        case topic
        /// A member of the group.
        case member(ofGroup: String)
        /// A broker holding a replica of the partition.
        case broker(holding: TopicPartition?)
        /// One of these words.
        case words([String])
        /// Nothing more.
        case end
    }

    /// The slot after `words`, the query's complete words so far (`["leo", "orders-0"]`).
    public static func slot(after words: [String]) -> Slot {
        guard let first = words.first else { return .kind }
        guard let kind = Kind(rawValue: first) else { return .end }
        switch (kind, words.count) {
        case (.time, 1): return .words(["in"])
        case (.time, 2) where words[1] == "in": return .words(TimeUnit.allCases.map { $0.rawValue })
        case (.time, _): return .end
        case (.lag, 1), (.committed, 1): return .group
        case (.lag, 2), (.committed, 2): return .partition
        case (.lag, _), (.committed, _): return .end
        case (.assignment, 1), (.generation, 1): return .group
        case (.assignment, 2): return .member(ofGroup: words[1])
        case (.assignment, _), (.generation, _): return .end
        case (.leads, 1), (.follows, 1): return .broker(holding: nil)
        case (.leads, 2), (.follows, 2): return .topic
        case (.leads, _), (.follows, _): return .end
        case (.partition, 1): return .topic
        case (.partition, 2): return .words(["key="])
        case (.partition, _): return .end
        case (_, 1): return .partition
        case (.leo, 2), (.hw, 2): return .words(["on"])
        case (.leo, 3) where words[2] == "on", (.hw, 3) where words[2] == "on":
            return .broker(holding: TopicPartition(parsing: words[1]))
        default: return .end
        }
    }
}
