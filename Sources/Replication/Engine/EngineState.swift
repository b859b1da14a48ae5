/// The running part of a cluster: virtual clock, event queue, broker states, produce requests, findings.
public struct EngineState: Hashable, Sendable {
    /// The simulated time, in milliseconds since the cluster started.
    public internal(set) var now = 0
    /// Scheduled events.
    var queue = EventQueue()
    /// Every partition, sorted by topic then partition.
    var partitionIDs: [TopicPartition] = []
    /// Brokers whose periodic events (heartbeat, fetch, ISR expiry) are scheduled.
    var started: Set<BrokerID> = []
    /// Per-broker running state.
    public internal(set) var runtimes: [BrokerID: BrokerRuntime] = [:]
    /// Broker-wide and producer settings.
    public internal(set) var config = EngineConfig()
    /// Every produce request so far, by id (from 1).
    public internal(set) var requests: [Int: ProduceRequest] = [:]
    /// The last request id handed out.
    var lastRequestID = 0
    /// Fetch responses in flight, by payload id.
    var inFlight: [Int: FetchResponse] = [:]
    /// `broker/topic-partition` keys of fetches awaiting their response.
    var awaitingResponse: Set<String> = []
    /// The last payload id.
    var lastPayloadID = 0
    /// Invariant breaks and data loss, in the order they were found.
    public internal(set) var findings: [Finding] = []
    /// Keys of findings already reported (a lasting break is reported once).
    var reportedFindings: Set<String> = []
    /// What happened, time-stamped, for transcripts (`[9s] broker 1 fenced`).
    public internal(set) var eventLog: [String] = []

    /// Caps on work and simulated time (unlimited unless set).
    var budget = EngineBudget()
    /// Work done so far (see `EngineBudget.work`).
    var workDone = 0
    /// The cap a run stopped at; once set, the clock no longer runs.
    var exhaustedBudget: EngineBudget.Cap?

    /// Creates an idle engine at time 0.
    public init() {}

    /// Invariant breaks only (not data loss after unclean elections).
    public var invariantBreaks: [Finding] { findings.filter(\.kind.isInvariantBreak) }
}
