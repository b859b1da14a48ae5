// The WebAssembly engine's C ABI, compiled in Embedded Swift by scripts/build-wasm.sh (not a SwiftPM target: it
// exports C symbols for wasm32 and would not link natively). Everything it answers comes from ScenarioLanguage —
// `ScriptRun`, `ScriptCompletion`, `CommandHelp` — the code the command line runs, so the two targets give the same
// bytes. Site/engine.js loads the module and is the only caller.
//
// Input goes through linear memory: the caller allocates a buffer with `replicalab_alloc`, writes the script's UTF-8
// bytes into it and passes the pointer and length. Every answer is one block the caller reads and then frees with
// `replicalab_free`:
//
//     u32 code | u32 n | n × u32 byte length | the n UTF-8 texts, one after the other
//
// (all little-endian; `code` is the exit code for `replicalab_run` and `replicalab_steps`, else 0).
//
// `kafka` is the Kafka release clusters behave as unless their `cluster` line names one (a lesson's `kafka:`), as
// `KafkaVersion.rawValue` (401 for 4.1); 0 or a release the engine does not model means the newest.

import Diagnostics
import Replication
import ScenarioLanguage

/// `count` bytes (at least 1) of linear memory, 16-byte aligned, for the caller to write input into.
@_cdecl("replicalab_alloc")
public func replicalabAlloc(_ count: Int32) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer.allocate(byteCount: max(1, Int(count)), alignment: 16)
}

/// Frees a buffer from `replicalab_alloc` or an answer block.
@_cdecl("replicalab_free")
public func replicalabFree(_ pointer: UnsafeMutableRawPointer?) {
    pointer?.deallocate()
}

/// Runs a script as `replicalab run - --plain --seed <seed>` does: the exit code, standard output, standard error.
@_cdecl("replicalab_run")
public func replicalabRun(_ script: UnsafePointer<UInt8>?, _ count: Int32, _ seed: UInt64, _ kafka: Int32)
    -> UnsafeMutableRawPointer
{
    let run = ScriptRun(script: bytes(script, count), path: "<stdin>", seed: seed, kafka: release(kafka))
    return answer(code: run.exitCode, [run.standardOutput.rendered, run.standardError().rendered])
}

/// Runs a script and answers its steps as JSON (`ScriptRun.stepsJSON`).
@_cdecl("replicalab_steps")
public func replicalabSteps(_ script: UnsafePointer<UInt8>?, _ count: Int32, _ seed: UInt64, _ kafka: Int32)
    -> UnsafeMutableRawPointer
{
    let run = ScriptRun(script: bytes(script, count), path: "<stdin>", seed: seed, kafka: release(kafka))
    return answer(code: run.exitCode, [run.stepsJSON])
}

/// Judges an exercise's script: the text's lines from `firstGoalLine` (1-based) on are the goals. The code is 2 when
/// the script is bad input, 0 when it is accepted, else 1; the answer is `ExerciseVerdict.json`.
@_cdecl("replicalab_judge")
public func replicalabJudge(
    _ script: UnsafePointer<UInt8>?, _ count: Int32, _ firstGoalLine: Int32, _ seed: UInt64, _ kafka: Int32
) -> UnsafeMutableRawPointer {
    let text = String(decoding: bytes(script, count), as: UTF8.self)
    let verdict = ExerciseVerdict(
        judgingText: text, firstGoalLine: Int(firstGoalLine), path: "<stdin>", seed: seed, kafka: release(kafka))
    return answer(code: verdict.isBadInput ? 2 : verdict.isAccepted ? 0 : 1, [verdict.json])
}

/// The completions at UTF-8 byte `offset` of a script, as JSON (`ScriptCompletion.json`).
@_cdecl("replicalab_complete")
public func replicalabComplete(
    _ script: UnsafePointer<UInt8>?, _ count: Int32, _ offset: Int32, _ seed: UInt64, _ kafka: Int32
) -> UnsafeMutableRawPointer {
    let text = String(decoding: bytes(script, count), as: UTF8.self)
    let completion = ScriptCompletion(script: text, offset: Int(offset), seed: seed, kafka: release(kafka))
    return answer(code: 0, [completion.json])
}

/// The scenario commands' help, generated from the command table, as JSON (`CommandHelp.json`).
@_cdecl("replicalab_help")
public func replicalabHelp() -> UnsafeMutableRawPointer {
    answer(code: 0, [CommandHelp.json])
}

/// The release `kafka` names (`KafkaVersion.rawValue`), else the newest.
private func release(_ kafka: Int32) -> KafkaVersion {
    KafkaVersion(rawValue: Int(kafka)) ?? .newest
}

/// The bytes at `pointer`.
private func bytes(_ pointer: UnsafePointer<UInt8>?, _ count: Int32) -> [UInt8] {
    guard let pointer, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: pointer, count: Int(count)))
}

/// An answer block (see the top of this file).
private func answer(code: Int32, _ texts: [String]) -> UnsafeMutableRawPointer {
    let parts = texts.map { Array($0.utf8) }
    let header = 4 * (2 + parts.count)
    let size = header + parts.reduce(0) { $0 + $1.count }
    let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    var words = [UInt32(bitPattern: code), UInt32(parts.count)] + parts.map { UInt32($0.count) }
    for index in words.indices {
        words[index] = words[index].littleEndian
        block.storeBytes(of: words[index], toByteOffset: 4 * index, as: UInt32.self)
    }
    var offset = header
    for part in parts {
        part.withUnsafeBytes { block.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        offset += part.count
    }
    return block
}
