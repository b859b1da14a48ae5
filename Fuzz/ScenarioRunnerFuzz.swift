import Diagnostics
import Replication
import ScenarioLanguage

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer target: the bytes choose a scenario of valid commands (a small cluster, faults, elections, configs,
/// produces, producers, consumers and groups, time), which must parse without a diagnostic and run without
/// crashing. When every election was clean and no broker lost unflushed data, the engine must report no invariant
/// break. Each scenario runs a second time with idle skipping off (`ScenarioRunner.skipsIdleTime`): skipping is a
/// pure optimisation, so the transcript, diagnostics and final clock must be the same (unless the event-by-event run
/// stopped at the work cap, which counts skipped stretches as one event).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioRunner(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var bytes = ByteReader(Array(UnsafeBufferPointer(start: data, count: count)))
    var generator = ScenarioGenerator()
    let lines = generator.lines(from: &bytes)
    let text = lines.joined(separator: "\n") + "\n"
    let (script, diagnostics) = ScenarioParser.parse(
        text, sourceMap: .identity(file: "fuzz.scenario", lineCount: lines.count))
    // FUZZ_PRINT=1 Fuzz/…/fuzz-runner <input> shows the scenario an input stands for.
    if getenv("FUZZ_PRINT") != nil { print(text) }
    precondition(diagnostics.isEmpty, "generated an invalid line: \(diagnostics)\n\(text)")
    var runner = ScenarioRunner(seed: 1)
    for statement in script.statements { runner.execute(statement) }
    if generator.isClean, let cluster = runner.cluster {
        precondition(
            cluster.invariantBreaks.isEmpty,
            "invariant break under clean elections: \(cluster.invariantBreaks)\n\(text)")
    }
    var stepwise = ScenarioRunner(seed: 1)
    stepwise.skipsIdleTime = false
    for statement in script.statements { stepwise.execute(statement) }
    if stepwise.cluster?.exhaustedBudget != .work {
        checkSameRun(skipping: runner, stepwise: stepwise, text: text)
    }
    return 0
}

/// Traps, showing the first differing line, when the run that skips idle time differs from the event-by-event one.
func checkSameRun(skipping: ScenarioRunner, stepwise: ScenarioRunner, text: String) {
    func lines(_ runner: ScenarioRunner) -> [String] {
        let transcript = runner.transcript
        var lines = transcript.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += transcript.diagnostics.map { "diagnostic: \($0)" }
        if let cluster = runner.cluster {
            lines.append("now: \(cluster.now), events: \(cluster.eventCount)")
        }
        return lines
    }
    let (fast, slow) = (lines(skipping), lines(stepwise))
    guard fast != slow else { return }
    let index = (0..<min(fast.count, slow.count)).first { fast[$0] != slow[$0] } ?? min(fast.count, slow.count)
    let shown = { (lines: [String]) in index < lines.count ? lines[index] : "(end)" }
    preconditionFailure(
        "skipping idle time changed the run at line \(index + 1):\n  skipping:   \(shown(fast))\n"
            + "  stepwise:   \(shown(slow))\n\(text)")
}

/// Turns bytes into scenario lines, remembering whether anything allows legitimate data loss.
struct ScenarioGenerator {
    /// No unclean election was allowed and no broker lost unflushed data.
    private(set) var isClean = true
    private var brokers = 3
    private var topics: [String: Int] = [:]
    /// A broker setting below 500 ms makes events frequent.
    private var hasFastTimers = false

    mutating func lines(from bytes: inout ByteReader) -> [String] {
        brokers = 1 + bytes.next() % 5
        var clusterLine = "cluster brokers=\(brokers)" + (brokers > 1 && bytes.next() % 2 == 0 ? " racks=2" : "")
        if bytes.next() % 4 == 0 {
            // A startup setting; extremes too: the smallest and largest values the simulation accepts.
            let key = bytes.pick(ConfigDef.keys(of: .broker).filter { $0.type == .int || $0.type == .long }.map(\.name))
            let value = bytes.pick([100, 500, 1000, 2000, 5000, 9000, 30000, 1, 2_147_483_647])
            if value < 500 { hasFastTimers = true }
            clusterLine += " \(key)=\(value)"
        }
        var lines = [clusterLine]
        let partitions = 1 + bytes.next() % 4
        let factor = 1 + bytes.next() % brokers
        lines.append(
            "topic t partitions=\(partitions) replication-factor=\(factor) min.insync.replicas=\(1 + bytes.next() % 3)")
        topics["t"] = partitions
        while !bytes.isAtEnd && lines.count < 40 {
            if let line = command(from: &bytes) { lines.append(line) }
        }
        return lines
    }

