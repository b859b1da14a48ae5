/// One record in a replica's log.
public struct Record: Hashable, Sendable {
    /// The record's offset in the partition.
    public var offset: Int
    /// The leader epoch of the leader that appended it (carried by its batch in Kafka).
    public var leaderEpoch: Int
    /// The record key, if any.
    public var key: String?
    /// The record value.
    public var value: String

    /// Creates a record.
    public init(offset: Int, leaderEpoch: Int, key: String? = nil, value: String) {
        self.offset = offset
        self.leaderEpoch = leaderEpoch
        self.key = key
        self.value = value
    }
}
