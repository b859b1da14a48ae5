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
                for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path)")
        }
        return LessonFile(path: path, bytes: [UInt8](data))
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func describe(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
