import Diagnostics
import LessonMarkdown

/// Checks the links of every lesson at build time: a link to a missing lesson or anchor is an error where it is
/// written, as are `javascript:` links and links to files the site does not contain.
enum LinkChecker {
    static func check(_ lessons: [LessonOutline]) -> [Diagnostic] {
        // An outline's anchors are sorted: a fragment is looked up by binary search, not in a set made of them.
        var anchorsByStem: [String: [String]] = [:]
        for lesson in lessons {
            anchorsByStem[lesson.stem] = lesson.anchors
        }
        var diagnostics: [Diagnostic] = []
        for lesson in lessons {
            for link in lesson.links {
                let destination = link.destination
                let location = SourceLocation(file: lesson.path, line: link.line, column: link.column)
                let lowered = destination.lowercased().filter { !$0.isWhitespace }
                if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("data:") {
                    diagnostics.append(.error("links may not run scripts ('\(destination)')", at: location))
                    continue
                }
                if let target = LessonLinkTarget(destination) {
                    let stem = target.stem ?? lesson.stem
                    guard let anchors = anchorsByStem[stem] else {
                        let notes =
                            Suggestion.note(for: stem, in: anchorsByStem.keys.sorted()).map { [Diagnostic.Note($0)] }
                            ?? []
                        diagnostics.append(
                            .error(
                                "link to a lesson that does not exist: '\(destination)'", at: location,
                                notes: notes))
                        continue
                    }
                    if let fragment = target.fragment, !isSorted(anchors, containing: fragment) {
                        let notes =
                            Suggestion.note(for: fragment, in: anchors).map { [Diagnostic.Note($0)] } ?? []
                        diagnostics.append(
                            .error(
                                "link to an anchor that does not exist: '\(destination)'", at: location,
                                notes: notes))
                    }
                    continue
                }
                let isExternal = destination.contains("://") || lowered.hasPrefix("mailto:")
                if !isExternal {
                    diagnostics.append(
                        .error(
                            "link to '\(destination)', which the site does not contain; link to a lesson (NN-slug.md), an anchor, or a full URL",
                            at: location))
                }
            }
        }
        return diagnostics
    }

    static func stem(of lesson: VerifiedLesson) -> String {
        let number = lesson.lesson.number < 10 ? "0\(lesson.lesson.number)" : "\(lesson.lesson.number)"
        return "\(number)-\(lesson.lesson.slug)"
    }

    /// Whether `sorted` (in ascending order) holds `element`.
    static func isSorted(_ sorted: [String], containing element: String) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == element
    }

    /// Every anchor a lesson's page has, sorted and each once: headings, scenarios, and each scenario's steps.
    static func anchors(of lesson: VerifiedLesson) -> [String] {
        var anchors: [String] = []
        for part in lesson.parts {
            switch part {
            case .heading(let heading): anchors.append(heading.anchor)
            case .scenario(let scenario):
                anchors.append(scenario.anchor)
                // The timeline's entries are numbered 1... by command: counted, not built (building copies steps).
                let commands = scenario.transcript.commandCount
                for number in stride(from: 1, through: commands, by: 1) {
                    anchors.append(Anchor.step(scenario: scenario.anchor, number: number))
                }
            case .exercise(let exercise): anchors.append(exercise.anchor)
            case .prose, .question: break
            }
        }
        anchors.sort()
        var unique: [String] = []
        for anchor in anchors where unique.last != anchor { unique.append(anchor) }
        return unique
    }
}
