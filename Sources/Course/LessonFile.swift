/// A lesson file's path and bytes, as the CLI read them (this module does no I/O).
public struct LessonFile: Hashable, Sendable {
    /// The path, as it will appear in diagnostics.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a lesson file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
