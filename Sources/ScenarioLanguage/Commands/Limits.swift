import Diagnostics
import Replication

/// Caps that keep any scenario from exhausting memory or time; each error names its cap and how to raise it.
///
/// A lesson that needs more is too big for a reader to follow, and the same lesson must verify the same way on every
/// machine, so the caps are fixed (`standard`) — except that a scale (1 to 1000) multiplies every cap except broker
/// ids, for benchmarks and stress runs that need huge scenarios on purpose (docs/robustness.md). The library reads no
/// environment: the command line turns `REPLICALAB_LIMIT_SCALE` into a scale and passes the limits in.
public struct Limits: Hashable, Sendable {
    /// The caps lessons are verified with.
    public static let standard = Limits()

    /// The factor every cap except broker ids is multiplied by, 1 to 1000.
    public let scale: Int

    /// Caps multiplied by `scale` (clamped to 1…1000).
    public init(scale: Int = 1) {
        self.scale = min(1_000, max(1, scale))
    }

    /// The scale that `REPLICALAB_LIMIT_SCALE=<text>` asks for: 1 when unset or not a whole number in 1…1000.
    public static func scale(fromSetting text: String?) -> Int {
        guard let text, let value = Int(text), (1...1000).contains(value) else { return 1 }
        return value
    }

    /// Most brokers in one cluster.
    public var brokers: Int { 1_000 * scale }
    /// Largest broker id.
    public var brokerID: Int { 1_000_000 }
    /// Most partitions in one cluster (all topics together).
    public var partitions: Int { 1_000 * scale }
    /// Most partition replicas in one cluster (partitions × replication factor, all topics together).
    public var replicas: Int { 5_000 * scale }
    /// Most records in one produce request.
    public var records: Int { 10_000 * scale }
    /// Most records one scenario may write, counted once per replica of the partition written to.
    public var scenarioRecords: Int64 { 100_000 * Int64(scale) }
    /// Longest `advance` (and `slow lag=`), in milliseconds: one hour.
    public var advanceMilliseconds: Int64 { 3_600_000 * Int64(scale) }
    /// The simulated time a scenario may reach, in milliseconds: one day.
    public var scenarioMilliseconds: Int64 { 86_400_000 * Int64(scale) }
    /// Most engine work per scenario: every event counts once plus once per partition and per produce request checked
    /// after it.
    public var engineWork: Int64 { 2_000_000 * Int64(scale) }
    /// Most lines in one scenario.
    public var lines: Int { 1_000 * scale }
    /// Most bytes of transcript output one scenario may print.
    public var outputBytes: Int { 1_000_000 * scale }

    /// Bytes of one lesson file or scenario script (a budget of the course, see `Budgets` in Course).
    public var inputBytes: Int { 1_048_576 * scale }

    /// A lesson file or script larger than `inputBytes`, located at its start.
    public func inputTooLarge(_ path: String) -> Diagnostic {
        .error(
            "this file is larger than \(inputBytes) bytes, the budget for one lesson or script; split the lesson",
            at: SourceLocation(file: path, line: 1, column: 1), notes: [.init(Self.whereToRaiseBudgets)])
    }

    /// Why the budgets exist and how to raise them, for the note of every budget error (whose message states the
    /// budget itself). A user has only the binary: the note names the setting, never where the budgets are defined.
    public static let whereToRaiseBudgets =
        "budgets keep a lesson and the course small enough to verify and build; for a stress run, REPLICALAB_LIMIT_SCALE=<n> (1 to 1000) multiplies every budget; see docs/robustness.md"

    /// How to raise a cap, for the note of every cap error (which states the cap itself).
    static let whereToRaise =
        "caps keep scenarios small enough to follow; for a stress run, REPLICALAB_LIMIT_SCALE=<n> (1 to 1000) multiplies every cap but the largest broker id"

    /// The longest `advance` as a duration.
    var advance: SimulatedDuration { .milliseconds(advanceMilliseconds) }

    /// The last instant a scenario's clock may reach.
    var scenarioEnd: SimulatedInstant { .start + .milliseconds(scenarioMilliseconds) }

    /// The engine budget a scenario's cluster runs with.
    var engineBudget: EngineBudget { EngineBudget(work: engineWork, time: scenarioEnd) }
}
