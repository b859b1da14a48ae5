/// A fetch response on its way from a leader to a follower.
///
/// Kafka: `FetchResponseData.PartitionData` — records, the leader's high watermark, and a diverging epoch when the
/// follower's log has gone past the point where the leader's epochs agree (KIP-320 fetch-time truncation).
public struct FetchResponse: Hashable, Sendable {
    /// The partition.
    public var partition: TopicPartition
    /// The follower it goes to.
    public var follower: BrokerID
    /// The leader that answered.
    public var leader: BrokerID
    /// The leader epoch it answered in.
    public var leaderEpoch: Int
    /// The records from the fetch offset up to the leader's LEO: slices of the leader's batches, shared, not copied
    /// (usually one slice, kept inline).
    var records = InlineList<RecordSlice>()
    /// The leader's high watermark after handling the fetch.
    public var highWatermark: Int64 = 0
    /// `(epoch, endOffset)` when the follower must truncate first.
    public var divergingEpoch: LeaderEpochCache.Entry?
}
