import Diagnostics

/// A place in a lesson or script file (`path:line:column`), as diagnostics report it.
///
/// `Diagnostics.SourceLocation` under a name of its own: `Testing` has a `SourceLocation` too, and a test file that
/// imports both would otherwise have to spell the module out.
public typealias FileLocation = Diagnostics.SourceLocation
