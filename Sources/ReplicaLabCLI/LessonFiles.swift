import Course
import Foundation

/// Reads lessons from disk: the only place lesson files are read.
enum LessonFiles {
    /// Every lesson under `paths`: a directory contributes its `*.md` files (not recursively), a file itself.
    static func read(_ paths: [String]) throws -> [LessonFile] {
        var files: [LessonFile] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let names: [String]
                do {
                    names = try manager.contentsOfDirectory(atPath: path)
                } catch {
                    throw CLIError("cannot list \(path): \(describe(error))")
                }
                let lessons = names.sorted().filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
                // An empty folder (or a folder where a lesson file was meant) would otherwise "verify" nothing.
                if lessons.isEmpty { throw CLIError("no lessons (*.md files) in the folder \(path)") }
                for name in lessons {
                    try checkStaysInside(path, join(path, name))
                    files.append(try readFile(join(path, name)))
                }
            } else {
                files.append(try readFile(path))
            }
        }
        return files
    }

    static func readFile(_ path: String) throws -> LessonFile {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path) is a directory, expected a file")
        }
        // FileManager.contents(atPath:) leaks a 4 KB buffer on an empty file (LeakSanitizer in CI found it):
        // an empty file is read as no bytes without it.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber, size.intValue == 0,
            FileManager.default.isReadableFile(atPath: path)
        {
            return LessonFile(path: path, bytes: [])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path)")
        }
        return LessonFile(path: path, bytes: [UInt8](data))
    }

    /// A lesson in a lessons folder that is a symbolic link to a file outside the folder is refused: the course would
    /// publish whatever it points at.
    static func checkStaysInside(_ directory: String, _ path: String) throws {
        let manager = FileManager.default
        guard (try? manager.destinationOfSymbolicLink(atPath: path)) != nil else { return }
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            throw CLIError("\(path) is a symbolic link to \(target), outside \(directory): refusing to read it")
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func describe(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
