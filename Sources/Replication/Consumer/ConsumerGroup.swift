/// A classic-protocol consumer group as its coordinator keeps it: state, generation, protocol, members, offsets.
///
/// Kafka: `org.apache.kafka.coordinator.group.classic.ClassicGroup` (state machine, `selectProtocol`) with the
/// offsets of `OffsetMetadataManager`.
public struct ConsumerGroup: Hashable, Sendable {
    /// Kafka: `ClassicGroupState`, spelled as `kafka-consumer-groups --describe --state` prints it.
    public enum State: String, Hashable, Sendable {
        /// No members.
        case empty = "Empty"
        /// A rebalance started; the coordinator waits for every member to rejoin.
        case preparingRebalance = "PreparingRebalance"
        /// Members rejoined; the leader's assignment is awaited.
        case completingRebalance = "CompletingRebalance"
        /// Everyone has its assignment.
        case stable = "Stable"
        /// The group was removed.
        case dead = "Dead"
    }

    /// The group id.
    public var groupID: String
    /// The state.
    public var state: State = .empty
    /// The generation, bumped by every completed rebalance.
    public var generation = 0
    /// The assignor the group uses (`range`, `roundrobin`, `sticky`, `cooperative-sticky`), once it has members.
    public var protocolName: String?
    /// Members in the order they joined.
    public var members: [ConsumerGroupMember] = []
    /// Committed offsets (the next record to consume).
    public var committed: [TopicPartition: Int64] = [:]
    /// The leader epoch committed with each offset (`OffsetAndMetadata.leaderEpoch`, KIP-320).
    public var committedEpochs: [TopicPartition: Int] = [:]

    /// Creates an empty group.
    public init(groupID: String) {
        self.groupID = groupID
    }

    /// The member whose client id (the scenario's name for it) is `name`.
    public func member(named name: String) -> ConsumerGroupMember? {
        members.first { $0.clientID == name }
    }

    /// The index of the member whose client id is `name`.
    func memberIndex(named name: String) -> Int? {
        members.firstIndex { $0.clientID == name }
    }
}
