import Foundation

/// A new, empty folder under the system's temporary directory, removed with everything in it when released.
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder; `prefix` starts its name, so a leftover folder says which tests made it.
    public init(prefix: String = "replicalab-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The URL of `relative` inside the folder.
    public func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `text` to `relative`, creating the folders on the way.
    public func write(_ text: String, to relative: String) throws {
        let file = url(relative)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Every file under `relative` (the whole folder when empty), by path relative to it.
    public func contents(of relative: String = "") throws -> [String: Data] {
        let base = relative.isEmpty ? url : url(relative)
        var result: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: base.path) {
            var isDirectory: ObjCBool = false
            let path = base.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }
}
