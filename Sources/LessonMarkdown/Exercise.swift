import Diagnostics

/// A practice exercise: a ```` ```exercise <name> ```` block whose reader writes a script that is judged against
/// hidden goals.
///
/// ````
/// ```exercise shrink-isr
/// # task
/// Make the ISR of orders-0 shrink to one replica without losing an acknowledged record.
/// # start
/// cluster brokers=3
/// topic orders partitions=1 replication-factor=3
/// # goal
/// expect isr orders-0 == 0
/// expect lost orders-0 == none
/// # solution
/// cluster brokers=3
/// topic orders partitions=1 replication-factor=3
/// stall 1
/// stall 2
/// advance 31s
/// ```
/// ````
///
/// A section starts at a line that is exactly one of the markers (`# task`, `# start`, `# goal`, `# solution`,
/// spaces at its ends aside); every other line, comments included, belongs to the section above it. `# solution` may
/// be given more than once: each starts another reference solution.
public struct ExerciseBlock: Hashable, Sendable {
    /// The marker lines that start sections.
    public enum Marker: String, CaseIterable, Sendable {
        /// The task, in Markdown.
        case task = "# task"
        /// The script the reader starts from.
        case start = "# start"
        /// The `expect` lines the reader's script must meet (not shown to the reader).
        case goal = "# goal"
        /// A reference solution.
        case solution = "# solution"
    }

    /// The exercise's name, if the info string gives one.
    public var name: String?
    /// The block as written.
    public var block: FencedBlock
    /// Words of the info string after the name (there are no options yet: `check` reports any).
    public var options: [String]
    /// Each section in the order written (the content of a section runs to the next marker).
    public var sections: [ExerciseSection]
    /// Lines before the first marker that are not blank (an error: every line belongs to a section).
    public var strayLines: [SourceLocation]
    /// The task rendered as HTML by cmark (raw HTML omitted, unsafe links removed).
    public var taskHTML: String
    /// The id of the exercise's section on the site: `exercise-<name>`.
    public var anchor: String

    /// The sections with a marker, in order.
    public func sections(_ marker: Marker) -> [ExerciseSection] { sections.filter { $0.marker == marker } }

    /// The task's text (the first `# task` section, without its leading and trailing blank lines).
    public var task: String { sections(.task).first?.trimmedText ?? "" }

    /// The starting script (the first `# start` section).
    public var start: ExerciseSection? { sections(.start).first }

    /// The goal lines (the first `# goal` section).
    public var goal: ExerciseSection? { sections(.goal).first }

    /// The reference solutions, in order.
    public var solutions: [ExerciseSection] { sections(.solution) }

    /// The id of an exercise's section: `exercise-<name>`, or `exercise-<n>` for the n-th unnamed one (from 1).
    public static func anchor(name: String?, number: Int) -> String {
        "exercise-" + (name.map(Anchor.slug) ?? String(number))
    }
}

/// One section of an exercise block: its lines, placed in the lesson file.
public struct ExerciseSection: Hashable, Sendable {
    /// Which section it is.
    public var marker: ExerciseBlock.Marker
    /// Where the marker line is.
    public var location: SourceLocation
    /// The section's lines, each ending with a newline.
    public var text: String
    /// Places line k of `text` in the lesson file.
    public var sourceMap: SourceMap

    /// The lines of the text, without their newlines.
    public var lines: [String] { FencedBlock.lines(of: text) }

    /// The text without leading and trailing blank lines, and without a final newline.
    public var trimmedText: String {
        var lines = self.lines
        while lines.first?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { lines.removeFirst() }
        while lines.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Whether the section holds nothing but blank lines and comments.
    public var isEmpty: Bool {
        lines.allSatisfy { line in
            let body = line.drop { $0 == " " || $0 == "\t" }
            return body.isEmpty || body.first == "#"
        }
    }
}

extension ExerciseBlock {
    /// Splits a fenced `exercise` block into its sections.
    static func parse(_ fenced: FencedBlock, words: [String], number: Int, renderTask: (String) -> String)
        -> ExerciseBlock
    {
        let (name, options) = FencedBlock.nameAndOptions(of: words)
        var sections: [ExerciseSection] = []
        var stray: [SourceLocation] = []
        var current: (marker: Marker, location: SourceLocation, lines: [String], fileLines: [Int], offsets: [Int])?
        func close() {
            guard let section = current else { return }
            sections.append(
                ExerciseSection(
                    marker: section.marker, location: section.location,
                    text: section.lines.map { $0 + "\n" }.joined(),
                    sourceMap: SourceMap(
                        file: fenced.sourceMap.file, lines: section.fileLines, columnOffsets: section.offsets)))
            current = nil
        }
        for (index, line) in fenced.lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: " \t")
            let location = fenced.sourceMap.location(line: index, column: 1)
            if let marker = Marker(rawValue: trimmed) {
                close()
                current = (marker, location, [], [], [])
                continue
            }
            guard current != nil else {
                if !trimmed.isEmpty { stray.append(location) }
                continue
            }
            current?.lines.append(line)
            current?.fileLines.append(location.line)
            current?.offsets.append(location.column - 1)
        }
        close()
        var exercise = ExerciseBlock(
            name: name, block: fenced, options: options, sections: sections, strayLines: stray,
            taskHTML: "", anchor: anchor(name: name, number: number))
        exercise.taskHTML = renderTask(exercise.task)
        return exercise
    }
}
