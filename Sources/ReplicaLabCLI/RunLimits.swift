import Course
import Foundation
import ScenarioLanguage

extension Limits {
    /// The caps every scenario of this run is verified with: the standard ones, multiplied by
    /// `REPLICALAB_LIMIT_SCALE` (1 to 1000) when it is set, for stress runs and benchmarks (docs/robustness.md).
    static let ofThisRun = Limits(
        scale: Limits.scale(fromSetting: ProcessInfo.processInfo.environment["REPLICALAB_LIMIT_SCALE"]))
}

extension Budgets {
    /// The budgets of this run: those that go with `Limits.ofThisRun`.
    static let ofThisRun = Budgets(limits: .ofThisRun)
}
