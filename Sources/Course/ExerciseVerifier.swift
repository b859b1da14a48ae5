import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// An exercise after verification: the block as written, and whether it holds what `check` requires of it.
public struct VerifiedExercise: Hashable, Sendable {
    /// The exercise as written.
    public var exercise: ExerciseBlock
    /// Problems found in it (a malformed block, a solution that misses a goal, a start that already meets them).
    public var diagnostics: [Diagnostic]

    /// Whether it verified.
    public var isVerified: Bool { !diagnostics.containsErrors }

    /// The id of the exercise's section on the site.
    public var anchor: String { exercise.anchor }
}

/// Checks the exercises of a lesson: each is well formed, every reference solution meets every goal, and the
/// starting script does not (else there is nothing to practise).
///
/// The scripts judged count against the lesson's budgets after its scenarios (`Budgets`): each step of a judged
/// script costs what a scenario's step costs. The script whose step passes a budget is reported there; the
/// exercise's later scripts and the lesson's later exercises are not run, and each of those exercises says so. A
/// lesson of many small exercises, each burning the engine-work cap, would otherwise take minutes to check.
enum ExerciseVerifier {
    /// Verifies every exercise of `lesson`; its scripts run with `seed` on `kafka` (the lesson's Kafka) under `limits`.
    /// `cost` is what the lesson has cost so far, and grows by what the judged scripts cost; `budgetStop` is where
    /// the lesson passed a budget, if it did (then no exercise runs), and is set where an exercise passes one.
    static func verify(
        _ lesson: Lesson, seed: UInt64, kafka: KafkaVersion, limits: Limits, cost: inout LessonCost,
        budgetStop: inout SourceLocation?
    ) -> [VerifiedExercise] {
        var names = BlockNames(kind: "exercise")
        var verified: [VerifiedExercise] = []
        for exercise in lesson.exercises {
            var diagnostics: [Diagnostic] = []
            if let problem = names.add(name: exercise.name, anchor: exercise.anchor, at: exercise.block.location) {
                diagnostics.append(problem)
            }
            diagnostics += verify(
                exercise, seed: seed, kafka: kafka, limits: limits, cost: &cost, budgetStop: &budgetStop)
            verified.append(VerifiedExercise(exercise: exercise, diagnostics: diagnostics.sorted()))
        }
        return verified
    }

    /// The problems of one exercise; the scripts it judges are counted in `cost`, as the lesson's are.
    static func verify(
        _ exercise: ExerciseBlock, seed: UInt64, kafka: KafkaVersion, limits: Limits, cost: inout LessonCost,
        budgetStop: inout SourceLocation?
    ) -> [Diagnostic] {
        let structure = structureProblems(of: exercise, limits: limits)
        guard structure.isEmpty, let start = exercise.start else { return structure }
        if let stop = budgetStop {
            return [
                .error(
                    "this exercise was not run: the lesson passed a budget at line \(stop.line)",
                    at: exercise.block.location)
            ]
        }
        let budgets = Budgets(limits: limits)
        var diagnostics: [Diagnostic] = []
        /// Counts a judged script's steps; true (with the error at the step) when one passes a budget.
        func charge(_ verdict: ExerciseVerdict) -> Bool {
            var workBefore: Int64 = 0
            for step in verdict.transcript.steps {
                cost = cost + .ofStep(leaving: step.cluster, workBefore: workBefore)
                workBefore = step.cluster?.workDone ?? workBefore
                if budgets.isPassed(by: cost) {
                    budgetStop = step.statement.location
                    diagnostics.append(
                        budgets.lessonDiagnostic(
                            cost, at: step.statement.location,
                            consequence: "this exercise's later scripts and later exercises of this lesson are not run"
                        ))
                    return true
                }
            }
            return false
        }
        let started = ExerciseJudge.judge(
            start.text, sourceMap: start.sourceMap, exercise: exercise, seed: seed, kafka: kafka, limits: limits)
        if charge(started) { return diagnostics }
        diagnostics += started.problems.filter { $0.kind == .input }
        if started.isAccepted {
            diagnostics.append(
                .failure(
                    "the starting script already meets every goal: the reader would have nothing to do",
                    at: start.location))
        }
        for (index, solution) in exercise.solutions.enumerated() {
            let verdict = ExerciseJudge.judge(
                solution.text, sourceMap: solution.sourceMap, exercise: exercise, seed: seed, kafka: kafka,
                limits: limits)
            if charge(verdict) { break }
            diagnostics += verdict.problems
            guard !verdict.isBadInput else { continue }
            for goal in verdict.failedGoals {
                diagnostics.append(
                    .failure(
                        "solution \(index + 1) does not meet this goal: \(goal.message)", at: goal.location,
                        notes: [.init("the solution is here", at: solution.location)],
                        detail: goal.explanation.isEmpty
                            ? []
                            : ["explain \(goal.partition.map(String.init(describing:)) ?? ""):"]
                                + goal.explanation.map { "  " + $0 }))
            }
        }
        return diagnostics
    }

    /// What is missing or misplaced in the block: every problem is bad input (exit 2).
    static func structureProblems(of exercise: ExerciseBlock, limits: Limits) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let location = exercise.block.location
        if exercise.name == nil {
            diagnostics.append(
                .error(
                    "an exercise needs a name: ```exercise <name> (the reader types it to check a script)", at: location
                ))
        }
        for option in exercise.options {
            diagnostics.append(.error("unknown exercise option '\(option)' (exercises take none)", at: location))
        }
        for stray in exercise.strayLines {
            diagnostics.append(
                .error(
                    "this line belongs to no section: start the exercise with '# task' (sections: "
                        + ExerciseBlock.Marker.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")",
                    at: stray))
        }
        for marker in [ExerciseBlock.Marker.task, .start, .goal] {
            let sections = exercise.sections(marker)
            if sections.isEmpty {
                diagnostics.append(.error("an exercise needs a '\(marker.rawValue)' section", at: location))
            }
            for extra in sections.dropFirst() {
                diagnostics.append(
                    .error(
                        "a second '\(marker.rawValue)' section; an exercise has one",
                        at: extra.location, notes: [.init("the first is here", at: sections[0].location)]))
            }
        }
        if exercise.solutions.isEmpty {
            diagnostics.append(
                .error(
                    "an exercise needs at least one '# solution' section, a script that meets every goal", at: location)
            )
        }
        if let task = exercise.sections(.task).first, task.trimmedText.isEmpty {
            diagnostics.append(.error("the task is empty: say what the reader should achieve", at: task.location))
        }
        for section in exercise.sections where section.marker == .solution && section.isEmpty {
            diagnostics.append(.error("this solution is empty", at: section.location))
        }
        if let goal = exercise.goal {
            let (script, problems) = ScenarioParser.parse(goal.text, sourceMap: goal.sourceMap, limits: limits)
            diagnostics += problems
            if problems.isEmpty, script.statements.isEmpty {
                diagnostics.append(
                    .error("the goal is empty: write 'expect' lines the reader's script must meet", at: goal.location))
            }
            for statement in script.statements {
                guard case .expect = statement.command else {
                    diagnostics.append(
                        .error(
                            "a goal is an 'expect' line; '\(statement.text)' would change the reader's cluster",
                            at: statement.location))
                    continue
                }
            }
        }
        for section in exercise.sections where section.marker == .start || section.marker == .solution {
            diagnostics += ScenarioParser.parse(section.text, sourceMap: section.sourceMap, limits: limits).diagnostics
        }
        return diagnostics
    }
}
