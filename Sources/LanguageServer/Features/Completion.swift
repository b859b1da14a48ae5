import Course
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Completion in scenarios and in the scripts and goals of exercises, from the command table: commands, keys, and values by kind — broker ids, topics and
/// partitions, groups and members, producers, racks and configs that exist at that line, the choices the synopsis
/// lists, Kafka error names after `expect error` — and scenario names after `continues=`. The state is the cluster
/// after the lines above the cursor, as `check` runs them.
struct Completion {
    /// The document.
    var analysis: DocumentAnalysis
    /// The document's scenario runs (for the state at a line).
    var runs: ScenarioRuns
    /// How the client counts characters.
    var encoding: PositionEncoding

    /// The completions at a position, as the protocol's `CompletionList`.
    func json(at position: TextPosition) -> JSON {
        let text = analysis.text
        let offset = text.offset(of: position, in: encoding)
        let line = text.lineIndex(containing: offset)
        let lineStart = text.lineRange(line).lowerBound
        let before = String(decoding: text.bytes[lineStart..<offset], as: UTF8.self)
        let word =
            before.split(separator: " ", omittingEmptySubsequences: false).last
            .flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false).last }.map(String.init) ?? ""
        var items: [CompletionItem] = []
        var replaceFrom = offset - word.utf8.count
        if let scenario = analysis.scenario(atLine: line + 1) {
            let (found, valueStart) = scenarioItems(before: before, word: word) {
                cluster(before: line + 1, in: scenario)
            }
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        } else if let (exercise, section) = exerciseSection(atLine: line + 1) {
            let (found, valueStart) = scenarioItems(before: before, word: word) {
                cluster(before: line + 1, in: section, of: exercise)
            }
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        } else if let (found, valueStart) = infoStringItems(before: before, word: word, fileLine: line + 1) {
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        } else if let (found, valueStart) = referenceItems(before: before, word: word, fileLine: line + 1) {
            items = found
            replaceFrom = offset - word.utf8.count + valueStart
        }
        let range = text.range(ofBytes: replaceFrom..<offset, in: encoding)
        return [
            "isIncomplete": false,
            "items": .array(items.enumerated().map { $0.element.json(replacing: range, order: $0.offset) }),
        ]
    }

    // MARK: - Scenario lines

    /// Items for a scenario line, from `WordCompletion`; `valueStart` is where in `word` the replaced text starts
    /// (after `key=`).
    private func scenarioItems(before: String, word: String, cluster: () -> Cluster?) -> (
        [CompletionItem], valueStart: Int
    ) {
        let completion = WordCompletion.complete(before, cluster: cluster)
        return (completion.candidates.map(CompletionItem.init), completion.valueStart)
    }

    /// The exercise section (start, goal or solution: the scripts) whose lines hold a 1-based file line.
    private func exerciseSection(atLine line: Int) -> (ExerciseBlock, ExerciseSection)? {
        for exercise in analysis.lesson?.lesson.exercises ?? [] {
            for section in exercise.sections where section.marker != .task && section.sourceMap.lines.contains(line) {
                return (exercise, section)
            }
        }
        return nil
    }

    /// The cluster at a line of an exercise: after the section's lines above it for a script; for a goal, after the
    /// first solution (the state goals are checked against). Scripts start from an empty cluster.
    private func cluster(before fileLine: Int, in section: ExerciseSection, of exercise: ExerciseBlock) -> Cluster? {
        let script = section.marker == .goal ? exercise.solutions.first : section
        guard let script else { return nil }
        let lines = zip(script.lines, script.sourceMap.lines).filter { section.marker == .goal || $0.1 < fileLine }
        return runs.cluster(afterLinesThatParseOf: lines.map { $0.0 + "\n" }.joined(), asScenario: .max)
    }

    /// The cluster after the scenario's lines above a 1-based file line: from the transcript when the scenario
    /// ran, else by running the lines above that parse (the scenario being written has a line that does not).
    private func cluster(before fileLine: Int, in scenario: ScenarioView) -> Cluster? {
        StateAtLine.cluster(before: fileLine, in: scenario, text: analysis.text, runs: runs)
    }

    /// Items for the next word of a state query (in a prose reference), as `StateQuery.slot` says.
    static func queryItems(after words: [String], cluster: Cluster?) -> [CompletionItem] {
        WordCompletion.query(after: words, cluster: cluster).map(CompletionItem.init)
    }

    // MARK: - Info strings

    /// Items in a fence's info string: scenario names after `continues=` (scenarios above), and after a question's
    /// `after=` (with their steps).
    private func infoStringItems(before: String, word: String, fileLine: Int) -> ([CompletionItem], valueStart: Int)? {
        let trimmed = before.drop { $0 == " " }
        guard trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") else { return nil }
        let info = trimmed.drop { $0 == "`" || $0 == "~" }.split(separator: " ").map(String.init)
        let wordsBefore = word.isEmpty ? info.count : info.count - 1
        let above = analysis.scenarios.filter { ($0.block?.block.openingLine ?? .max) < fileLine }
        if info.first == LessonParser.scenarioInfo, word.hasPrefix("continues=") {
            let names = Self.unique(above.compactMap(\.name))
            return (names.map { CompletionItem(label: $0, kind: .reference, detail: "scenario above") }, 10)
        }
        if info.first == LessonParser.scenarioInfo, word.hasPrefix("versions=") {
            // Kafka releases, the second after a comma.
            let comma = word.lastIndex(of: ",").map { word.distance(from: word.startIndex, to: $0) + 1 }
            let items = KafkaVersion.allCases.map {
                CompletionItem(label: $0.text, kind: .value, detail: "Kafka \($0.text)")
            }
            return (items, comma ?? 9)
        }
        if info.first == LessonParser.scenarioInfo, wordsBefore >= 1, !word.contains("=") {
            return (
                [
                    CompletionItem(label: "continues=", kind: .property, detail: "start from a scenario above"),
                    CompletionItem(
                        label: "versions=", kind: .property, detail: "run on two Kafka releases and compare (4.0,4.1)"),
                ], 0
            )
        }
        if info.first == LessonParser.questionInfo, word.hasPrefix("after=") {
            var items: [CompletionItem] = []
            for scenario in above {
                guard let name = scenario.name else { continue }
                items.append(CompletionItem(label: name, kind: .reference, detail: "end of the scenario"))
                let steps = scenario.transcript.steps.filter { !$0.isExpectation }
                for (number, step) in steps.enumerated() {
                    items.append(
                        CompletionItem(
                            label: "\(name)/step-\(number + 1)", kind: .reference, detail: step.statement.text))
                }
            }
            return (items, 6)
        }
        if info.first == LessonParser.questionInfo, wordsBefore >= 1, !word.contains("=") {
            return ([CompletionItem(label: "after=", kind: .property, detail: "the state the answer is read from")], 0)
        }
        return nil
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
