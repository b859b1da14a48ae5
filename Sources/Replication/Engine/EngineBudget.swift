/// How much a cluster may run: a cap on engine work and on simulated time, so no input can make a run go on forever.
///
/// Work counts every event once plus once per partition and per produce request (the checks after an event
/// go through all of them), so a big cluster spends its budget faster, as it spends real time faster. A skipped idle
/// stretch counts as one event: the budget counts the work the engine does, not the simulated events it stands for.
public struct EngineBudget: Hashable, Sendable {
    /// Which cap a run stopped at.
    public enum Cap: String, Hashable, Sendable {
        /// The work cap (`work`).
        case work
        /// The simulated-time cap (`time`).
        case time
    }

    /// Most work units (events, and the partition and request checks after each) over the cluster's life.
    public var work: Int64
    /// The simulated instant the clock may not pass.
    public var time: SimulatedInstant

    /// Creates a budget; the defaults are unlimited.
    public init(work: Int64 = .max, time: SimulatedInstant = .distantFuture) {
        self.work = work
        self.time = time
    }
}

extension Cluster {
    /// The caps every run of this cluster stops at.
    public var budget: EngineBudget {
        get { engine.budget }
        set { engine.budget = newValue }
    }

    /// The work done so far (see `EngineBudget.work`).
    public var workDone: Int64 { engine.workDone }

    /// How many events the engine has run (skipped idle ones included), for measuring the cost of one.
    public var eventCount: Int64 { engine.eventCount }

    /// The cap a run stopped at, if one did; later runs do nothing.
    public var exhaustedBudget: EngineBudget.Cap? { engine.exhaustedBudget }

    /// The work one event counts: the event, then the checks after it, which go through every partition and every
    /// produce request still waiting for its outcome (a finished request is never looked at again, so counting every
    /// request ever sent made the work of an event grow with the scenario's length).
    var workPerEvent: Int64 { 1 + Int64(engine.partitionIDs.count) + Int64(engine.pendingRequestIDs.count) }

    /// Whether one more event fits the budget; records the exhausted cap when not.
    mutating func canRunAnotherEvent() -> Bool {
        if engine.exhaustedBudget != nil { return false }
        if engine.workDone >= engine.budget.work {
            engine.exhaustedBudget = .work
            return false
        }
        return true
    }
}
