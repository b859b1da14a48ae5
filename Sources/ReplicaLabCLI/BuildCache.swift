import Course
import CourseSite
import Foundation
import ScenarioLanguage

/// The build cache: for every lesson that verified cleanly, its rendering and outline, stored under a key made of
/// everything the result depends on, in the user's cache folder (`$REPLICALAB_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/replicalab`, else `~/.cache/replicalab`), one subfolder per site folder. Nothing is ever written
/// beside or above `--out`: a build writes only under `--out`.
///
/// The key is the SHA-256 of the cache format, ReplicaLab's version and engine semantics, an identity of the
/// running executable (size and modification time: a rebuilt binary never reuses results of another build), the
/// default seed, the lesson's path and its bytes. An entry repeats its key and carries the length and a checksum
/// of its article, so an entry that is truncated, edited or for another key is ignored (and rewritten), never used.
struct BuildCache: Sendable {
    /// One entry's metadata (`<key>.json`); the article is `<key>.html`.
    struct Entry: Codable {
        var key: String
        var articleLength: Int
        var articleChecksum: UInt64
        var rendering: LessonRendering
        var outline: LessonOutline
    }

    /// Bump when the entry layout or what it holds changes.
    static let format = "replicalab-build-cache-2"

    /// The folder entries live in.
    let folder: URL
    /// Everything except the lesson that goes into keys.
    let salt: String

    /// The cache for a site written to `output`; `salt` defaults to this executable's version key.
    init(output: String, salt: String? = nil) {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let environment = ProcessInfo.processInfo.environment
        let root: URL
        if let explicit = environment["REPLICALAB_CACHE_DIR"], !explicit.isEmpty {
            root = URL(fileURLWithPath: explicit)
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            root = URL(fileURLWithPath: xdg).appendingPathComponent("replicalab")
        } else {
            root = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/replicalab")
        }
        // One folder per site: the site folder's name and a hash of its absolute path.
        let pathHash = SHA256.hex(Array(target.path.utf8)).prefix(16)
        folder = root.appendingPathComponent("\(target.lastPathComponent)-\(pathHash)")
        self.salt = salt ?? Self.versionKey()
    }

    /// Format, version, engine semantics, seed, the caps (when scaled) and the executable's identity.
    static func versionKey() -> String {
        var parts = [
            format, ReplicaLabVersion.current, ReplicaLabVersion.kafkaSemantics, "seed \(CourseVerifier.defaultSeed)",
        ]
        if Limits.ofThisRun != .standard { parts.append("limit scale \(Limits.ofThisRun.scale)") }
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            parts.append("\(executable) \(size) \(modified)")
        } else {
            parts.append("unknown executable \(UUID().uuidString)")  // never reuse what we cannot identify
        }
        return parts.joined(separator: "\n")
    }

    /// The key of a lesson file.
    func key(for file: LessonFile) -> String {
        SHA256.hex(Array((salt + "\n" + file.path + "\n").utf8) + file.bytes)
    }

    private func metadataURL(_ key: String) -> URL { folder.appendingPathComponent(key + ".json") }
    private func articleURL(_ key: String) -> URL { folder.appendingPathComponent(key + ".html") }

    /// The cached rendering (without its article: see `article(_:for:)`) and outline for `key`, or nil when there
    /// is none or it is not intact.
    func load(_ key: String) -> (rendering: LessonRendering, outline: LessonOutline)? {
        guard let data = Self.read(metadataURL(key).path),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
        else { return nil }
        return (rendering: entry.rendering, outline: entry.outline)
    }

    /// The cached article of `key`, when it is intact (its length and checksum are those recorded with it).
    func article(_ key: String) -> [UInt8]? {
        guard let metadata = Self.read(metadataURL(key).path),
            let entry = try? JSONDecoder().decode(Entry.self, from: metadata), entry.key == key,
            let data = Self.read(articleURL(key).path),
            data.count == entry.articleLength, Self.checksum(data) == entry.articleChecksum
        else { return nil }
        return Array(data)
    }

    /// Stores a lesson's rendering and outline (best effort: a cache that cannot be written only costs time).
    func store(_ key: String, _ rendering: LessonRendering, _ outline: LessonOutline) {
        let article = Data(rendering.article)
        var stripped = rendering
        stripped.article = []
        let entry = Entry(
            key: key, articleLength: article.count, articleChecksum: Self.checksum(article), rendering: stripped,
            outline: outline)
        guard let metadata = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The article first: metadata without its article is a miss, never a wrong page.
        _ = try? FileWriter.replace(articleURL(key).path, with: Array(article), links: .refuse)
        _ = try? FileWriter.replace(metadataURL(key).path, with: Array(metadata), links: .refuse)
    }

    static let manifestName = "manifest.json"

    /// What the last build wrote: per lesson page, the key of everything the page was made from, and the identity
    /// of the file it wrote. A page whose key is unchanged and whose file is still that file is linked into the new
    /// site instead of being rendered and written again.
    struct Manifest: Codable {
        var pages: [String: PageRecord] = [:]
    }

    /// One written page.
    struct PageRecord: Codable, Equatable {
        var key: String
        var file: FileIdentity
    }

    /// Size, modification time and inode: a file rewritten or replaced since has another identity.
    struct FileIdentity: Codable, Equatable {
        var size: Int64
        var modified: Double
        var inode: UInt64

        init?(path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let size = (attributes[.size] as? NSNumber)?.int64Value,
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970,
                let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            else { return nil }
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    /// The manifest of the last build (empty when missing or damaged).
    func manifest() -> Manifest {
        guard let data = Self.read(folder.appendingPathComponent(Self.manifestName).path),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return Manifest() }
        return manifest
    }

    /// Records the pages just written: `pages` maps a page's path in `output` to its key.
    func storeManifest(_ pages: [String: String], output: String) {
        var manifest = Manifest()
        for (path, key) in pages {
            if let file = FileIdentity(path: LessonFiles.join(output, path)) {
                manifest.pages[path] = PageRecord(key: key, file: file)
            }
        }
        guard let data = try? JSONEncoder().encode(manifest) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try? FileWriter.replace(
            folder.appendingPathComponent(Self.manifestName).path, with: Array(data), links: .refuse)
    }

    /// The key of a lesson page: the lesson's key and the page's context (see `SiteRenderer.pageContexts`).
    static func pageKey(lessonKey: String, context: String) -> String {
        SHA256.hex(Array((lessonKey + "\n" + context).utf8))
    }

    /// Removes entries whose keys are not in `keys` (lessons that changed or went away).
    func prune(keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".json") || name.hasSuffix(".html") {
            guard name != Self.manifestName, !keys.contains(String(name.dropLast(5))) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// A cache file's bytes, or nil when it is missing, not a regular file (a FIFO would block) or unreadable.
    private static func read(_ path: String) -> Data? {
        (try? InputFile.read(path, limit: Budgets.ofThisRun.lessonRenderedBytes * 2)).map { Data($0) }
    }

    /// FNV-1a, 64 bits: cheap enough for every article it reads, and any damage changes it.
    static func checksum(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { buffer in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
    }
}
