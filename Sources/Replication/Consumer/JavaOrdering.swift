/// Java's orderings and hashing that Kafka's assignors depend on, so results match the JVM exactly.
public enum JavaOrdering {
    /// Java `String.compareTo`: lexicographic over UTF-16 code units (Swift's `<` on `String` is not).
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        var left = lhs.utf16.makeIterator()
        var right = rhs.utf16.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let l?, let r?) where l != r: return Int(l) - Int(r)
            default: continue
            }
        }
    }

    /// `compare(lhs, rhs) < 0`.
    public static func isLess(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Kafka's `TopicPartition` order in assignors: topic (Java order), then partition number.
    public static func isLess(_ lhs: TopicPartition, _ rhs: TopicPartition) -> Bool {
        let byTopic = compare(lhs.topic, rhs.topic)
        return byTopic != 0 ? byTopic < 0 : lhs.partition < rhs.partition
    }

    /// Java `String.hashCode`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code units, wrapping.
    public static func hashCode(_ string: String) -> Int32 {
        var h: Int32 = 0
        for unit in string.utf16 { h = h &* 31 &+ Int32(unit) }
        return h
    }

    /// The order in which a `java.util.HashMap<String, …>` created empty and filled with `keys` in the given order
    /// iterates them: by bucket `(h ^ (h >>> 16)) & (capacity - 1)` of the final table, then insertion order.
    ///
    /// Kafka's sticky assignor iterates such maps (`consumerToOwnedPartitions`), which decides who keeps
    /// `maxQuota` owned partitions. Buckets turned into trees (8+ colliding keys) are not modelled.
    public static func hashMapIterationOrder(_ keys: [String]) -> [String] {
        var capacity = 16
        while Double(keys.count) > Double(capacity) * 0.75 { capacity *= 2 }
        let mask = UInt32(capacity - 1)
        func bucket(_ key: String) -> UInt32 {
            let h = UInt32(bitPattern: hashCode(key))
            return (h ^ (h >> 16)) & mask
        }
        return keys.enumerated()
            .sorted { (bucket($0.element), $0.offset) < (bucket($1.element), $1.offset) }
            .map { $0.element }
    }
}
