import Foundation

/// Replaces a file's contents without ever leaving a half-written file: write a temporary file beside it, then
/// rename it over the original (an atomic step on POSIX file systems). The original's permissions are kept.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let manager = FileManager.default
        do {
            try Data(bytes).write(to: temporary)
            if let permissions = try? manager.attributesOfItem(atPath: path)[.posixPermissions] {
                try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            if rename(temporary.path, path) != 0 {
                throw CLIError("cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as CLIError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw CLIError("cannot write \(path): \(LessonFiles.describe(error))")
        }
    }
}
