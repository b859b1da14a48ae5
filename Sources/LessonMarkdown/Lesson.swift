import Diagnostics

/// A lesson as the author wrote it: its place in the course, its title, and its prose and scenario blocks in order.
public struct Lesson: Hashable, Sendable {
    /// The path the lesson was read from, as given.
    public var path: String
    /// The `NN` of `NN-slug.md`: the lesson's position in the course.
    public var number: Int
    /// The `slug` of `NN-slug.md`.
    public var slug: String
    /// The text of the first `# ` heading.
    public var title: String
    /// The lesson's content, top-level block by top-level block.
    public var parts: [LessonPart]
    /// The raw bytes of the file (kept so that rewriting blocks can leave everything else byte-identical).
    public var source: [UInt8]
    /// The lesson's front matter (empty when it has none).
    public var frontMatter: FrontMatter

    /// Creates a lesson.
    public init(
        path: String, number: Int, slug: String, title: String, parts: [LessonPart], source: [UInt8],
        frontMatter: FrontMatter = FrontMatter()
    ) {
        self.path = path
        self.number = number
        self.slug = slug
        self.title = title
        self.parts = parts
        self.source = source
        self.frontMatter = frontMatter
    }

    /// The links of the lesson's prose, in order.
    public var links: [Link] = []

    /// The `{{…}}` references of the lesson's prose, in order.
    public var references: [ProseReference] {
        parts.flatMap { part -> [ProseReference] in
            if case .prose(let prose) = part { prose.references } else { [] }
        }
    }

    /// The questions, in order.
    public var questions: [QuestionBlock] {
        parts.compactMap { if case .question(let question) = $0 { question } else { nil } }
    }

    /// The exercises, in order.
    public var exercises: [ExerciseBlock] {
        parts.compactMap { if case .exercise(let exercise) = $0 { exercise } else { nil } }
    }

    /// The anchor id of every heading, in order, unique on the page: a heading whose id is taken (by an earlier
    /// heading, a scenario, or the page's own elements) gets `-2`, `-3`, … (see `Anchor.assign`).
    public var headingAnchors: [String] {
        parts.compactMap { if case .heading(let heading) = $0 { heading.anchor } else { nil } }
    }

    /// The anchor id of every scenario section, in order (two scenarios whose names give the same id are a `check`
    /// error).
    public var scenarioAnchors: [String] { scenarios.map(\.anchor) }

    /// The summary for the course index: the front matter's, else nil.
    public var summary: String? { frontMatter.summary }
    /// About how many minutes the lesson takes: the front matter's, else nil.
    public var minutes: Int? { frontMatter.minutes }

    /// The scenario blocks, in order.
    public var scenarios: [ScenarioBlock] {
        parts.compactMap { if case .scenario(let block) = $0 { block } else { nil } }
    }
}

/// One top-level piece of a lesson.
public enum LessonPart: Hashable, Sendable {
    /// A heading, with its plain text (for anchors and tables of contents) and its rendered inline HTML.
    case heading(Heading)
    /// Any other block: its HTML as cmark renders it (raw HTML in lessons is kept: lessons are trusted), with its
    /// `{{…}}` references as pieces of their own, and its plain text.
    case prose(Prose)
    /// A scenario block, with its expected output if one follows it.
    case scenario(ScenarioBlock)
    /// A predict-then-reveal question.
    case question(QuestionBlock)
    /// A practice exercise.
    case exercise(ExerciseBlock)
}

/// A Markdown heading.
public struct Heading: Hashable, Sendable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text without markup.
    public var text: String
    /// The heading's content rendered as inline HTML (without the `<hN>` element).
    public var html: String
    /// The heading's anchor id, unique on the page: its text as a slug, with `-2`, `-3`, … when that id is taken
    /// (`Anchor.assign`).
    public var anchor: String
    /// Where the heading starts.
    public var location: SourceLocation
}

/// A fenced block of a lesson: its text and where each of its lines sits in the lesson file.
public struct FencedBlock: Hashable, Sendable {
    /// The full info string after the fence.
    public var info: String
    /// The block's content (each line ends with a newline).
    public var text: String
    /// Where the opening fence starts.
    public var location: SourceLocation
    /// Maps content line/column to the lesson file.
    public var sourceMap: SourceMap
    /// 1-based file line of the opening fence.
    public var openingLine: Int
    /// 1-based file line of the closing fence, or nil when the block runs to the end of the file unclosed.
    public var closingLine: Int?
    /// The bytes of the lesson file between the opening fence's line and the closing fence's line: exactly what
    /// rewriting the block's content replaces.
    public var contentRange: Range<Int>
    /// The byte offset just past the closing fence's line (its line terminator included).
    public var endOffset: Int
    /// How many spaces the opening fence is indented by.
    public var fenceIndent: Int
    /// The line terminator the opening fence's line ends with (`\n`, `\r\n` or `\r`; `\n` at the end of file).
    public var lineEnding: String

    /// The content's lines, without their newlines.
    public var lines: [String] { Self.lines(of: text) }

    /// The name and options of an info string split into `words` (its first word, the block's kind, is skipped):
    /// options are `key=value` words, and the word after the kind is the block's name unless it is an option.
    /// So ```` ```scenario versions=4.0,4.1 ```` is an unnamed scenario with an option, not one named
    /// `versions=4.0,4.1`.
    static func nameAndOptions(of words: [String]) -> (name: String?, options: [String]) {
        let rest = words.dropFirst()
        guard let first = rest.first, !first.contains("=") else { return (nil, Array(rest)) }
        return (first, Array(rest.dropFirst()))
    }

    /// The lines of a block's text whose every line ends with a newline, without their newlines.
    ///
    /// The text is split at its `\n` bytes, as splitting its characters at `"\n"` would: a line feed is a character
    /// of its own except after a carriage return (`\r\n` is one character, which is not `"\n"`), and splitting the
    /// bytes costs a fraction of splitting the characters.
    static func lines(of text: String) -> [String] {
        var utf8 = text
        var lines = utf8.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices
            where bytes[index] == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// A ```` ```scenario [name] ```` block and the ```` ```output ```` block that may follow it.
public struct ScenarioBlock: Hashable, Sendable {
    /// The scenario's name, if the info string gives one.
    public var name: String?
    /// The scenario's source.
    public var block: FencedBlock
    /// The expected transcript, if an `output` block directly follows.
    public var output: FencedBlock?
    /// Words of the info string after the name (reserved for options such as `continues=`).
    public var options: [String]
    /// The id of the scenario's section on the site: `scenario-<name>`, or `scenario-<n>` for the n-th scenario
    /// of the lesson when it has no name.
    public var anchor: String
}
