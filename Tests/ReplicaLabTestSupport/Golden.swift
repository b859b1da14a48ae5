import Foundation
import Testing

/// Golden files: expected output committed next to the tests, compared exactly.
///
/// `REPLICALAB_BLESS=1 swift test --disable-xctest --filter <Suite>` rewrites them instead of comparing; review the
/// diff before committing, since a golden file is rewritten only on purpose.
public enum Golden {
    /// Whether this run rewrites golden files instead of comparing with them (`REPLICALAB_BLESS=1`).
    public static var isBlessing: Bool { ProcessInfo.processInfo.environment["REPLICALAB_BLESS"] == "1" }

    /// Compares `actual` with the golden file at `path` (relative to the repository root), or writes it there when
    /// blessing. A missing golden file is a failure that says how to create it.
    public static func check(
        _ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        if isBlessing {
            try Data(actual.utf8).write(to: Repository.url(path), options: .atomic)
            return
        }
        let expected: String
        do {
            expected = try Repository.text(path)
        } catch {
            let message =
                error.problem == .missing
                ? "no golden file \(path): run with REPLICALAB_BLESS=1 to write it" : "\(error)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == expected, "\(path) differs (REPLICALAB_BLESS=1 rewrites it)", sourceLocation: sourceLocation)
    }
}
