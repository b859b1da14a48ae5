extension Transcript {
    /// The transcript of a scenario that was not run (because it did not parse).
    public static var empty: Transcript { Transcript(steps: [], diagnostics: []) }
}
