/// One consumer of a classic group: identity, subscription, assignment, and the client-side fetch positions.
///
/// Kafka: the coordinator's `ClassicGroupMember` plus what the member's `KafkaConsumer` holds
/// (`SubscriptionState` positions, `ConsumerCoordinator` auto-commit timer).
public struct ConsumerGroupMember: Hashable, Sendable {
    /// `member.id`: `<client.id>-<random UUID>` as the coordinator generates it.
    public var memberID: String
    /// `client.id` (the name the scenario uses).
    public var clientID: String
    /// `group.instance.id` for a static member.
    public var instanceID: String?
    /// `client.rack` (KIP-392: fetch from a replica in this rack).
    public var rack: String?
    /// The host the coordinator saw.
    public var host = "/127.0.0.1"
    /// Subscribed topics.
    public var topics: [String]
    /// The assignor it asks for.
    public var assignor: String
    /// Its current assignment.
    public var assignment: [TopicPartition] = []
    /// The next offset to fetch per assigned partition (`SubscriptionState.position`).
    public var positions: [TopicPartition: Int64] = [:]
    /// The leader epoch of the last record consumed before each position (`FetchPosition.offsetEpoch`, KIP-320);
    /// absent for a position that came from an offset reset.
    public var positionEpochs: [TopicPartition: Int] = [:]
    /// `enable.auto.commit` (default true).
    public var autoCommit = true
    /// `auto.commit.interval.ms` (default 5000).
    public var autoCommitInterval = SimulatedDuration.seconds(5)
    /// When the next auto-commit is due (checked on `poll`).
    public var nextAutoCommit = SimulatedInstant.start
    /// `auto.offset.reset` (default latest).
    public var resetToEarliest = false
    /// `session.timeout.ms` (default 45000).
    public var sessionTimeout = SimulatedDuration.seconds(45)
    /// Whether the process is gone (crashed, or a static member that closed): no heartbeats, no polls.
    public var isGone = false
    /// When the coordinator last heard from it.
    public var lastHeartbeat = SimulatedInstant.start
    /// A serial number that identifies it in events.
    public var serial = MemberSerial(0)

    /// Creates a member.
    public init(memberID: String, clientID: String, topics: [String], assignor: String) {
        self.memberID = memberID
        self.clientID = clientID
        self.topics = topics
        self.assignor = assignor
    }

    /// The member as the client-side assignors see it.
    var asGroupMember: GroupMember {
        GroupMember(
            memberID: memberID, groupInstanceID: instanceID, subscribedTopics: topics, ownedPartitions: assignment)
    }
}
