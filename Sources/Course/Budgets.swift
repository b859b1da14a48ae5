import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// What one lesson, and the whole course, may cost to verify and build. The scenario caps (`Limits`) bound one
/// scenario; these bound what adds up across scenarios: a lesson of many scenarios each just under the caps could
/// otherwise need gigabytes and minutes, and a course of many such lessons more.
///
/// Passing a budget is an input error (exit code 2) located where it was passed: the file for input bytes, the step
/// for snapshots and engine work (the scenario stops there and later scenarios of the lesson do not run), the lesson
/// for rendered bytes, and for the course the lesson that takes it past the budget. Like the caps they are
/// constants, so a lesson verifies the same way everywhere; `REPLICALAB_LIMIT_SCALE=<n>` multiplies them too, for
/// stress runs and benchmarks (docs/robustness.md).
public enum Budgets {
    /// Bytes of one lesson file (or one scenario script given to `run`).
    public static let lessonInputBytes = 1_048_576 * Limits.scale
    /// Bytes of all lesson files together.
    public static let courseInputBytes = 64 * 1_048_576 * Limits.scale
    /// Partition replicas kept in step snapshots by one lesson: every step keeps a copy of the cluster, so a step
    /// costs the replicas its cluster has (at least 1).
    public static let lessonSnapshotReplicas = 250_000 * Limits.scale
    /// Partition replicas kept in step snapshots by the whole course.
    public static let courseSnapshotReplicas = 10_000_000 * Limits.scale
    /// Engine work of one lesson (its scenarios' `Limits.engineWork` units together).
    public static let lessonEngineWork = 8_000_000 * Limits.scale
    /// Engine work of the whole course.
    public static let courseEngineWork = 400_000_000 * Limits.scale
    /// Bytes of one lesson's rendered page.
    public static let lessonRenderedBytes = 16 * 1_048_576 * Limits.scale
    /// Bytes of the whole rendered site.
    public static let courseRenderedBytes = 1_024 * 1_048_576 * Limits.scale

    /// Where the budgets are and how to raise them, for diagnostics.
    static let whereToRaise =
        "budgets are in Sources/Course/Budgets.swift; REPLICALAB_LIMIT_SCALE=<n> multiplies them for stress runs; see docs/robustness.md"

    /// The error for a budget passed at `location`.
    static func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error(message, at: location, notes: [.init(whereToRaise)])
    }

    /// A lesson file (or script) larger than `lessonInputBytes`.
    public static func inputTooLarge(_ path: String) -> Diagnostic {
        diagnostic(
            "this file is larger than \(lessonInputBytes) bytes (Budgets.lessonInputBytes); split the lesson",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// The lesson file that takes the course past `courseInputBytes`; later files are not read.
    public static func courseInputTooLarge(_ path: String, total: Int) -> Diagnostic {
        diagnostic(
            "with this file the lessons come to \(total) bytes, more than the course budget of \(courseInputBytes) (Budgets.courseInputBytes); later files were not read",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// The problems of lesson pages (in course order) whose rendered size passes `lessonRenderedBytes`, and of the
    /// page that takes the site past `courseRenderedBytes`. `otherBytes` are the site's files that are not lesson
    /// pages.
    public static func renderedDiagnostics(pages: [(path: String, bytes: Int)], otherBytes: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var total = otherBytes
        var courseReported = false
        for page in pages {
            let location = SourceLocation(file: page.path, line: 1, column: 1)
            if page.bytes > lessonRenderedBytes {
                diagnostics.append(
                    diagnostic(
                        "this lesson's page is \(page.bytes) bytes, more than \(lessonRenderedBytes) (Budgets.lessonRenderedBytes); split the lesson or show fewer steps",
                        at: location))
            }
            total += page.bytes
            if total > courseRenderedBytes, !courseReported {
                courseReported = true
                diagnostics.append(
                    diagnostic(
                        "with this lesson's page the site comes to \(total) bytes, more than \(courseRenderedBytes) (Budgets.courseRenderedBytes)",
                        at: location))
            }
        }
        return diagnostics
    }

    /// The problems of a course (in course order) whose lessons together pass the course budgets for snapshots and
    /// engine work, located at the lesson that passes each.
    static func courseDiagnostics(_ outlines: [LessonOutline]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var replicas = 0
        var work = 0
        for outline in outlines {
            let location = SourceLocation(file: outline.path, line: 1, column: 1)
            let replicasBefore = replicas
            let workBefore = work
            replicas += outline.cost.snapshotReplicas
            work += outline.cost.engineWork
            if replicas > courseSnapshotReplicas, replicasBefore <= courseSnapshotReplicas {
                diagnostics.append(
                    diagnostic(
                        "with this lesson the course keeps \(replicas) partition replicas in step snapshots, more than \(courseSnapshotReplicas) (Budgets.courseSnapshotReplicas)",
                        at: location))
            }
            if work > courseEngineWork, workBefore <= courseEngineWork {
                diagnostics.append(
                    diagnostic(
                        "with this lesson the course uses \(work) units of engine work, more than \(courseEngineWork) (Budgets.courseEngineWork)",
                        at: location))
            }
        }
        return diagnostics
    }
}

/// What verifying one lesson cost, counted against `Budgets`.
public struct LessonCost: Codable, Hashable, Sendable {
    /// Partition replicas kept in its steps' snapshots (at least 1 per step).
    public var snapshotReplicas = 0
    /// Engine work its scenarios did.
    public var engineWork = 0

    /// Creates a cost.
    public init(snapshotReplicas: Int = 0, engineWork: Int = 0) {
        self.snapshotReplicas = snapshotReplicas
        self.engineWork = engineWork
    }

    /// Whether a lesson budget has been passed.
    public var isOverBudget: Bool {
        snapshotReplicas > Budgets.lessonSnapshotReplicas || engineWork > Budgets.lessonEngineWork
    }

    /// Counts the step the runner just took; returns the problem when it takes the lesson past a budget.
    mutating func count(step runner: ScenarioRunner, workBefore: Int, at location: SourceLocation) -> Diagnostic? {
        let replicas = runner.cluster.map { cluster in
            cluster.topics.values.reduce(0) { $0 + $1.partitions.count * $1.replicationFactor }
        }
        snapshotReplicas += max(1, replicas ?? 0)
        engineWork += max(0, (runner.cluster?.workDone ?? 0) - workBefore)
        if snapshotReplicas > Budgets.lessonSnapshotReplicas {
            return Budgets.diagnostic(
                "this step takes the lesson to \(snapshotReplicas) partition replicas kept in step snapshots, more than \(Budgets.lessonSnapshotReplicas) (Budgets.lessonSnapshotReplicas: every step keeps a copy of the cluster); the scenario stops here and later scenarios of this lesson do not run",
                at: location)
        }
        if engineWork > Budgets.lessonEngineWork {
            return Budgets.diagnostic(
                "this step takes the lesson to \(engineWork) units of engine work, more than \(Budgets.lessonEngineWork) (Budgets.lessonEngineWork); the scenario stops here and later scenarios of this lesson do not run",
                at: location)
        }
        return nil
    }
}
