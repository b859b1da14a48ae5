import Replication

/// Caps that keep any scenario from exhausting memory or time; each error names its cap and this file.
///
/// They are constants on purpose: a lesson that needs more is too big for a reader to follow, and the same lesson must
/// verify the same way on every machine. To raise one, change it here (docs/robustness.md lists them all).
public enum Limits {
    /// Most brokers in one cluster.
    public static let brokers = 1_000
    /// Largest broker id.
    public static let brokerID = 1_000_000
    /// Most partitions in one cluster (all topics together).
    public static let partitions = 1_000
    /// Most partition replicas in one cluster (partitions × replication factor, all topics together).
    public static let replicas = 5_000
    /// Most records in one produce request.
    public static let records = 10_000
    /// Most records one scenario may write, counted once per replica of the partition written to.
    public static let scenarioRecords = 100_000
    /// Longest `advance` (and `slow lag=`), in milliseconds: one hour.
    public static let advanceMilliseconds = 3_600_000
    /// The simulated time a scenario may reach, in milliseconds: one day.
    public static let scenarioMilliseconds = 86_400_000
    /// Most engine work per scenario: every event counts once plus once per partition and per produce request checked after it.
    public static let engineWork = 2_000_000
    /// Most lines in one scenario.
    public static let lines = 1_000
    /// Most bytes of transcript output one scenario may print.
    public static let outputBytes = 1_000_000

    /// Where the caps are, for diagnostics.
    static let whereToRaise = "caps are in Sources/ScenarioLanguage/Commands/Limits.swift"

    /// The engine budget a scenario's cluster runs with.
    static var engineBudget: EngineBudget { EngineBudget(work: engineWork, timeMs: scenarioMilliseconds) }
}
