/// The pre-2.4 partitioner for records without a key: classic round robin per record, per topic.
///
/// Kafka 2.3: `DefaultPartitioner.partition` with a null key and `DefaultPartitioner.nextValue`
/// (a per-topic `AtomicInteger` initialised to `ThreadLocalRandom.current().nextInt()`).
public struct RoundRobinNullKeyPartitioner<Source: RandomPartitionSource>: Sendable {
    /// Where each topic's starting counter comes from.
    public var random: Source
    /// The next counter value per topic.
    public private(set) var counters: [String: Int32] = [:]

    /// Creates a partitioner.
    public init(random: Source) {
        self.random = random
    }

    /// The partition of the next null-key record of `topic`:
    /// `available[toPositive(counter++) % #available]`, or `toPositive(counter) % partitionCount` if none is available.
    public mutating func partition(topic: String, partitionCount: Int, availablePartitions: [Int]) -> Int {
        let value = counters[topic] ?? random.nextInt()
        counters[topic] = value &+ 1
        let positive = Int(Murmur2.toPositive(value))
        if !availablePartitions.isEmpty {
            return availablePartitions[positive % availablePartitions.count]
        }
        precondition(partitionCount > 0, "a topic has at least one partition")
        return positive % partitionCount
    }
}

extension RoundRobinNullKeyPartitioner: Equatable where Source: Equatable {}
extension RoundRobinNullKeyPartitioner: Hashable where Source: Hashable {}
