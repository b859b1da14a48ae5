import LessonMarkdown
import ScenarioLanguage

/// Where a session that starts from a lesson's scenario begins: `replicalab play --from <lesson>#<scenario>/step-<n>`
/// and the site's playground (`play.html#from=…`) both take the lines worked out here, so both start from the same
/// state.
public enum ScenarioStart {
    /// The scenarios the one at `index` continues (`continues=<name>`, down the chain), earliest first: their lines,
    /// whole, come before its own. A name that does not exist, or a chain that loops, ends the chain.
    public static func continuedScenarios(of index: Int, in scenarios: [ScenarioBlock]) -> [Int] {
        var chain: [Int] = []
        var earlier = scenarios[index].continues
        var visited: Set<String> = [scenarios[index].name ?? ""]
        while let name = earlier, !visited.contains(name),
            let found = scenarios.firstIndex(where: { $0.name == name })
        {
            visited.insert(name)
            chain.insert(found, at: 0)
            earlier = scenarios[found].continues
        }
        return chain
    }

    /// For each step of a scenario (a statement that is not an `expect`), in order, how many of the scenario's
    /// `lineCount` lines reach through the step and the checks right after it (the comments above the next step
    /// narrate that step, so they are left for it). `statements` are in line order, as the parser gives them: one
    /// pass over them serves every step (a search from the end per step made a long scenario quadratic).
    public static func stepLineCounts(of statements: [Statement], lineCount: Int) -> [Int] {
        let commands = statements.filter { if case .expect = $0.command { false } else { true } }
        // `statements[..<before]` are the statements above the next step's line.
        var before = 0
        return commands.indices.map { step in
            let next = step + 1 < commands.count ? commands[step + 1].lineIndex : lineCount
            while before < statements.count, statements[before].lineIndex < next { before += 1 }
            let checked = before > 0 ? statements[before - 1].lineIndex : commands[step].lineIndex
            return checked + 1
        }
    }
}

extension ScenarioBlock {
    /// The scenario this one continues (`continues=<name>`), if any.
    public var continues: String? {
        options.first { $0.hasPrefix("continues=") }.map { String($0.dropFirst("continues=".count)) }
    }
}
