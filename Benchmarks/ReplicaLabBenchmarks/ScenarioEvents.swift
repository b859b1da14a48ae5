import Diagnostics
import Replication
import ScenarioLanguage

/// Where a course's engine events go: runs every ```` ```scenario ```` block of the Markdown read from standard input
/// (`cat Lessons/*.md | ReplicaLabBenchmarks events`) as `check` runs it (a fresh cluster, the default seed) and
/// sums, per statement position and per command, the events the engine ran, the idle stretches it skipped, the work
/// it counted and the CPU time of the step. Positions make sense for a course whose scenarios share one shape (the
/// synthetic course); the per-command sums for any course.
struct ScenarioEvents {
    /// What steps of one kind cost, summed over the scenarios.
    struct Totals {
        var text = ""
        var steps = 0
        var events: Int64 = 0
        var skipped = 0
        var attempts = 0
        var work: Int64 = 0
        var cpuSeconds = 0.0

        mutating func add(events: Int64, skipped: Int, attempts: Int, work: Int64, cpu: Double) {
            steps += 1
            self.attempts += attempts
            self.events += events
            self.skipped += skipped
            self.work += work
            cpuSeconds += cpu
        }
    }

    var byPosition: [Totals] = []
    var byCommand: [String: Totals] = [:]
    var scenarios = 0
    var total = Totals()

    /// The scenario blocks of a Markdown text.
    static func scenarioBlocks(of markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if var lines = current {
                if line.hasPrefix("```") {
                    blocks.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    lines.append(line)
                    current = lines
                }
            } else if line.hasPrefix("```scenario") {
                current = []
            }
        }
        return blocks
    }

    mutating func run(_ text: String) {
        let (script, problems) = ScenarioParser.parse(
            text, sourceMap: .identity(file: "scenario", lineCount: SourceMap.lines(of: text).count))
        guard problems.isEmpty else { return }
        scenarios += 1
        var runner = ScenarioRunner(seed: ScriptRun.defaultSeed)
        for (index, statement) in script.statements.enumerated() {
            let events = runner.cluster?.eventCount ?? 0
            let skipped = runner.cluster?.skippedIdleStretches ?? 0
            let attempts = runner.cluster?.idleStretchAttempts ?? 0
            let work = runner.cluster?.workDone ?? 0
            let cpu = processCPUSeconds()
            runner.execute(statement)
            let spent = processCPUSeconds() - cpu
            let ran = (runner.cluster?.eventCount ?? 0) - events
            let skips = (runner.cluster?.skippedIdleStretches ?? 0) - skipped
            let tries = (runner.cluster?.idleStretchAttempts ?? 0) - attempts
            let worked = (runner.cluster?.workDone ?? 0) - work
            if byPosition.count <= index { byPosition.append(Totals(text: statement.text)) }
            byPosition[index].add(events: ran, skipped: skips, attempts: tries, work: worked, cpu: spent)
            let command = String(statement.text.split(separator: " ").first ?? "")
            byCommand[command, default: Totals(text: command)].add(
                events: ran, skipped: skips, attempts: tries, work: worked, cpu: spent)
            total.add(events: ran, skipped: skips, attempts: tries, work: worked, cpu: spent)
        }
    }

    /// A Markdown table of the sums: per step, the mean events, skipped stretches, attempts to find one, work and CPU
    /// microseconds.
    func report() -> String {
        func row(_ label: String, _ totals: Totals) -> String {
            let steps = Double(max(totals.steps, 1))
            let mean = { (value: Double) in String(Int((value / steps).rounded())) }
            let hundredths = { (value: Int) in Double(Int(Double(value) / steps * 100)) / 100 }
            return "| \(label) | \(totals.steps) | \(mean(Double(totals.events))) | "
                + "\(hundredths(totals.skipped)) | \(hundredths(totals.attempts)) | \(mean(Double(totals.work))) | "
                + "\(mean(totals.cpuSeconds * 1e6)) |"
        }
        var lines = [
            "\(scenarios) scenarios, \(total.steps) steps, \(total.events) events, \(total.skipped) skipped stretches, "
                + "\(total.attempts) attempts, "
                + "\(Int(total.cpuSeconds * 1000)) ms CPU", "",
            "| step | count | events | skipped stretches | attempts | work | CPU µs |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for (index, totals) in byPosition.enumerated() { lines.append(row("\(index + 1) `\(totals.text)`", totals)) }
        lines.append("")
        lines.append("| command | count | events | skipped stretches | attempts | work | CPU µs |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for command in byCommand.keys.sorted() { lines.append(row(command, byCommand[command]!)) }
        return lines.joined(separator: "\n")
    }
}

/// Reads standard input to its end.
func readStandardInput() -> String {
    var text = ""
    while let line = readLine(strippingNewline: false) { text += line }
    return text
}
