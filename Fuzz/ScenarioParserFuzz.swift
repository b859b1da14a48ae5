import Diagnostics
import ScenarioLanguage

/// libFuzzer target: any bytes, as scenario text, must parse into statements and diagnostics without crashing, and
/// every diagnostic must point at a line of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let (script, diagnostics) = ScenarioParser.parse(
        text, sourceMap: .identity(file: "fuzz.scenario", lineCount: lineCount))
    for diagnostic in diagnostics {
        precondition(
            (1...max(1, lineCount)).contains(diagnostic.location.line) && diagnostic.location.column >= 1,
            "diagnostic outside the text: \(diagnostic.location)")
    }
    precondition(script.statements.count <= lineCount, "more statements than lines")
    return 0
}
