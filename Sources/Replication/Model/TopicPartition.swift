/// A partition of a topic, written `<topic>-<partition>` as Kafka's `TopicPartition.toString` does.
public struct TopicPartition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The topic name.
    public var topic: String
    /// The partition number, from 0.
    public var partition: Int

    /// Creates a topic-partition.
    public init(_ topic: String, _ partition: Int) {
        self.topic = topic
        self.partition = partition
    }

    /// Parses `<topic>-<partition>`: the partition is the text after the last `-`, so topic names may contain `-`.
    /// A partition is a Kafka int (32 bits), whatever `Int` is.
    public init?(parsing text: some StringProtocol) {
        guard let dash = text.lastIndex(of: "-"), dash != text.startIndex,
            let partition = Int32(text[text.index(after: dash)...]).map(Int.init), partition >= 0
        else { return nil }
        self.init(String(text[..<dash]), partition)
    }

    public var description: String { "\(topic)-\(partition)" }

    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}
