/// Where a question's answer is read in a lesson: the step of one of its scenarios, so a step-by-step run can ask
/// the question before that step and reveal the answer after it.
public struct QuestionStop: Hashable, Sendable {
    /// The scenario, as an index into the lesson's `scenarios`.
    public var scenario: Int
    /// The step of that scenario (1-based, as in `<scenario>/step-<n>`).
    public var step: Int
    /// The question, with its answer and reason.
    public var question: VerifiedQuestion
}

extension VerifiedLesson {
    /// Every question whose answer could be computed, at the step its answer is read from: `after=<scenario>` and
    /// `after=<scenario>/step-<n>` name it; without `after=`, the end of the scenario just above.
    public var questionStops: [QuestionStop] {
        let scenarios = self.scenarios
        return parts.compactMap { part -> QuestionStop? in
            guard case .question(let verified) = part, verified.answer != nil else { return nil }
            let index: Int?
            var step: Int?
            if let after = verified.question.after {
                let pieces = after.split(separator: "/", maxSplits: 1).map(String.init)
                index = scenarios.firstIndex { $0.block.name == pieces[0] }
                if pieces.count == 2 { step = Int(pieces[1].dropFirst("step-".count)) }
            } else {
                let before = verified.question.scenariosBefore
                index = before > 0 && before <= scenarios.count ? before - 1 : nil
            }
            guard let index else { return nil }
            let count = scenarios[index].transcript.commandCount
            return QuestionStop(scenario: index, step: step ?? count, question: verified)
        }
    }
}

extension VerifiedProse {
    /// The block as plain text with its values filled in (for a terminal): tags dropped, common entities decoded.
    public var plainText: String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .value(let value, _): out += value
            case .html(let html):
                var inTag = false
                for character in html {
                    switch character {
                    case "<": inTag = true
                    case ">" where inTag: inTag = false
                    default: if !inTag { out.append(character) }
                    }
                }
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.split(separator: entity, omittingEmptySubsequences: false).joined(separator: character)
        }
        return out.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// HTML that cmark wrote (an exercise's task) as plain text, the same way.
    public static func plainText(ofHTML html: String) -> String {
        VerifiedProse(pieces: [.html(html)], text: "").plainText
    }
}
