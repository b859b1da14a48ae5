/// Something that happens at a simulated instant.
///
/// Events at the same time run in a total order: by `kind` (the declaration order below: the controller's session
/// expiry first, then the controller's periodic elections, heartbeats, fetch responses, fetch arrivals at the leader, fetcher ticks, parked-fetch expiries, ISR-expiry checks, request timeouts, then the
/// clients' events: producer sends, delivery timeouts, consumer session expiry), then by broker id, then by topic-partition, then by request id, then by the order they were scheduled.
public struct ScheduledEvent: Hashable, Sendable, Comparable {
    /// What happens.
    public enum Kind: Hashable, Sendable, Comparable {
        /// The controller checks whether `broker`'s session (last heartbeat + session timeout) has expired.
        case sessionExpiry
        /// The controller's periodic preferred-leader election (`auto.leader.rebalance.enable`); `broker` is -1.
        case electPreferred
        /// The controller's periodic unclean election for leaderless partitions; `broker` is -1.
        case electUnclean
        /// `broker` heartbeats to the controller.
        case heartbeat
        /// A fetch response (fetch session `requestID`) reaches follower `broker`.
        case fetchResponse
        /// A fetch request (fetch session `requestID`) of follower `broker` reaches its leader.
        case fetchArrival
        /// Follower `broker`'s fetcher tick: it starts a fetch to every leader it has none outstanding with.
        case fetch
        /// A fetch (session `requestID`) parked at the leader reaches `replica.fetch.wait.max.ms`.
        case fetchExpiry
        /// Leader `broker` runs its ISR-expiry task (`replica.lag.time.max.ms / 2`).
        case isrExpiry
        /// A produce request times out (`request.timeout.ms`).
        case requestTimeout
        /// A named producer (`requestID` = its index) drains its accumulator: a back-off ended or a batch is new.
        case producerSend
        /// A producer batch (`requestID` = batch id) reaches `delivery.timeout.ms`.
        case deliveryTimeout
        /// The group coordinator checks the session of a consumer group member (`requestID` = member serial).
        case consumerSessionExpiry
    }

    /// When it happens, in simulated milliseconds.
    public var time: Int
    /// What happens.
    public var kind: Kind
    /// The broker concerned.
    public var broker: BrokerID
    /// The partition concerned (fetch responses).
    public var partition: TopicPartition?
    /// The produce request concerned (timeouts), or the response payload id (fetch responses).
    public var requestID: Int
    /// Insertion order, the last tie-breaker.
    public var sequence: Int

    public static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.broker != rhs.broker { return lhs.broker < rhs.broker }
        if lhs.partition != rhs.partition {
            guard let left = lhs.partition else { return true }
            guard let right = rhs.partition else { return false }
            return left < right
        }
        if lhs.requestID != rhs.requestID { return lhs.requestID < rhs.requestID }
        return lhs.sequence < rhs.sequence
    }
}
