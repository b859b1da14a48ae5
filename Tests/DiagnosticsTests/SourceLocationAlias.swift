import Diagnostics

/// `Testing` has a `SourceLocation` too; in these tests the name means the lesson-file location.
typealias SourceLocation = Diagnostics.SourceLocation
