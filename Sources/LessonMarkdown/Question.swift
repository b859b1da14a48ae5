import Diagnostics

/// A predict-then-reveal question: a ```` ```question ```` block whose answer is computed from the verified
/// scenario, so it can never go stale.
///
/// ````
/// ```question after=rack-loss/step-3
/// Which broker leads orders-4 after broker 0 is fenced?
/// answer: leader orders-4
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
    /// The query after `answer:` (e.g. `leader orders-4`), if present.
    public var answer: String?
    /// Where the query is written.
    public var answerLocation: SourceLocation
    /// How many scenario blocks come before the question in the lesson.
    public var scenariosBefore: Int
}

/// A `{{…}}` reference in prose, filled in from the verified state when the site is built.
///
/// `{{hw orders-0}}` reads the final state of the scenario just above; `{{rack-loss: leader orders-4}}` names the
/// scenario; `{{rack-loss/step-3: isr orders-4}}` a step of it.
public struct ProseReference: Hashable, Sendable {
    /// The text between the braces.
    public var expression: String
    /// Where the enclosing paragraph starts (libcmark gives no positions for inline text).
    public var location: SourceLocation
    /// How many scenario blocks come before the reference in the lesson.
    public var scenariosBefore: Int

    /// The placeholder the rendered HTML holds for reference `index`: private-use characters that cannot occur in
    /// a lesson by accident.
    public static func placeholder(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }
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
