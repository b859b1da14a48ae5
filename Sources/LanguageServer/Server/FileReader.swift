import Course

/// How the server reads files it does not have open: the lessons beside an open lesson (for links between lessons
/// and lesson numbers) and the target of a link. The command line reads the file system; tests pass files in memory.
public protocol FileReader {
    /// The `*.md` files of a folder (not hidden, not in subfolders) with their bytes, as `check <folder>` reads them;
    /// empty when the folder cannot be read.
    func markdownFiles(inFolder folder: String) -> [LessonFile]

    /// A file's bytes, or nil when it cannot be read.
    func contents(of path: String) -> [UInt8]?
}

/// Files held in memory, by path: for tests, and for a server with no file system to look at.
public struct InMemoryFiles: FileReader, Sendable {
    /// The files, by path.
    public var files: [String: [UInt8]]

    /// Creates the files.
    public init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func markdownFiles(inFolder folder: String) -> [LessonFile] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.sorted().compactMap { path in
            let name = path.dropFirst(prefix.count)
            guard path.hasPrefix(prefix), !name.contains("/"), name.hasSuffix(".md"), !name.hasPrefix(".") else {
                return nil
            }
            return LessonFile(path: path, bytes: files[path]!)
        }
    }

    public func contents(of path: String) -> [UInt8]? { files[path] }
}
