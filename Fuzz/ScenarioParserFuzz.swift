import Diagnostics
import ScenarioLanguage

/// libFuzzer target: any bytes, as scenario text, must parse into statements and diagnostics without crashing, and
/// every diagnostic must point at a line of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    // Lines end at "\n", "\r\n" or a lone "\r", as the parser splits them.
    let lineCount = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count
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
