import Diagnostics

/// The names and page anchors of a lesson's blocks of one kind (scenarios, exercises), in the order they come: a
/// name used twice is an error at the later block, and so are two names that give one page anchor (`a_b` and `a-b`,
/// or `A.B`; for scenarios also `3` and the third scenario when it is unnamed), which would share one element id.
struct BlockNames {
    /// The kind, as the diagnostics name it: `scenario`, `exercise`.
    let kind: String
    private var named: [String: SourceLocation] = [:]
    private var anchors: [String: (name: String?, location: SourceLocation)] = [:]

    init(kind: String) {
        self.kind = kind
    }

    /// Records the next block; returns the error when its name or its anchor is taken by an earlier block.
    mutating func add(name: String?, anchor: String, at location: SourceLocation) -> Diagnostic? {
        defer {
            if let name, named[name] == nil { named[name] = location }
            if anchors[anchor] == nil { anchors[anchor] = (name, location) }
        }
        if let name, let earlier = named[name] {
            return .error(
                "\(kind) name '\(name)' is used twice in this lesson", at: location,
                notes: [.init("first used here", at: earlier)])
        }
        guard let earlier = anchors[anchor] else { return nil }
        let this = name.map { "\(kind) name '\($0)'" } ?? "this unnamed \(kind)"
        let other = earlier.name.map { "'\($0)'" } ?? "an unnamed \(kind)"
        return .error(
            "\(this) gives the page anchor '#\(anchor)', which \(other) already has; rename one of them",
            at: location, notes: [.init("the other \(kind) is here", at: earlier.location)])
    }
}
