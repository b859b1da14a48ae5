import Diagnostics

/// A predict-then-reveal question: a ```` ```question ```` block whose answer is computed from the verified
/// scenario, so it can never go stale.
///
/// ````
/// ```question after=rack-loss/step-3
/// Which broker leads orders-4 after broker 0 is fenced?
/// answer: leader orders-4
/// why: broker 0 is fenced; broker 3 is the next replica in the ISR ({{rack-loss/step-3: isr orders-4}})
/// ```
/// ````
public struct QuestionBlock: Hashable, Sendable {
    /// The block as written.
    public var block: FencedBlock
    /// The state the answer is read from: `<scenario>` or `<scenario>/step-<n>`; nil for the final state of the
    /// scenario just above.
    public var after: String?
    /// The question's lines (everything except the `answer:` line).
    public var prompt: [String]
    /// The prompt as inline Markdown rendered to HTML, cut at its `{{…}}` references.
    public var promptProse: Prose
    /// The query after `answer:` (e.g. `leader orders-4`), if present.
    public var answer: String?
    /// Where the query is written.
    public var answerLocation: SourceLocation
    /// The one-line reason after `why:`, shown with the revealed answer, if present.
    public var why: String?
    /// The reason as inline Markdown rendered to HTML, cut at its `{{…}}` references.
    public var whyProse: Prose?
    /// How many scenario blocks come before the question in the lesson.
    public var scenariosBefore: Int
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    public func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
