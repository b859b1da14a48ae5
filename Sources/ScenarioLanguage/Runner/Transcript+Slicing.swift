import Diagnostics

extension Transcript {
    /// The transcript of a scenario that was not run (because it did not parse).
    public static var empty: Transcript { Transcript(steps: [], diagnostics: []) }

    /// The part of a transcript after its first `steps` steps and `diagnostics` diagnostics: what a scenario that
    /// continues an earlier one added.
    public func dropping(steps: Int, diagnostics: Int) -> Transcript {
        Transcript(
            steps: Array(self.steps.dropFirst(steps)), diagnostics: Array(self.diagnostics.dropFirst(diagnostics)))
    }
}
