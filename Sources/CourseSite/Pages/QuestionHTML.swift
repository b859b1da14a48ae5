import Course

/// A predict-then-reveal question: the prompt, then the verified answer behind a disclosure.
enum QuestionHTML {
    static func node(_ verified: VerifiedQuestion) -> HTMLNode {
        let question = verified.question
        var children: [HTMLNode] = [
            .newline,
            .element(
                .p, [.class("question-label")], [.element(.span, [.ariaHidden], text: "?"), .text(" Predict")]),
            .newline, .element(.p, text: question.prompt.joined(separator: " ")), .newline,
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
                    ]),
                .newline,
            ]
        }
        return .element(.aside, [.class("question"), .ariaLabel("Predict, then reveal")], children)
    }
}
