import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// Judges a script written for an exercise of a lesson: the exercise's goal lines are read from its block, and the
/// verdict is ScenarioLanguage's `ExerciseVerdict`, the one the page's sandbox gets from the WebAssembly engine.
public enum ExerciseJudge {
    /// Runs `script` (whose line k is placed by `sourceMap`) on a fresh cluster with `seed` and `kafka` (the lesson's
    /// Kafka), then the exercise's goals; the verdict says which goals hold and, for each that does not, why (the
    /// engine's `explain` of the partition it concerns).
    public static func judge(
        _ script: String, sourceMap: SourceMap, exercise: ExerciseBlock, seed: UInt64 = CourseVerifier.defaultSeed,
        kafka: KafkaVersion = .newest, limits: Limits = .standard
    ) -> ExerciseVerdict {
        let (parsed, problems) = ScenarioParser.parse(script, sourceMap: sourceMap, limits: limits)
        let goals =
            exercise.goal.map { ScenarioParser.parse($0.text, sourceMap: $0.sourceMap, limits: limits).script }
            ?? Script(statements: [])
        return ExerciseVerdict(
            judging: parsed, problems: problems, goals: goals, seed: seed, kafka: kafka, limits: limits)
    }

    /// What makes an exercise unusable as written (no goal, a goal that is not an `expect` line, a section that does
    /// not parse, …): located errors, all of them bad input. A script cannot be judged against such an exercise.
    public static func problems(of exercise: ExerciseBlock, limits: Limits = .standard) -> [Diagnostic] {
        ExerciseVerifier.structureProblems(of: exercise, limits: limits)
    }
}
