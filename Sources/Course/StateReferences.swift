import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Resolves a lesson's prose references and question answers against its verified scenarios.
enum StateReferences {
    /// A state a reference can point at: a scenario's final state or one of its steps.
    struct Target {
        var scenario: VerifiedScenario
        var name: String
    }

    /// Values for every reference (in order) and every question (in order), and the problems found.
    static func resolve(_ lesson: Lesson, scenarios: [VerifiedScenario]) -> (
        references: [String], answers: [String?], diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var references: [String] = []
        for reference in lesson.references {
            var expression = reference.expression
            var target: String?
            if let colon = expression.firstIndex(of: ":") {
                target = expression[..<colon].trimmingCharacters(in: " ")
                expression = expression[expression.index(after: colon)...].trimmingCharacters(in: " ")
            }
            switch value(expression, target: target, before: reference.scenariosBefore, scenarios: scenarios) {
            case .success(let value): references.append(value)
            case .failure(let error):
                references.append("")
                diagnostics.append(.error("in {{\(reference.expression)}}: \(error.message)", at: reference.location))
            }
        }
        var answers: [String?] = []
        for question in lesson.questions {
            guard let answer = question.answer else {
                answers.append(nil)
                diagnostics.append(
                    .error(
                        "a question needs an 'answer: <query>' line, e.g. 'answer: leader orders-0'",
                        at: question.block.location))
                continue
            }
            switch value(answer, target: question.after, before: question.scenariosBefore, scenarios: scenarios) {
            case .success(let value): answers.append(value)
            case .failure(let error):
                answers.append(nil)
                diagnostics.append(.error(error.message, at: question.answerLocation))
            }
        }
        return (references, answers, diagnostics)
    }

    private static func value(
        _ expression: String, target: String?, before count: Int, scenarios: [VerifiedScenario]
    ) -> Result<String, QueryError> {
        let query: StateQuery
        switch StateQuery.parse(expression) {
        case .success(let parsed): query = parsed
        case .failure(let error): return .failure(error)
        }
        let cluster: Cluster?
        if let target {
            let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
            guard let scenario = scenarios.first(where: { $0.block.name == parts[0] }) else {
                let names = scenarios.compactMap(\.block.name)
                let hint = Suggestion.note(for: parts[0], in: names).map { "; \($0)" } ?? ""
                return .failure(QueryError("no scenario named '\(parts[0])' in this lesson\(hint)"))
            }
            let commands = scenario.transcript.steps.filter { !$0.isExpectation }
            if parts.count == 2 {
                guard parts[1].hasPrefix("step-"), let number = Int(parts[1].dropFirst(5)), number >= 1,
                    number <= commands.count
                else {
                    return .failure(
                        QueryError("'\(parts[1])' is not a step of '\(parts[0])' (it has steps 1 to \(commands.count))")
                    )
                }
                cluster = commands[number - 1].cluster
            } else {
                cluster = commands.last?.cluster
            }
        } else {
            guard count > 0, count <= scenarios.count else {
                return .failure(
                    QueryError("no scenario comes before this; name one, e.g. {{<scenario>: \(expression)}}"))
            }
            cluster = scenarios[count - 1].transcript.steps.last(where: { !$0.isExpectation })?.cluster
        }
        guard let cluster else { return .failure(QueryError("that scenario has no cluster")) }
        return query.evaluate(in: cluster)
    }
}
