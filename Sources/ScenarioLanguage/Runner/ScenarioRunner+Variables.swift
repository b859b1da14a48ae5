import Diagnostics

extension ScenarioRunner {
    /// Runs a line that uses captured values: replaces each `$name`, parses the result, and runs it. The step keeps
    /// the line as written, so transcripts and `output` blocks show `$name`, not the value of the day.
    mutating func runDeferred(_ line: String, map: SourceMap, statement: Statement) {
        let (text, unknown) = Variables.substitute(line, values: variables)
        if !unknown.isEmpty {
            for (name, column) in unknown {
                let known = variables.keys.sorted()
                let hint = Suggestion.note(for: name, in: known).map { [Diagnostic.Note($0)] } ?? []
                diagnostics.append(
                    .error(
                        "'$\(name)' has no value: capture it first with 'let \(name) = <query>'",
                        at: map.location(line: 0, column: column), notes: hint))
            }
            return
        }
        let (script, problems) = ScenarioParser.parse(text, sourceMap: map, limits: limits)
        if !problems.isEmpty {
            diagnostics += problems.map { problem in
                var problem = problem
                problem.notes.append(.init("after replacing captured values the line reads: \(text)"))
                return problem
            }
            return
        }
        for var substituted in script.statements {
            substituted.text = statement.text
            substituted.narration = statement.narration
            execute(substituted)
        }
    }
}
