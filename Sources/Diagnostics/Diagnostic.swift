/// A problem found in a lesson or a scenario, reported like a compiler reports one.
public struct Diagnostic: Hashable, Sendable {
    /// How bad the problem is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// What kind of problem it is; decides the exit code.
    public enum Kind: String, Hashable, Sendable {
        /// The input cannot be understood (syntax, unknown command, unknown topic): exit code 2.
        case input
        /// The input is understood but a claim in it is false (a failed expectation, a wrong output block): exit code 1.
        case verification
    }

    /// An extra remark attached to a diagnostic, optionally with its own location.
    public struct Note: Hashable, Sendable {
        /// Where the note points, if anywhere.
        public var location: SourceLocation?
        /// The text of the note.
        public var message: String

        /// Creates a note; long stretches of quoted input are cut to an excerpt (see `Excerpt`).
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = Excerpt.bounded(message)
            self.location = location
        }
    }

    /// How bad it is.
    public var severity: Severity
    /// Whether the input is malformed or a claim in it is false.
    public var kind: Kind
    /// Where it is.
    public var location: SourceLocation
    /// One line saying what is wrong.
    public var message: String
    /// Further remarks (suggestions, the other half of a conflict).
    public var notes: [Note]
    /// Extra lines printed verbatim after the message (a diff, a table), without location prefixes.
    public var detail: [String]

    /// Creates a diagnostic; long stretches of quoted input in the message and detail lines are cut to an excerpt
    /// (see `Excerpt`), so a huge argument is never echoed whole.
    public init(
        _ severity: Severity = .error,
        kind: Kind = .input,
        at location: SourceLocation,
        _ message: String,
        notes: [Note] = [],
        detail: [String] = []
    ) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.message = Excerpt.bounded(message)
        self.notes = notes
        self.detail = detail.map(Excerpt.bounded)
    }

    /// An input error: the lesson or script cannot be understood.
    public static func error(_ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, kind: .input, at: location, message, notes: notes)
    }

    /// A verification failure: a claim made by the lesson is false.
    public static func failure(
        _ message: String, at location: SourceLocation, notes: [Note] = [], detail: [String] = []
    ) -> Diagnostic {
        Diagnostic(.error, kind: .verification, at: location, message, notes: notes, detail: detail)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by location, then severity, then message, so output never depends on discovery order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The process exit code these diagnostics call for: 2 for bad input, 1 for a failed verification, else 0.
    public var exitCode: Int32 {
        let errors = filter { $0.severity == .error }
        if errors.contains(where: { $0.kind == .input }) { return 2 }
        return errors.isEmpty ? 0 : 1
    }
}
