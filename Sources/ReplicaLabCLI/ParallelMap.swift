import Course
import Dispatch
import Foundation
import Synchronization

/// Maps values on several threads and returns the results in input order, so parallel work prints the same bytes
/// as sequential work. The library modules stay synchronous; only the CLI decides to spread work over cores.
enum ParallelMap {
    /// How many threads to use by default: one per core.
    static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `items.map(transform)`, computed by up to `jobs` threads that take the next item when they finish one.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], jobs: Int = defaultJobs, _ transform: @Sendable (T) -> R
    ) -> [R] {
        guard jobs > 1, items.count > 1 else { return items.map(transform) }
        guard #available(macOS 15, *) else { return items.map(transform) }
        let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let result = transform(items[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// Verifies a course with its lessons spread over `jobs` threads, for a report: the result is
/// `CourseVerifier.verify(files)` without the states the scenarios went through (`VerifiedLesson.droppingStates`),
/// which a report does not show and a large course could not hold all at once.
enum ParallelVerifier {
    static func verify(_ files: [LessonFile], jobs: Int = ParallelMap.defaultJobs) -> VerifiedCourse {
        CourseVerifier.assemble(
            outlined: ParallelMap.map(CourseVerifier.ordered(files), jobs: jobs) {
                var (lesson, problems) = CourseVerifier.verify($0, limits: .ofThisRun)
                lesson?.dropStates()
                return (lesson.map { ($0, $0.outline) }, problems)
            }, limits: .ofThisRun)
    }
}
