import Course
import CourseSite
import Foundation
import ReplicaLabTestSupport
import Testing

/// The site of a small fixture course (`Tests/Corpus/site/lessons`: placement and references, an out-of-sync
/// follower, a leaderless partition and an unclean election, hostile names, producer retries and a consumer group),
/// file by file, against golden copies in `Tests/Corpus/site/golden`.
///
/// `REPLICALAB_BLESS=1 swift test --disable-xctest --filter GoldenSiteTests` rewrites the golden files; review the
/// diff (and look at the pages in a browser) before committing.
struct GoldenSiteTests {
    static let folder = Repository.url("Tests/Corpus/site")

    /// The fixture course, verified.
    static func course() throws -> VerifiedCourse {
        let lessons = folder.appendingPathComponent("lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lessons.path).filter { $0.hasSuffix(".md") }
            .sorted()
        let files = try names.map { name in
            LessonFile(
                path: "Lessons/\(name)", bytes: Array(try Data(contentsOf: lessons.appendingPathComponent(name))))
        }
        return CourseVerifier.verify(files)
    }

    /// The files that are constants of the source (the stylesheets, the scripts and the engine): not worth golden
    /// copies.
    static let constantFiles: Set<String> = ["style.css", "replicalab.js", "sandbox.css", "sandbox.js", "engine.js"]

    /// The fixture course's site, by path.
    static func site() throws -> [String: String] {
        let course = try course()
        #expect(course.isVerified, "\(course.diagnostics)")
        return Dictionary(uniqueKeysWithValues: SiteRenderer.render(course).map { ($0.path, $0.contents) })
    }

    @Test func everyGeneratedFileEqualsItsGoldenCopy() throws {
        let site = try Self.site().filter { !Self.constantFiles.contains($0.key) }
        let golden = Self.folder.appendingPathComponent("golden")
        if Golden.isBlessing {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            for (path, contents) in site { try Data(contents.utf8).write(to: golden.appendingPathComponent(path)) }
            return
        }
        let goldenNames = Set((try? FileManager.default.contentsOfDirectory(atPath: golden.path)) ?? [])
        #expect(
            goldenNames == Set(site.keys),
            "the site's files differ from the golden ones: run with REPLICALAB_BLESS=1 to rewrite them")
        for (path, contents) in site.sorted(by: { $0.key < $1.key }) {
            guard let expected = try? String(contentsOf: golden.appendingPathComponent(path), encoding: .utf8) else {
                continue
            }
            if let difference = Self.firstDifference(expected, contents) {
                Issue.record(
                    "\(path) differs from its golden copy (REPLICALAB_BLESS=1 rewrites it):\n\(difference)")
            }
        }
    }

    /// The first differing line, with its number, as `- golden` / `+ actual`.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : "<end of file>"
            let b = index < new.count ? String(new[index]) : "<end of file>"
            if a != b { return "line \(index + 1):\n- \(a.prefix(400))\n+ \(b.prefix(400))" }
        }
        return "they differ"
    }
}
