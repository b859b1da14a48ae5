/// The running part of a cluster: virtual clock, event queue, broker states, produce requests, and the oracle.
public struct EngineState: Hashable, Sendable {
    /// The simulated time.
    public internal(set) var now = SimulatedInstant.start
    /// Scheduled events.
    var queue = EventQueue()
    /// Every partition, sorted by topic then partition.
    var partitionIDs: [TopicPartition] = []
    /// Brokers whose periodic events (heartbeat, fetch, ISR expiry) are scheduled.
    var started: Set<BrokerID> = []
    /// When the controller's deferred preferred election runs, if it is scheduled.
    var balanceCheckAt: SimulatedInstant?
    /// When the controller's deferred unclean election check runs, if it is scheduled.
    var uncleanCheckAt: SimulatedInstant?
    /// Whether a leader changed or partitions were created since the controller's checks were last considered.
    var controllerTasksMayBeDue = false
    /// Per-broker running state.
    public internal(set) var runtimes = BrokerRuntimes()
    /// Broker-wide and producer settings.
    public internal(set) var config = EngineConfig()
    /// Every produce request so far, by id (from 1).
    public internal(set) var requests = IDTable<ProduceRequestID, ProduceRequest>()
    /// Ids of requests without an outcome yet, ascending: the only ones completion checks after every event look at.
    public internal(set) var pendingRequestIDs: [ProduceRequestID] = []
    /// Outstanding follower fetches (request, parked at the leader, or response), by session id.
    var fetchSessions = FetchSessionTable()
    /// Which partitions each follower fetches from which leader (derived, cached between leadership changes).
    var fetchRoutes = FetchRoutes()
    /// The last fetch session id handed out.
    var lastFetchSessionID = FetchSessionID(0)
    /// The invariant checker and its history (it reads the cluster after every event; nothing reads it back).
    var oracle = InvariantChecker()
    /// The partitions written since the oracle last checked.
    var touched = TouchedPartitions()
    /// What happened, time-stamped, for transcripts (`[9s] broker 1 fenced`).
    public internal(set) var eventLog = ChunkedArray<String>()
    /// Named producers, by index (creation order).
    public internal(set) var producers: [ProducerClient] = []
    /// Named producers' indexes, by name.
    var producerIndexes: [String: ProducerIndex] = [:]
    /// Every batch named producers created, by id (from 1).
    public internal(set) var batches = IDTable<ProducerBatchID, ProducerBatch>()
    /// The last producer id handed out by `InitProducerId` (the first is 0, as a new KRaft cluster's first block).
    var lastProducerID: Int64 = -1
    /// The null-key partitioner of `produce` lines without `producer=`, once used.
    var defaultPartitioner: NullKeyPartitioner?
    /// The metadata of `produce` lines without `producer=` (Kafka's default `metadata.max.age.ms`, 5 minutes).
    var defaultProducerMetadata = ProducerMetadata(maxAge: .minutes(5))
    /// Consumer groups, by group id.
    public internal(set) var groups: [String: ConsumerGroup] = [:]
    /// The last serial number given to a group member (identifies it in session-expiry events).
    var lastMemberSerial = MemberSerial(0)

    /// Caps on work and simulated time (unlimited unless set).
    var budget = EngineBudget()
    /// Work done so far (see `EngineBudget.work`).
    var workDone: Int64 = 0
    /// Events run so far (for benchmarks: the cost of an event).
    var eventCount: Int64 = 0
    /// Whether and when idle stretches are skipped (not part of the state: see `QuiescenceControl`).
    var quiescence = QuiescenceControl()
    /// The cap a run stopped at; once set, the clock no longer runs.
    var exhaustedBudget: EngineBudget.Cap?

    /// Creates an idle engine at time 0.
    public init() {}

    /// Appends a time-stamped line to the event log.
    mutating func note(_ text: String) {
        eventLog.append("[\(now)] \(text)")
    }

    /// Invariant breaks and data loss, in the order they were found.
    public var findings: [Finding] { oracle.findings }

    /// Invariant breaks only (not data loss after unclean elections).
    public var invariantBreaks: [Finding] { findings.filter { $0.kind.isInvariantBreak } }

    /// The named producer called `name`, if there is one.
    public func producer(named name: String) -> ProducerClient? {
        producerIndexes[name].map { producers[$0.rawValue] }
    }
}
