/// Something the engine has scheduled to happen, with the ids it concerns.
///
/// The cases are declared in the order events at the same instant run (see `ScheduledEvent`).
public enum EngineEvent: Hashable, Sendable {
    /// The controller checks whether the broker's session (last heartbeat + `broker.session.timeout.ms`) expired.
    case sessionExpiry(BrokerID)
    /// The controller's periodic preferred-leader election (`auto.leader.rebalance.enable`).
    case electPreferred
    /// The controller's periodic unclean election for leaderless partitions.
    case electUnclean
    /// The broker heartbeats to the controller.
    case heartbeat(BrokerID)
    /// A fetch response reaches its follower.
    case fetchResponse(FetchSessionID, follower: BrokerID)
    /// A follower's fetch request reaches its leader.
    case fetchArrival(FetchSessionID, follower: BrokerID)
    /// The follower's fetcher tick: it starts a fetch to every leader it has none outstanding with.
    case fetcherTick(BrokerID)
    /// A fetch parked at the leader reaches `replica.fetch.wait.max.ms`.
    case fetchExpiry(FetchSessionID, follower: BrokerID)
    /// The leader runs its ISR-expiry task (`replica.lag.time.max.ms / 2`).
    case isrExpiry(BrokerID)
    /// A produce request sent to `leader` times out (`request.timeout.ms`).
    case requestTimeout(ProduceRequestID, leader: BrokerID)
    /// A named producer drains its accumulator: a back-off ended, a batch is new, or an answer came in.
    case producerSend(ProducerIndex)
    /// A producer batch reaches `delivery.timeout.ms`.
    case deliveryTimeout(ProducerBatchID)
    /// The group coordinator checks the session of a consumer-group member.
    case consumerSessionExpiry(MemberSerial)

    /// The position of the event's kind in the order of one instant (the declaration order above).
    var kindRank: Int {
        switch self {
        case .sessionExpiry: 0
        case .electPreferred: 1
        case .electUnclean: 2
        case .heartbeat: 3
        case .fetchResponse: 4
        case .fetchArrival: 5
        case .fetcherTick: 6
        case .fetchExpiry: 7
        case .isrExpiry: 8
        case .requestTimeout: 9
        case .producerSend: 10
        case .deliveryTimeout: 11
        case .consumerSessionExpiry: 12
        }
    }

    /// The broker the event concerns (the follower of a fetch, the leader of a request), or -1 for the controller's
    /// and the clients' events; the second key of the order within a kind.
    var brokerRank: Int {
        switch self {
        case .sessionExpiry(let broker), .heartbeat(let broker), .fetcherTick(let broker), .isrExpiry(let broker):
            broker
        case .fetchResponse(_, let follower), .fetchArrival(_, let follower), .fetchExpiry(_, let follower):
            follower
        case .requestTimeout(_, let leader): leader
        case .electPreferred, .electUnclean, .producerSend, .deliveryTimeout, .consumerSessionExpiry: -1
        }
    }

    /// The request, session, producer, batch or member id: the third key of the order within a kind.
    var idRank: Int {
        switch self {
        case .fetchResponse(let session, _), .fetchArrival(let session, _), .fetchExpiry(let session, _):
            session.rawValue
        case .requestTimeout(let request, _): request.rawValue
        case .producerSend(let producer): producer.rawValue
        case .deliveryTimeout(let batch): batch.rawValue
        case .consumerSessionExpiry(let member): member.rawValue
        case .sessionExpiry, .electPreferred, .electUnclean, .heartbeat, .fetcherTick, .isrExpiry: 0
        }
    }
}

/// An event with the instant it happens at.
///
/// Events at the same instant run in a total order: by kind (the order `EngineEvent` declares: the controller's
/// session expiry first, then its periodic elections, heartbeats, fetch responses, fetch arrivals at the leader,
/// fetcher ticks, parked-fetch expiries, ISR-expiry checks, request timeouts, then the clients' events: producer sends,
/// delivery timeouts, consumer session expiry), then by broker id, then by request, session, producer, batch or
/// member id, then by the order they were scheduled.
public struct ScheduledEvent: Hashable, Sendable, Comparable {
    /// When it happens.
    public let time: SimulatedInstant
    /// What happens.
    public let event: EngineEvent
    /// Insertion order, the last tie-breaker (only identical events share everything else).
    let sequence: Int
    /// The event's order keys (`EngineEvent.kindRank`, `brokerRank`, `idRank`), worked out once: the queue compares
    /// events several times per event it runs.
    private let kindRank: Int
    private let brokerRank: Int
    private let idRank: Int

    /// An event at `time`, scheduled as the `sequence`th.
    init(time: SimulatedInstant, event: EngineEvent, sequence: Int) {
        self.time = time
        self.event = event
        self.sequence = sequence
        kindRank = event.kindRank
        brokerRank = event.brokerRank
        idRank = event.idRank
    }

    public static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.kindRank != rhs.kindRank { return lhs.kindRank < rhs.kindRank }
        if lhs.brokerRank != rhs.brokerRank { return lhs.brokerRank < rhs.brokerRank }
        if lhs.idRank != rhs.idRank { return lhs.idRank < rhs.idRank }
        return lhs.sequence < rhs.sequence
    }
}
