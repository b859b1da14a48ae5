import LessonMarkdown

/// A predict-then-reveal question: the prompt, then the verified answer behind a disclosure.
struct QuestionHTML {
    var question: QuestionBlock
    var answer: String?

    var html: String {
        let prompt = question.prompt.map(HTML.escape).joined(separator: " ")
        var out = "<aside class=\"question\" aria-label=\"Predict, then reveal\">\n"
        out += "<p class=\"question-label\"><span aria-hidden=\"true\">?</span> Predict</p>\n<p>\(prompt)</p>\n"
        if let answer, let query = question.answer {
            out +=
                "<details><summary>Reveal the answer</summary><p class=\"answer\"><strong>\(HTML.escape(answer))</strong> "
            out += "<span class=\"answer-source\">(<code>\(HTML.escape(query))</code>"
            out += question.after.map { " after <code>\(HTML.escape($0))</code>" } ?? ""
            out += ", computed by the engine)</span></p></details>\n"
        }
        out += "</aside>\n"
        return out
    }
}
