import Course

/// A predict-then-reveal question: the prompt, then the verified answer behind a disclosure.
enum QuestionHTML {
    static func node(_ verified: VerifiedQuestion) -> HTMLNode {
        let question = verified.question
        var children: [HTMLNode] = [
            .newline,
            .element(
                .p, [.class("question-label")], [.element(.span, [.ariaHidden], text: "?"), .text(" Predict")]),
            .newline, block(LessonPage.nodes(of: verified.prompt), of: verified.prompt), .newline,
        ]
        if let answer = verified.answer, let query = question.answer {
            var source: [HTMLNode] = [.text("("), .element(.code, text: query)]
            if let after = question.after { source += [.text(" after "), .element(.code, text: after)] }
            source.append(.text(", computed by the engine)"))
            children += [
                .element(
                    .details, [],
                    [
                        .element(.summary, text: "Reveal the answer"),
                        .element(
                            .p, [.class("answer")],
                            [
                                .element(.strong, text: answer), .text(" "),
                                .element(.span, [.class("answer-source")], source),
                            ]),
                    ] + why(verified)),
                .newline,
            ]
        }
        return .element(.aside, [.class("question"), .ariaLabel("Predict, then reveal")], children)
    }

    /// The `why:` line under the answer, if there is one.
    private static func why(_ verified: VerifiedQuestion) -> [HTMLNode] {
        guard let why = verified.why else { return [] }
        return [.element(.p, [.class("why")], [.element(.strong, text: "Why: ")] + LessonPage.nodes(of: why))]
    }

    /// Inline Markdown goes into a paragraph; several paragraphs already are blocks.
    private static func block(_ nodes: [HTMLNode], of prose: VerifiedProse) -> HTMLNode {
        if case .html(let first) = prose.pieces.first, first.hasPrefix("<p>") { return .group(nodes) }
        return .element(.p, [], nodes)
    }
}
