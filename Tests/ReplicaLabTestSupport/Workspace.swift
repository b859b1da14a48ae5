import Foundation
import Testing

/// A temporary folder with a `Lessons/` subfolder in which the built `replicalab` executable runs; removed with its
/// build cache when released.
public final class Workspace: Sendable {
    private let folder: TemporaryFolder
    private let cache: TemporaryFolder

    /// The folder the executable runs in.
    public var root: URL { folder.url }
    /// The build cache the runs use (`REPLICALAB_CACHE_DIR`), outside `root` as the real one is.
    public var cacheRoot: URL { cache.url }
    /// The executable the runs use: the package's build, or the copy in the folder.
    public let executable: URL

    /// Creates the folder with `lessons` (file name → text) in `Lessons/`, or with no `Lessons/` at all when
    /// `lessons` is nil. With `copyingExecutable`, the built executable is copied into the folder and runs from
    /// there: a learner's folder that holds only the binary.
    public init(lessons: [String: String]?, copyingExecutable: Bool = false) throws {
        folder = try TemporaryFolder(prefix: "replicalab-tests")
        cache = try TemporaryFolder(prefix: "replicalab-cache")
        let built = try #require(Executable.replicalab, "cannot find the built replicalab executable")
        if copyingExecutable {
            executable = folder.url("replicalab")
            try FileManager.default.copyItem(at: built, to: executable)
        } else {
            executable = built
        }
        guard let lessons else { return }
        try FileManager.default.createDirectory(
            at: folder.url("Lessons"), withIntermediateDirectories: true)
        for (name, text) in lessons {
            try folder.write(text, to: "Lessons/\(name)")
        }
    }

    /// The URL of `relative` inside the workspace.
    public func url(_ relative: String) -> URL { folder.url(relative) }

    /// Every file under `relative`, by relative path.
    public func contents(of relative: String) throws -> [String: Data] {
        try folder.contents(of: relative)
    }

    /// The cache folder of a site folder of this workspace.
    public func cacheFolder(for site: String = "Site") throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cacheRoot.path)
        let name = try #require(names.first { $0.hasPrefix(site + "-") }, "no cache folder for \(site) in \(names)")
        return cacheRoot.appendingPathComponent(name)
    }

    /// How a run ended and what it printed.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `replicalab` with `arguments` in this folder; input and output go through files so nothing can block.
    public func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["REPLICALAB_CACHE_DIR"] = cacheRoot.path
        // Tests decide for themselves whether they run "in CI" (check --update refuses there).
        environment["CI"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let token = UUID().uuidString
        let inURL = root.appendingPathComponent(".stdin-\(token)")
        let outURL = root.appendingPathComponent(".stdout-\(token)")
        let errURL = root.appendingPathComponent(".stderr-\(token)")
        try Data(input.utf8).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        defer {
            for url in [inURL, outURL, errURL] { try? FileManager.default.removeItem(at: url) }
        }
        let stdin = try FileHandle(forReadingFrom: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        for handle in [stdin, out, err] { try handle.close() }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Finds the `replicalab` executable the package built alongside the tests.
public enum Executable {
    /// The executable, or nil when it was not built.
    public static let replicalab: URL? = locate()

    private static func locate() -> URL? {
        var folders: [URL] = []
        // The test runner lives in the build products folder (`.build/<triple>/debug/…xctest`).
        if let runner = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            for _ in 0..<3 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // Fall back to the package's own `.build/debug`.
        folders.append(Repository.url(".build/debug"))
        return folders.map { $0.appendingPathComponent("replicalab") }.first {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }
}
