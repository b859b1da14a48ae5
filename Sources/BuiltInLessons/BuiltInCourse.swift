/// The course as it was when this executable was built: the lessons of the repository's `Lessons/` folder, compiled
/// in by the EmbedLessons build plugin, so the binary alone can list and run them.
public enum BuiltInCourse {
    /// One lesson file, byte for byte.
    public struct Lesson: Sendable {
        /// The file's name, `NN-slug.md`.
        public let fileName: String
        /// The file's bytes.
        public let bytes: [UInt8]

        init(fileName: String, text: String) {
            self.fileName = fileName
            self.bytes = Array(text.utf8)
        }

        init(fileName: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.bytes = bytes
        }
    }

    /// The lessons, in file-name order (the course's order).
    public static var lessons: [Lesson] { embedded }

    /// The folder the lessons came from, relative to the repository root.
    public static let folder = "Lessons"
}
