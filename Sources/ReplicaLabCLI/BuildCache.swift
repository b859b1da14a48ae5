import Course
import CourseSite
import Foundation

/// The build cache: for every lesson that verified cleanly, its rendering and outline, stored in
/// `.replicalab-cache/<site folder name>/` beside the site folder under a key made of everything the result depends on.
///
/// The key is the SHA-256 of the cache format, ReplicaLab's version and engine semantics, an identity of the
/// running executable (size and modification time: a rebuilt binary never reuses results of another build), the
/// default seed, the lesson's path and its bytes. An entry repeats its key and carries the length and a checksum
/// of its article, so an entry that is truncated, edited or for another key is ignored (and rewritten), never used.
struct BuildCache: Sendable {
    /// One entry: `<metadata JSON>\n<article bytes>`.
    struct Entry: Codable {
        var key: String
        var articleLength: Int
        var articleChecksum: UInt64
        var rendering: LessonRendering
        var outline: LessonOutline
    }

    /// Bump when the entry layout or what it holds changes.
    static let format = "replicalab-build-cache-1"

    /// The folder entries live in.
    let folder: URL
    /// Everything except the lesson that goes into keys.
    let salt: String

    /// The cache for a site written to `output`; `salt` defaults to this executable's version key.
    init(output: String, salt: String? = nil) {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        folder = target.deletingLastPathComponent().appendingPathComponent(".replicalab-cache")
            .appendingPathComponent(target.lastPathComponent)
        self.salt = salt ?? Self.versionKey()
    }

    /// Format, version, engine semantics, seed and the executable's identity.
    static func versionKey() -> String {
        var parts = [
            format, ReplicaLabVersion.current, ReplicaLabVersion.kafkaSemantics, "seed \(CourseVerifier.defaultSeed)",
        ]
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

    private func url(for key: String) -> URL { folder.appendingPathComponent(key + ".entry") }

    /// The cached rendering and outline for `key`, or nil when there is none or it is not intact.
    func load(_ key: String) -> (rendering: LessonRendering, outline: LessonOutline)? {
        guard let data = FileManager.default.contents(atPath: url(for: key).path),
            let newline = data.firstIndex(of: UInt8(ascii: "\n")),
            var entry = try? JSONDecoder().decode(Entry.self, from: data[data.startIndex..<newline])
        else { return nil }
        let article = data[(newline + 1)...]
        guard entry.key == key, article.count == entry.articleLength,
            Self.checksum(article) == entry.articleChecksum,
            let text = String(bytes: article, encoding: .utf8)
        else { return nil }
        entry.rendering.article = text
        return (rendering: entry.rendering, outline: entry.outline)
    }

    /// Stores a lesson's rendering and outline (best effort: a cache that cannot be written only costs time).
    func store(_ key: String, _ rendering: LessonRendering, _ outline: LessonOutline) {
        let article = Array(rendering.article.utf8)
        var stripped = rendering
        stripped.article = ""
        let entry = Entry(
            key: key, articleLength: article.count, articleChecksum: Self.checksum(article), rendering: stripped,
            outline: outline)
        guard let metadata = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? AtomicFile.write(Array(metadata) + [UInt8(ascii: "\n")] + article, to: url(for: key).path)
    }

    /// Removes entries whose keys are not in `keys` (lessons that changed or went away).
    func prune(keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".entry") && !keys.contains(String(name.dropLast(6))) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// FNV-1a, 64 bits: cheap enough for every article on every build, and any damage changes it.
    static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
