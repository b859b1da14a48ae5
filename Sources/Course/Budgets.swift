import Diagnostics
import LessonMarkdown
import Replication
import ScenarioLanguage

/// What one lesson, and the whole course, may cost to verify and build. The scenario caps (`Limits`) bound one
/// scenario; these bound what adds up across scenarios: a lesson of many scenarios each just under the caps could
/// otherwise need gigabytes and minutes, and a course of many such lessons more.
///
/// Passing a budget is an input error (exit code 2) located where it was passed: the file for input bytes, the step
/// for snapshots and engine work (the scenario stops there and later scenarios of the lesson do not run), the lesson
/// for rendered bytes, and for the course the lesson that takes it past the budget. Like the caps they are fixed, so
/// a lesson verifies the same way everywhere, and scaled with them (`Limits.scale`, which the command line takes from
/// `REPLICALAB_LIMIT_SCALE`) for stress runs and benchmarks (docs/robustness.md).
public struct Budgets: Hashable, Sendable {
    /// The budgets lessons are verified and built with.
    public static let standard = Budgets()

    /// The factor every budget is multiplied by, 1 to 1000: the scale of the caps they go with.
    public let scale: Int

    /// The budgets that go with `limits`: the standard ones multiplied by its scale.
    public init(limits: Limits = .standard) {
        scale = limits.scale
    }

    /// Bytes of one lesson file (or one scenario script given to `run`).
    public var lessonInputBytes: Int { Limits(scale: scale).inputBytes }
    /// Bytes of all lesson files together.
    public var courseInputBytes: Int { 64 * 1_048_576 * scale }
    /// Partition replicas kept in step snapshots by one lesson: every step keeps a copy of the cluster, so a step
    /// costs the replicas its cluster has (at least 1).
    public var lessonSnapshotReplicas: Int { 250_000 * scale }
    /// Partition replicas kept in step snapshots by the whole course.
    public var courseSnapshotReplicas: Int { 10_000_000 * scale }
    /// Engine work of one lesson (its scenarios' engine-work units together, each scenario capped by
    /// `Limits.engineWork`).
    public var lessonEngineWork: Int { 8_000_000 * scale }
    /// Engine work of the whole course.
    public var courseEngineWork: Int { 400_000_000 * scale }
    /// Bytes of one lesson's rendered page.
    public var lessonRenderedBytes: Int { 16 * 1_048_576 * scale }
    /// Bytes of the whole rendered site.
    public var courseRenderedBytes: Int { 1_024 * 1_048_576 * scale }

    /// Why the budgets exist and how to raise them, for the note of every budget error.
    static let whereToRaise = Limits.whereToRaiseBudgets

