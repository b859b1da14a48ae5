import ArgumentParser

/// How `check` reports its results on standard output (the human summary always goes to standard error).
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Diagnostics and summary on standard error only.
    case human
    /// One JSON document: lessons, scenarios, steps, expectations, diagnostics with locations.
    case json
    /// JUnit XML: one testsuite per lesson, one testcase per scenario.
    case junit
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    case github
}

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour text written to `terminal`.
    func usesColor(for terminal: Terminal) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: terminal.usesColor
        }
    }
}
