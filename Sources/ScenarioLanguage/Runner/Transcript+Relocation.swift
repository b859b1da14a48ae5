import Diagnostics

extension Transcript {
    /// The transcript with every source location moved by `move`: each step's statement (its line, its arguments,
    /// an expectation's value, a deferred line's map) and every diagnostic with its notes.
    ///
    /// What a scenario does depends on its text, its seed and the state it starts from, never on where its block
    /// sits in a file. So a scenario can run once against a canonical source map and be relocated to wherever its
    /// block is now, and the result is exactly what running it in place gives (Course's `ScenarioRuns` keeps runs
    /// this way, so editing the prose above a scenario does not run it again). A location added to `Statement` or
    /// `Command` must be moved here too; `ScenarioRunsTests` compares relocated runs with runs in place.
    public func relocated(_ move: (SourceLocation) -> SourceLocation) -> Transcript {
        Transcript(
            steps: steps.map { step in
                var step = step
                step.statement = step.statement.relocated(move)
                return step
            },
            diagnostics: diagnostics.map { $0.relocated(move) })
    }
}

extension Statement {
    /// The statement with every source location it holds moved by `move`.
    public func relocated(_ move: (SourceLocation) -> SourceLocation) -> Statement {
        var moved = self
        moved.location = move(location)
        moved.argumentLocations = argumentLocations.mapValues(move)
        switch command {
        case .expect(var expectation):
            expectation.valueLocation = move(expectation.valueLocation)
            moved.command = .expect(expectation)
        case .deferred(let line, let map):
            moved.command = .deferred(line: line, map: map.relocated(move))
        case .cluster, .broker, .topic, .manualTopic, .addPartitions, .describe, .brokers, .advance, .fault, .heal,
            .elect, .config,
            .produce, .replicas, .explain, .producer, .consume, .group, .letValue:
            break
        }
        return moved
    }
}
