/// Keeps diagnostics short whatever the input: a diagnostic quotes at most an excerpt of what it points at.
///
/// Messages quote the input they complain about (`brokers must be a whole number, not 'x'`). A 5 MB argument would
/// make that one line 5 MB on standard error, so every message, note and detail line goes through `bounded`: a quoted
/// stretch longer than `Excerpt.length` characters keeps its first `length` characters, then `…` and its length
/// (`'xxxx…' (5000000 characters)`); so does an unquoted run without spaces that is more than twice as long (a value
/// echoed without quotes); and a line still longer than `Excerpt.lineLimit` is cut there.
public enum Excerpt {
    /// How many characters of a long stretch of input a diagnostic shows.
    public static let length = 60
    /// The longest line a diagnostic prints, after the excerpts.
    public static let lineLimit = 1_000

    /// `text` when it has at most `length` characters, else its first `length` characters, `…` and its length:
    /// `xxxx… (5000000 characters)`.
    public static func of(_ text: some StringProtocol) -> String {
        let count = text.count
        guard count > length else { return String(text) }
        return "\(text.prefix(length))… (\(count) characters)"
    }

    /// `line` with every over-long stretch of quoted or unquoted input cut to an excerpt (see `Excerpt`).
    public static func bounded(_ line: String) -> String {
        // Nothing can be too long in a line this short; most diagnostics end here.
        guard line.utf8.count > length else { return line }
        let runs = Run.split(line)
        var out = ""
        var index = 0
        // Quotes with no closing run after some point have none after any later point either: each is looked for
        // once past there, so a line of a million unclosed quotes stays linear.
        var unclosed: Set<Character> = []
        while index < runs.count {
            let run = runs[index]
            if !run.isSpace, let quote = run.openingQuote, !unclosed.contains(quote) {
                guard let close = closingRun(of: quote, in: runs, from: index) else {
                    unclosed.insert(quote)
                    continue
                }
                out += shortened(line[runs[index].text.startIndex..<runs[close].text.endIndex], limit: length)
                index = close + 1
            } else {
                out += run.isSpace ? String(run.text) : shortened(run.text, limit: 2 * length)
                index += 1
            }
        }
        guard out.count > lineLimit else { return out }
        return "\(out.prefix(lineLimit))… (\(out.count) characters)"
    }

    /// The first run from `start` on whose text ends with `quote` (then closing punctuation), so that the runs from
    /// `start` to it are one quoted stretch; nil when the quote is never closed.
    private static func closingRun(of quote: Character, in runs: [Run], from start: Int) -> Int? {
        for index in start..<runs.count where !runs[index].isSpace {
            // The opening quote itself does not close the stretch.
            let text = index == start ? runs[index].text.dropFirst() : runs[index].text
            if text.reversed().prefix(while: { closers.contains($0) }).contains(quote) { return index }
        }
        return nil
    }

    /// `text` with its middle cut to `Excerpt.length` characters when it is longer than `limit`, keeping an opening
    /// quote or bracket and the closing punctuation around it.
    private static func shortened(_ text: Substring, limit: Int) -> String {
        let opening = text.first.map { openers.contains($0) } == true ? 1 : 0
        let closing = min(text.dropFirst(opening).reversed().prefix { closers.contains($0) }.count, 3)
        let body = text.dropFirst(opening).dropLast(closing)
        let count = body.count
        guard count > limit else { return String(text) }
        return "\(text.prefix(opening))\(body.prefix(length))…\(text.suffix(closing)) (\(count) characters)"
    }

    private static let openers: Set<Character> = ["'", "\"", "`", "(", "["]
    private static let closers: Set<Character> = ["'", "\"", "`", ")", "]", ",", ".", ";", ":", "?", "!"]

    /// A maximal stretch of a line that is all whitespace or has none.
    private struct Run {
        var text: Substring
        var isSpace: Bool

        /// The quote this run opens with, if it starts with one.
        var openingQuote: Character? {
            guard let first = text.first, first == "'" || first == "\"" || first == "`" else { return nil }
            return first
        }

        static func split(_ line: String) -> [Run] {
            var runs: [Run] = []
            var start = line.startIndex
            var index = line.startIndex
            while index < line.endIndex {
                let next = line.index(after: index)
                if next == line.endIndex || line[next].isWhitespace != line[index].isWhitespace {
                    runs.append(Run(text: line[start..<next], isSpace: line[index].isWhitespace))
                    start = next
                }
                index = next
            }
            return runs
        }
    }
}
