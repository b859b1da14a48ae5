import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// libFuzzer target: any bytes, as a lesson file, must load (Markdown through libcmark, front matter, scenario and
/// output blocks, then every scenario's text through the scenario parser) into a lesson or diagnostics without
/// crashing, and every block's position must lie inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessonLoader(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let (lesson, diagnostics) = LessonParser.parse(bytes, path: "Lessons/01-fuzz.md")
    precondition(lesson != nil || diagnostics.containsErrors, "no lesson and no error")
    guard let lesson else { return 0 }
    for scenario in lesson.scenarios {
        for block in [scenario.block] + (scenario.output.map { [$0] } ?? []) {
            precondition(
                block.contentRange.lowerBound >= 0 && block.contentRange.upperBound <= bytes.count
                    && block.endOffset <= bytes.count,
                "block outside the file: \(block.contentRange), end \(block.endOffset) of \(bytes.count)")
        }
        _ = ScenarioParser.parse(scenario.block.text, sourceMap: scenario.block.sourceMap)
    }
    return 0
}
