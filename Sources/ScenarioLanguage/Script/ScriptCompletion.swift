import Diagnostics
import Replication

/// Completion at a cursor in a whole script (the in-page editor's Tab): the line's text before the cursor is
/// completed by `LineCompletion`, against the cluster that the lines above it leave (those that parse, run with the
/// seed), as `play` completes against the session's cluster.
public struct ScriptCompletion: Hashable, Sendable {
    /// Where the word that a candidate replaces starts: a UTF-8 byte offset in the script.
    public var replacingFrom: Int
    /// The candidates and the usage.
    public var completion: LineCompletion

    /// Completes at UTF-8 byte `offset` of `script` (clamped to the script; a cursor inside a character moves to its
    /// start); the lines above run with `seed` on `kafka`.
    public init(
        script: String, offset: Int, seed: UInt64 = ScriptRun.defaultSeed, kafka: KafkaVersion = .newest,
        limits: Limits = .standard
    ) {
        let bytes = Array(script.utf8)
        var cursor = min(max(0, offset), bytes.count)
        while cursor > 0, cursor < bytes.count, bytes[cursor] & 0xC0 == 0x80 { cursor -= 1 }
        var lineStart = cursor
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") {
            lineStart -= 1
        }
        let above = String(decoding: bytes[..<lineStart], as: UTF8.self)
        let line = String(decoding: bytes[lineStart..<cursor], as: UTF8.self)
        let (parsed, _) = ScenarioParser.parse(
            above, sourceMap: .identity(file: "<script>", text: above), limits: limits)
        var runner = ScenarioRunner(seed: seed, kafka: kafka, limits: limits)
        for statement in parsed.statements { runner.execute(statement) }
        completion = runner.completion(for: line)
        let word = line.last == " " || line.isEmpty ? "" : line.split(separator: " ").last.map(String.init) ?? ""
        replacingFrom = cursor - word.utf8.count
    }

    /// `{"from": <byte offset>, "candidates": [...], "usage": "…" or null}`.
    public var json: String {
        var out = "{\"from\":\(replacingFrom),\"candidates\":["
        for (index, candidate) in completion.candidates.enumerated() {
            if index > 0 { out += "," }
            JSONString.append(candidate, to: &out)
        }
        out += "],\"usage\":"
        if let usage = completion.usage { JSONString.append(usage, to: &out) } else { out += "null" }
        return out + "}"
    }
}
