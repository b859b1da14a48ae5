import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Resolves a lesson's prose references and question answers against its verified scenarios, building the verified
/// lesson's parts.
enum StateReferences {
    /// The lesson's parts with every reference and answer resolved (in place, so nothing has to be matched back
    /// later), and the problems found. `scenarios` are the lesson's verified scenarios, in order.
    static func parts(of lesson: Lesson, scenarios: [VerifiedScenario], exercises: [VerifiedExercise] = []) -> (
        parts: [VerifiedPart], diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var parts: [VerifiedPart] = []
        var remaining = scenarios[...]
        var remainingExercises = exercises[...]
        for part in lesson.parts {
            switch part {
            case .heading(let heading):
                parts.append(.heading(heading))
            case .prose(let prose):
                parts.append(.prose(verified(prose, scenarios: scenarios, diagnostics: &diagnostics)))
            case .question(let question):
                let (answer, problem) = self.answer(question, scenarios: scenarios)
                diagnostics += problem.map { [$0] } ?? []
                let prompt = verified(question.promptProse, scenarios: scenarios, diagnostics: &diagnostics)
                let why = question.whyProse.map { verified($0, scenarios: scenarios, diagnostics: &diagnostics) }
                parts.append(
                    .question(VerifiedQuestion(question: question, answer: answer, prompt: prompt, why: why)))
            case .exercise:
                // Exercises come in the lesson's order too.
                if let exercise = remainingExercises.popFirst() { parts.append(.exercise(exercise)) }
            case .scenario:
                // Scenarios come in the lesson's order: the verifier made one per block.
                if let scenario = remaining.popFirst() { parts.append(.scenario(scenario)) }
            }
        }
        return (parts, diagnostics)
    }

    /// A prose block with its references filled in; a reference that does not resolve is reported and left empty.
    private static func verified(_ prose: Prose, scenarios: [VerifiedScenario], diagnostics: inout [Diagnostic])
        -> VerifiedProse
    {
        let pieces = prose.pieces.map { piece -> VerifiedProse.Piece in
            switch piece {
            case .html(let html): return .html(html)
            case .reference(let reference):
                switch resolve(reference, scenarios: scenarios) {
                case .success(let value): return .value(value, reference)
                case .failure(let error):
                    diagnostics.append(
                        .error("in {{\(reference.expression)}}: \(error.message)", at: reference.location))
                    return .value("", reference)
                }
            }
        }
        return VerifiedProse(pieces: pieces, text: prose.text)
    }

    private static func resolve(_ reference: ProseReference, scenarios: [VerifiedScenario]) -> Result<
        String, QueryError
    > {
        var expression = reference.expression
        var target: String?
        if let colon = expression.firstIndex(of: ":") {
            target = expression[..<colon].trimmingCharacters(in: " ")
            expression = expression[expression.index(after: colon)...].trimmingCharacters(in: " ")
        }
        return value(expression, target: target, before: reference.scenariosBefore, scenarios: scenarios)
    }

    private static func answer(_ question: QuestionBlock, scenarios: [VerifiedScenario]) -> (String?, Diagnostic?) {
        guard let answer = question.answer else {
            return (
                nil,
                .error(
                    "a question needs an 'answer: <query>' line, e.g. 'answer: leader orders-0'",
                    at: question.block.location)
            )
        }
        switch value(answer, target: question.after, before: question.scenariosBefore, scenarios: scenarios) {
        case .success(let value): return (value, nil)
        case .failure(let error): return (nil, .error(error.message, at: question.answerLocation))
        }
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
            let commands = scenario.transcript.timeline.entries.map(\.command)
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
        // Text to read, not to type back: a list of partitions breaks between its names on a phone.
        let readsAsList: Set<StateQuery.Kind> = [.assignment, .read, .leads, .follows]
        guard readsAsList.contains(query.kind) else { return query.evaluate(in: cluster) }
        return query.evaluate(in: cluster).map { $0.replacing(",", with: ", ") }
    }
}
