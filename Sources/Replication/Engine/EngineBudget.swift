/// How much a cluster may run: a cap on engine work and on simulated time, so no input can make a run go on forever.
///
/// Work counts every event once plus once per partition and per produce request checked after it (the invariant, loss
/// and request checks run over all of them after every event), so a big cluster spends its budget faster, as it spends
/// real time faster.
public struct EngineBudget: Hashable, Sendable {
    /// Which cap a run stopped at.
    public enum Cap: String, Hashable, Sendable {
        /// The work cap (`work`).
        case work
        /// The simulated-time cap (`timeMs`).
        case time
    }

    /// Most work units (events, and the partition and request checks after each) over the cluster's life.
    public var work: Int
    /// The simulated time the clock may not pass, in milliseconds.
    public var timeMs: Int

    /// Creates a budget; the defaults are unlimited.
    public init(work: Int = .max, timeMs: Int = .max) {
        self.work = work
        self.timeMs = timeMs
    }
}

extension Cluster {
    /// The caps every run of this cluster stops at.
    public var budget: EngineBudget {
        get { engine.budget }
        set { engine.budget = newValue }
    }

    /// The work done so far (see `EngineBudget.work`).
    public var workDone: Int { engine.workDone }

    /// The cap a run stopped at, if one did; later runs do nothing.
    public var exhaustedBudget: EngineBudget.Cap? { engine.exhaustedBudget }

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
