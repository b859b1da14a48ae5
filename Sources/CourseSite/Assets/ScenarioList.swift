import Course
import LessonMarkdown
import ScenarioLanguage

/// `scenarios.js`: every scenario's lines, the scenarios it continues and where each of its steps ends, so the
/// playground can start from any step (`play.html#from=<lesson>/<scenario>/step-<n>`) with the lines `replicalab play
/// --from` starts from (both take them from `ScenarioStart`). Only the playground loads it; a lesson's page reads its
/// own scenarios from the page.
enum ScenarioList {
    /// One lesson's entry, a JavaScript object literal: number `n`, slug `s`, page `u`, title `t`, seed `seed` (a
    /// string: a 64-bit seed does not fit a JavaScript number), Kafka release `kafka` (`"4.0"`) and scenarios `c`, each with its section id `a`, name
    /// `m` (null when it has none), the scenarios it continues `p` (indices, earliest first), its lines `l` and, per
    /// step, how many of its lines reach through the step and its checks `e`.
    static func entry(for lesson: VerifiedLesson) -> String {
        let blocks = lesson.lesson.scenarios
        // The verifier parsed each scenario already (one verified scenario per block, in order); a scenario it did
        // not run is parsed here.
        let verified = lesson.scenarios
        let scenarios = blocks.indices.map { index -> String in
            let block = blocks[index]
            let lines = block.block.lines
            let ends =
                (verified.count == blocks.count ? verified[index].stepLineCounts : nil)
                ?? ScenarioStart.stepLineCounts(
                    of: ScenarioParser.parse(block.block.text, sourceMap: block.block.sourceMap).script.statements,
                    lineCount: lines.count)
            let continued = ScenarioStart.continuedScenarios(of: index, in: blocks)
            return "{\"a\":\(SearchIndex.string(block.anchor)),\"m\":\(block.name.map(SearchIndex.string) ?? "null"),"
                + "\"p\":[\(continued.map(String.init).joined(separator: ","))],"
                + "\"l\":[\(lines.map(SearchIndex.string).joined(separator: ","))],"
                + "\"e\":[\(ends.map(String.init).joined(separator: ","))]}"
        }
        let number = LessonRendering.number(lesson.lesson.number)
        let page = LessonRendering.pageName(number: lesson.lesson.number, slug: lesson.lesson.slug)
        return "{\"n\":\"\(number)\",\"s\":\(SearchIndex.string(lesson.lesson.slug)),\"u\":\(SearchIndex.string(page)),"
            + "\"t\":\(SearchIndex.string(lesson.lesson.title)),\"seed\":\"\(lesson.seed)\","
            + "\"kafka\":\"\(lesson.kafka.text)\",\"c\":[\n"
            + scenarios.joined(separator: ",\n") + "]}"
    }

    /// The file: every lesson's entry, in course order.
    static func javascript(_ lessons: [LessonRendering]) -> String {
        "window.REPLICALAB_SCENARIOS=[\n\(lessons.map(\.scenarioList).joined(separator: ",\n"))\n];\n"
    }
}
