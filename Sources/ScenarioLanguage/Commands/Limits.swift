import Replication

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Caps that keep any scenario from exhausting memory or time; each error names its cap and how to raise it.
///
/// A lesson that needs more is too big for a reader to follow, and the same lesson must verify the same way on every
/// machine, so the caps are fixed — except that `REPLICALAB_LIMIT_SCALE=<n>` (1 to 1000) multiplies every cap
/// except broker ids, for benchmarks and stress runs that need huge scenarios on purpose (docs/robustness.md).
public enum Limits {
    /// The factor every cap is multiplied by: `REPLICALAB_LIMIT_SCALE`, 1 when unset or invalid.
    public static let scale: Int = {
        guard let text = getenv("REPLICALAB_LIMIT_SCALE").map({ String(cString: $0) }), let value = Int(text),
            (1...1000).contains(value)
        else { return 1 }
        return value
    }()

    /// Most brokers in one cluster.
    public static let brokers = 1_000 * scale
    /// Largest broker id.
    public static let brokerID = 1_000_000
    /// Most partitions in one cluster (all topics together).
    public static let partitions = 1_000 * scale
    /// Most partition replicas in one cluster (partitions × replication factor, all topics together).
    public static let replicas = 5_000 * scale
    /// Most records in one produce request.
    public static let records = 10_000 * scale
    /// Most records one scenario may write, counted once per replica of the partition written to.
    public static let scenarioRecords = 100_000 * scale
    /// Longest `advance` (and `slow lag=`), in milliseconds: one hour.
    public static let advanceMilliseconds = 3_600_000 * Int64(scale)
    /// The simulated time a scenario may reach, in milliseconds: one day.
    public static let scenarioMilliseconds = 86_400_000 * Int64(scale)
    /// Most engine work per scenario: every event counts once plus once per partition and per produce request checked after it.
    public static let engineWork = 2_000_000 * Int64(scale)
    /// Most lines in one scenario.
    public static let lines = 1_000 * scale
    /// Most bytes of transcript output one scenario may print.
    public static let outputBytes = 1_000_000 * scale

    /// Where the caps are, for diagnostics.
    static let whereToRaise =
        "caps are in Sources/ScenarioLanguage/Commands/Limits.swift; REPLICALAB_LIMIT_SCALE=<n> multiplies them for stress runs"

    /// The engine budget a scenario's cluster runs with.
    static var engineBudget: EngineBudget {
        EngineBudget(work: engineWork, time: .start + .milliseconds(scenarioMilliseconds))
    }
}
