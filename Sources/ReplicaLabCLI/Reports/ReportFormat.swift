import ArgumentParser
import Diagnostics

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

/// What a machine-readable report may not carry raw, though its format allows it: a CI log shows reports too.
enum LogSafety {
    /// Whether the scalar at `index` must be written as an escape: a C1 control, a line or paragraph separator or a
    /// bidirectional override (C0 controls are escaped by the formats themselves), or the `#` that starts a `##[`
    /// workflow command.
    static func mustEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        if scalar.value >= 0x7F && ConsoleText.isControl(scalar) { return true }
        return scalar == "#" && index + 2 < scalars.count && scalars[index + 1] == "#" && scalars[index + 2] == "["
    }
}
