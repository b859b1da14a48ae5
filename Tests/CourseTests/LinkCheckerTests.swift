import Replication
import Testing

@testable import Course

struct LinkCheckerTests {
    /// Seeded random anchors from a small alphabet, so that many repeat and many are prefixes of others.
    static func randomAnchors(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("ab-/1")
        return (0..<count).map { _ in
            String(
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test func aSortedListContainsWhatItsSetContains() {
        for seed: UInt64 in 1...40 {
            let written = Self.randomAnchors(seed: seed, count: Int(seed) * 3)
            let sorted = Set(written).sorted()
            for probe in written + Self.randomAnchors(seed: seed + 1000, count: 50) {
                #expect(LinkChecker.isSorted(sorted, containing: probe) == sorted.contains(probe), "\(probe)")
            }
        }
        #expect(!LinkChecker.isSorted([], containing: ""))
    }

    @Test func aLessonsAnchorsAreSortedAndEachOnce() throws {
        let lesson = try #require(
            CourseVerifier.verify([CourseVerifierTests.file("Lessons/01-placement.md", CourseVerifierTests.good)])
                .lessons.first)
        let anchors = LinkChecker.anchors(of: lesson)
        #expect(anchors == Set(anchors).sorted())
        #expect(anchors.contains(where: { $0.hasSuffix("/step-1") }))
        #expect(anchors.count > lesson.scenarios.count)
    }

    @Test func aLinkToAMissingAnchorIsFoundInTheSortedAnchors() {
        let target = LessonOutline(
            path: "Lessons/02-next.md", number: 2, slug: "next", anchors: ["a", "c", "e"], links: [])
        let links = ["02-next.md#a", "02-next.md#b", "02-next.md#e", "02-next.md#f", "02-next.md"]
        let source = LessonOutline(
            path: "Lessons/01-first.md", number: 1, slug: "first", anchors: [],
            links: links.enumerated().map { .init(destination: $1, line: $0 + 1, column: 1) })
        let messages = LinkChecker.check([source, target]).map(\.message)
        #expect(
            messages == [
                "link to an anchor that does not exist: '02-next.md#b'",
                "link to an anchor that does not exist: '02-next.md#f'",
            ])
    }
}
