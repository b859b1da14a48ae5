import Dispatch
import Foundation
import Synchronization

/// Removes the writers' temporary files and folders when the process is interrupted (SIGINT, SIGTERM, SIGHUP), then
/// lets the signal end the process as it would have (exit status 128 + signal).
///
/// The handlers are installed the first time a temporary is registered, so commands that never write keep the
/// default signal behaviour. The signal is handled on a dispatch queue, not in a signal handler, so removing files
/// is safe; a writer still running meanwhile cannot leave anything behind, because `Posix.removeTree` retries a
/// folder that gained entries, and a removed folder cannot gain any. A writer puts its result in place only through
/// `unlessInterrupted`, so the rename and the cleanup never overlap: either the rename comes first (and the cleanup
/// removes what it displaced), or the cleanup does and the rename never happens.
final class InterruptCleanup: Sendable {
    static let shared = InterruptCleanup()

    private struct State {
        var paths: [Int: String] = [:]
        var nextToken = 0
        var sources: [any DispatchSourceSignal] = []
        var isInterrupted = false
    }

    /// The run was interrupted: nothing may be put in place any more.
    struct Interrupted: Error {}

    private let state = Mutex(State())

    /// Signals that end a run and leave its temporaries to clean up.
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Remembers a temporary to remove if the process is interrupted; returns a token for `unregister`.
    func register(_ path: String) -> Int {
        state.withLock { state in
            if state.sources.isEmpty { state.sources = Self.installHandlers(self) }
            state.nextToken += 1
            state.paths[state.nextToken] = path
            return state.nextToken
        }
    }

    /// Forgets a temporary (it was renamed into place or removed).
    func unregister(_ token: Int) {
        state.withLock { _ = $0.paths.removeValue(forKey: token) }
    }

    /// Runs `body` (a rename that puts a result in place) unless the run was interrupted, without any cleanup in
    /// between; `Interrupted` otherwise.
    /// With `forgetting`, the temporary of that token is forgotten in the same step when `body`'s result says so
    /// (after an exchange, the temporary's name holds what the target held, which must not be removed).
    func unlessInterrupted<Result>(
        forgetting token: Int? = nil, when forget: (Result) -> Bool = { _ in false }, _ body: () throws -> Result
    ) throws -> Result {
        try state.withLock { state in
            guard !state.isInterrupted else { throw Interrupted() }
            let result = try body()
            if let token, forget(result) { state.paths[token] = nil }
            return result
        }
    }

    /// When the run was interrupted, waits for the cleanup to end the process (it does so with the signal), so that
    /// the process never ends with an exit code of its own meanwhile (a writer that failed because its temporary
    /// was just removed would report that as an error). Returns at once otherwise.
    func waitIfInterrupted() {
        guard state.withLock({ $0.isInterrupted }) else { return }
        while true { pause() }
    }

    /// Forbids any further rename, and removes every registered temporary.
    private func removeAll() {
        let paths = state.withLock { state in
            state.isInterrupted = true
            defer { state.paths = [:] }
            return state.paths.values.sorted()
        }
        for path in paths { Posix.removeTree(path) }
    }

    private static func installHandlers(_ cleanup: InterruptCleanup) -> [any DispatchSourceSignal] {
        signals.compactMap { number in
            // A signal the process was started with ignored (`nohup`) stays ignored.
            let previous = signal(number, SIG_IGN)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { return nil }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                cleanup.removeAll()
                // The signal is blocked in dispatch's threads (that is how the source receives it): unblock it in
                // this thread and raise it here, with its default action, to end the process as it would have.
                signal(number, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, number)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(number)
            }
            source.resume()
            return source
        }
    }
}