    private mutating func command(from bytes: inout ByteReader) -> String? {
        let broker = bytes.next() % (brokers + 1)
        let topic = bytes.pick(Array(topics.keys.sorted()) + ["nope"])
        let target = bytes.next() % 3 == 0 ? topic : "\(topic)-\(bytes.next() % 5)"
        switch bytes.next() % 28 {
        case 0, 1:
            // After a timer below 500 ms, long advances mostly burn the work cap (unit tests cover that): keep inputs fast.
            let choices = ["100ms", "500ms", "1s", "2s", "5s", "10s", "30s", "30s", "2m", "10m", "1h"]
            return "advance \(bytes.pick(hasFastTimers ? Array(choices.prefix(3)) : choices))"
        case 2:
            if bytes.next() % 4 == 0 {
                isClean = false
                return "crash \(broker) lose-unflushed"
            }
            return "crash \(broker)"
        case 3, 4: return "restart \(broker)"
        case 5: return "shutdown \(broker)"
        case 6: return "stall \(broker)"
        case 7: return "resume \(broker)"
        case 8: return "isolate \(broker)"
        case 9: return bytes.next() % 2 == 0 ? "heal" : "heal \(broker)"
        case 10: return "flush \(broker)"
        case 11: return "slow \(broker) lag=\(bytes.pick(["0ms", "200ms", "1s", "5s"]))"
        case 12:
            let kind = bytes.pick(["preferred", "unclean"])
            if kind == "unclean" { isClean = false }
            return "elect \(kind) \(target)"
        case 13:
            if bytes.next() % 3 == 0 {
                isClean = false
                return "config \(topic) unclean.leader.election.enable=true"
            }
            return "config \(topic) min.insync.replicas=\(1 + bytes.next() % 3)"
        case 14:
            // Every broker setting: the read-only ones are Kafka's INVALID_REQUEST on a running cluster.
            let key = bytes.pick(EngineConfig.keys)
            let value = bytes.pick([1, 2, 3, 500, 1_048_588, 2_147_483_647])
            if key == "unclean.leader.election.enable" { isClean = false }
            return "config broker \(key)=\(key.hasSuffix(".enable") ? "true" : String(value))"
        case 15, 16, 17:
            let count = bytes.next() == 255 ? 10_000 : 1 + bytes.next() % 20
            var line = "produce \(topic) partition=\(bytes.next() % 5) count=\(count)"
            line += " acks=\(bytes.pick(["0", "1", "all"]))"
            if bytes.next() % 4 == 0 { line += " key=k\(bytes.next() % 4)" }
            if bytes.next() % 4 == 0 { line += " async" }
            return line
        case 18: return "replicas \(target)"
        case 19: return bytes.pick(["describe", "brokers", "describe \(topic) --under-min-isr-partitions"])
        case 20:
            let name = bytes.pick(["u", "v"])
            guard topics[name] == nil else { return "add-partitions \(name) count=\(topics[name]! + 1)" }
            let partitions = 1 + bytes.next() % 3
            topics[name] = partitions
            return "topic \(name) partitions=\(partitions) replication-factor=\(1 + bytes.next() % brokers)"
        case 22:
            // A producer, with settings that change its batching, retries and ordering (and one Kafka refuses).
            let settings = bytes.pick([
                "", "acks=1", "acks=0", "enable.idempotence=false", "linger.ms=0", "linger.ms=100",
                "linger.ms=2147483647", "batch.size=60", "batch.size=0", "max.in.flight.requests.per.connection=1",
                "retries=0", "delivery.timeout.ms=1000", "request.timeout.ms=1", "retry.backoff.ms=1",
                "partitioner=round-robin", "metadata.max.age.ms=0", "acks=1 enable.idempotence=true",
                "acks=all max.in.flight.requests.per.connection=5 linger.ms=5",
            ])
            return "producer \(bytes.pick(["p", "q"]))" + (settings.isEmpty ? "" : " " + settings)
        case 23:
            var line = "produce \(topic)"
            if bytes.next() % 2 == 0 { line += " partition=\(bytes.next() % 5)" }
            if bytes.next() % 3 == 0 { line += " key=k\(bytes.next() % 4)" }
            line += " value=v count=\(1 + bytes.next() % 12) producer=\(bytes.pick(["p", "q", "r"]))"
            return line + (bytes.next() % 2 == 0 ? " async" : "")
        case 24: return "drop-responses \(broker)" + (bytes.next() % 2 == 0 ? " count=\(1 + bytes.next() % 3)" : "")
        case 25:
            if bytes.next() % 2 == 0 {
                let from = bytes.pick(["", " from=earliest", " from=latest", " from=\(bytes.next() % 8)"])
                return "consume \(topic) partition=\(bytes.next() % 5)\(from) max=\(1 + bytes.next() % 20)"
            }
            return "consume \(topic)" + bytes.pick(["", " from=latest", " max=3"])
        case 26:
            // A consumer group: members join, poll, commit, leave or die.
            let member = "member=c\(bytes.next() % 3)"
            switch bytes.next() % 6 {
            case 0:
                var line = "join g \(member) topics=\(bytes.pick(["t", "t,u", "nope"]))"
                line += bytes.pick([
                    "", " assignor=roundrobin", " assignor=sticky", " assignor=cooperative-sticky",
                    " enable.auto.commit=false", " auto.offset.reset=earliest", " session.timeout.ms=6000",
                    " instance=i\(bytes.next() % 2)",
                ])
                return line
            case 1: return "poll g \(member)" + (bytes.next() % 2 == 0 ? " max=\(1 + bytes.next() % 10)" : "")
            case 2: return "commit g \(member)"
            case 3: return "leave g \(member)"
            case 4: return "crash-consumer g \(member)"
            default: return "groups describe g" + bytes.pick(["", " --members", " --state", " --offsets"])
            }
        default:
            return bytes.pick([
                "expect invariants ok", "expect hw \(topic)-0 == 0", "expect ok", "broker \(broker + 5)",
            ])
        }
    }
}
