import Diagnostics

/// The optional `key: value` lines between `---` fences at the very top of a lesson.
///
/// ```
/// ---
/// title: Partitions, leaders and followers
/// summary: Where Kafka puts replicas, and why the slides differ from Kafka.
/// seed: 7
/// minutes: 20
/// kafka: 4.0
/// ---
/// ```
public struct FrontMatter: Hashable, Sendable {
    /// The keys a lesson may set.
    public static let keys = ["kafka", "minutes", "seed", "summary", "title"]

    /// Overrides the first `# ` heading as the lesson's title.
    public var title: String?
    /// One or two sentences for the course index.
    public var summary: String?
    /// The seed every scenario of the lesson runs with.
    public var seed: UInt64?
    /// About how many minutes the lesson takes to work through (shown on the course index).
    public var minutes: Int?
    /// The Kafka release the lesson's clusters behave as unless a `cluster` line says otherwise, as written (the
    /// course checks it names a modelled release).
    public var kafka: String?
    /// Where the `kafka` value is, for a diagnostic.
    public var kafkaLocation: SourceLocation?
    /// How many lines (fences included) the front matter occupies; 0 when there is none.
    public var lineCount = 0

    /// Creates empty front matter.
    public init() {}

    /// Reads front matter from the top of `lines`; problems are reported at their line.
    static func parse(_ lines: SourceLines, path: String) -> (FrontMatter, [Diagnostic]) {
        var matter = FrontMatter()
        guard let first = lines[1], isFence(first) else { return (matter, []) }
        var diagnostics: [Diagnostic] = []
        var line = 2
        var seen: [String: Int] = [:]
        while let bytes = lines[line] {
            if isFence(bytes) {
                matter.lineCount = line
                return (matter, diagnostics)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            defer { line += 1 }
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) || text.hasPrefix("#") { continue }
            let location = SourceLocation(file: path, line: line, column: 1)
            guard let colon = text.firstIndex(of: ":") else {
                diagnostics.append(.error("front matter lines look like 'key: value'", at: location))
                continue
            }
            let key = text[..<colon].trimmingSpaces
            let value = text[text.index(after: colon)...].trimmingSpaces
            let valueColumn = text.utf8.distance(from: text.startIndex, to: text.index(after: colon)) + 2
            let valueLocation = SourceLocation(file: path, line: line, column: valueColumn)
            if let earlier = seen[key] {
                diagnostics.append(
                    .error(
                        "'\(key)' is set twice", at: location,
                        notes: [.init("first set here", at: .init(file: path, line: earlier, column: 1))]))
                continue
            }
            seen[key] = line
            switch key {
            case "title":
                if value.isEmpty { diagnostics.append(.error("'title' is empty", at: valueLocation)) }
                matter.title = value
            case "summary":
                matter.summary = value
            case "kafka":
                matter.kafka = value
                matter.kafkaLocation = valueLocation
            case "seed":
                guard let seed = UInt64(value) else {
                    diagnostics.append(.error("seed must be a whole number from 0, not '\(value)'", at: valueLocation))
                    continue
                }
                matter.seed = seed
            case "minutes":
                guard let minutes = Int(value), (1...600).contains(minutes) else {
                    diagnostics.append(
                        .error("minutes must be a whole number from 1 to 600, not '\(value)'", at: valueLocation))
                    continue
                }
                matter.minutes = minutes
            default:
                let notes = Suggestion.note(for: key, in: keys).map { [Diagnostic.Note($0)] } ?? []
                diagnostics.append(
                    .error(
                        "unknown front matter key '\(key)' (known: \(keys.joined(separator: ", ")))", at: location,
                        notes: notes))
            }
        }
        diagnostics.append(
            .error("front matter is not closed: add a '---' line after it", at: .init(file: path, line: 1, column: 1)))
        return (FrontMatter(), diagnostics)
    }

    private static func isFence(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("---") && text.allSatisfy { $0 == "-" || $0 == " " || $0 == "\t" }
            && text.filter { $0 == "-" }.count == 3
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