    /// The error for a budget passed at `location`.
    static func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error(message, at: location, notes: [.init(whereToRaise)])
    }

    /// A lesson file (or script) larger than `lessonInputBytes`.
    public func inputTooLarge(_ path: String) -> Diagnostic {
        Limits(scale: scale).inputTooLarge(path)
    }

    /// The lesson file that takes the course past `courseInputBytes`; later files are not read.
    public func courseInputTooLarge(_ path: String, total: Int) -> Diagnostic {
        Self.diagnostic(
            "with this file the lessons come to \(total) bytes, more than the course's budget of \(courseInputBytes); later files were not read",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// A lesson page whose rendering stopped as it passed `lessonRenderedBytes` (at `renderedBytes`).
    public func pageTooLarge(_ path: String, renderedBytes: Int) -> Diagnostic {
        Self.diagnostic(
            "this lesson's page passed the budget of \(lessonRenderedBytes) bytes for one page (the rendering stopped at \(renderedBytes) bytes); split the lesson or show fewer steps",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// The problems of lesson pages (in course order) whose rendered size passes `lessonRenderedBytes`, and of the
    /// page that takes the site past `courseRenderedBytes`. `otherBytes` are the site's files that are not lesson
    /// pages.
    public func renderedDiagnostics(pages: [(path: String, bytes: Int)], otherBytes: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var total = otherBytes
        var courseReported = false
        for page in pages {
            let location = SourceLocation(file: page.path, line: 1, column: 1)
            if page.bytes > lessonRenderedBytes {
                diagnostics.append(
                    Self.diagnostic(
                        "this lesson's page is \(page.bytes) bytes, more than the budget of \(lessonRenderedBytes) for one page; split the lesson or show fewer steps",
                        at: location))
            }
            total += page.bytes
            if total > courseRenderedBytes, !courseReported {
                courseReported = true
                diagnostics.append(
                    Self.diagnostic(
                        "with this lesson's page the site comes to \(total) bytes, more than the site's budget of \(courseRenderedBytes)",
                        at: location))
            }
        }
        return diagnostics
    }

    /// The problems of a course (in course order) whose lessons together pass the course budgets for snapshots and
    /// engine work, located at the lesson that passes each.
    func courseDiagnostics(_ outlines: [LessonOutline]) -> [Diagnostic] {
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
                    Self.diagnostic(
                        "with this lesson the course keeps \(replicas) partition replicas in step snapshots, more than the course's budget of \(courseSnapshotReplicas)",
                        at: location))
            }
            if work > courseEngineWork, workBefore <= courseEngineWork {
                diagnostics.append(
                    Self.diagnostic(
                        "with this lesson the course uses \(work) units of engine work, more than the course's budget of \(courseEngineWork)",
                        at: location))
            }
        }
        return diagnostics
    }

    /// Whether a lesson that has cost `cost` has passed a lesson budget.
    func isPassed(by cost: LessonCost) -> Bool {
        cost.snapshotReplicas > lessonSnapshotReplicas || cost.engineWork > lessonEngineWork
    }

    /// The error for the step at `location` that took the lesson to `cost`, past a lesson budget; `consequence` says
    /// what is not run because of it.
    func lessonDiagnostic(
        _ cost: LessonCost, at location: SourceLocation,
        consequence: String = "the scenario stops here and later scenarios of this lesson do not run"
    ) -> Diagnostic {
        if cost.snapshotReplicas > lessonSnapshotReplicas {
            return Self.diagnostic(
                "this step takes the lesson to \(cost.snapshotReplicas) partition replicas kept in step snapshots, more than the lesson's budget of \(lessonSnapshotReplicas) (every step keeps a copy of the cluster); \(consequence)",
                at: location)
        }
        return Self.diagnostic(
            "this step takes the lesson to \(cost.engineWork) units of engine work, more than the lesson's budget of \(lessonEngineWork); \(consequence)",
            at: location)
    }
}

/// What verifying one lesson cost (or one scenario's statements, in a run), counted against `Budgets`.
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

    /// Both costs added.
    static func + (lhs: LessonCost, rhs: LessonCost) -> LessonCost {
        LessonCost(
            snapshotReplicas: lhs.snapshotReplicas + rhs.snapshotReplicas, engineWork: lhs.engineWork + rhs.engineWork)
    }

    /// What the statement the runner just executed cost: the replicas its cluster has now (the step's snapshot, at
    /// least 1), and the engine work done since `workBefore`.
    static func ofStep(_ runner: ScenarioRunner, workBefore: Int64) -> LessonCost {
        ofStep(leaving: runner.cluster, workBefore: workBefore)
    }

    /// What a statement that left `cluster` cost, as `ofStep(_:workBefore:)` counts it.
    static func ofStep(leaving cluster: Cluster?, workBefore: Int64) -> LessonCost {
        let replicas = cluster.map { cluster in
            cluster.topics.values.reduce(0) { $0 + $1.partitions.count * $1.replicationFactor }
        }
        // A `cluster` line replaces the cluster, whose work starts again from 0.
        let work = max(0, (cluster?.workDone ?? 0) - workBefore)
        return LessonCost(snapshotReplicas: max(1, replicas ?? 0), engineWork: Int(clamping: work))
    }
}
