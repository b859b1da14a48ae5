/// Where in a dictionary by topic name (`Cluster.topics`, the oracle's histories) the topic looked up last is
/// stored: the next lookup of the same name skips hashing it.
///
/// An event reads and writes the partitions of one topic many times over (a fetch, its partitions' HW updates, the
/// oracle's check after it), and every read went through a string hash of the topic name. A dictionary index stays
/// valid until a key is added or removed; every write to `topics` except the in-place partition accessors' forgets
/// the memo, and those never add or remove a topic. A cache, not state: two clusters that differ only here are equal.
struct TopicPositionMemo<Value: Sendable>: Hashable, Sendable {
    /// The topic name remembered, nil when nothing is.
    private var name: String?
    /// Its position in `topics`.
    private var position: Dictionary<String, Value>.Index?

    /// Creates an empty memo.
    init() {}

    /// The remembered position of `topic`, if it is the one remembered.
    func position(of topic: String) -> Dictionary<String, Value>.Index? {
        name == topic ? position : nil
    }

    /// Remembers where `topic` is.
    mutating func remember(_ topic: String, at position: Dictionary<String, Value>.Index) {
        name = topic
        self.position = position
    }

    /// Forgets the remembered position (a topic may have been added or removed).
    mutating func forget() {
        if name != nil {
            name = nil
            position = nil
        }
    }

    static func == (lhs: TopicPositionMemo, rhs: TopicPositionMemo) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

extension Cluster {
    /// The position of the topic called `name` in `topics`, remembered for the next lookup of the same name.
    mutating func topicPosition(of name: String) -> Dictionary<String, Topic>.Index? {
        if let position = topicMemo.position(of: name) { return position }
        guard let position = topics.index(forKey: name) else { return nil }
        topicMemo.remember(name, at: position)
        return position
    }

    /// The position of the topic called `name` in `topics`, from the memo when it is the topic remembered.
    func lookUpTopicPosition(of name: String) -> Dictionary<String, Topic>.Index? {
        topicMemo.position(of: name) ?? topics.index(forKey: name)
    }
}
