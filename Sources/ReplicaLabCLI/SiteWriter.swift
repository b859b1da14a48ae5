import Foundation

/// Writes the site so that a reader never sees a half-written one: everything goes into a temporary folder beside
/// the target, which then replaces the old site; the old site is removed only once the new one is in place.
enum SiteWriter {
    /// Writes `files`; the paths in `reusing` are taken unchanged from the current site (hard-linked, or copied
    /// where links are not possible).
    static func write(
        _ files: [(path: String, contents: String)], reusing: [String] = [], to output: String
    ) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(pid)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        do {
            try? manager.removeItem(at: temporary)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for file in files {
                // Pages are named from lesson slugs (lowercase letters, digits, dashes); refuse anything that could
                // leave the output folder all the same.
                let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
                guard !file.path.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                    throw CLIError("refusing to write '\(file.path)': it is not a plain path inside \(output)")
                }
                let url = temporary.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            for path in reusing {
                let url = temporary.appendingPathComponent(path)
                let source = target.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if link(source.path, url.path) != 0 { try manager.copyItem(at: source, to: url) }
            }
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue {
                throw CLIError("\(output) exists and is not a directory")
            }
            if exists { try manager.moveItem(at: target, to: retired) }
            do {
                try manager.moveItem(at: temporary, to: target)
            } catch {
                if exists { try? manager.moveItem(at: retired, to: target) }
                throw error
            }
            if exists { try? manager.removeItem(at: retired) }
        } catch let error as CLIError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw CLIError("cannot write the site to \(output): \(LessonFiles.describe(error))")
        }
    }
}
