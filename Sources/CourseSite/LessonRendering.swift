import Course
import LessonMarkdown

/// Everything the site needs from one verified lesson: its own page content and the facts the cross-lesson pieces
/// (contents in `toc.js`, index, pager, search index) show. It depends on this lesson only, so a build can keep it
/// between runs (the CLI's cache) and re-render only the lessons that changed; the cross-lesson pieces are always
/// recomputed.
public struct LessonRendering: Codable, Hashable, Sendable {
    /// The lesson file's path (the tie-breaker of the course order).
    public var path: String
    /// The lesson's `NN`.
    public var number: Int
    /// The lesson's slug.
    public var slug: String
    /// The title.
    public var title: String
    /// The front matter summary, if any.
    public var summary: String?
    /// About how many minutes the lesson takes (front matter), if given.
    public var minutes: Int?
    /// The seed its scenarios ran with.
    public var seed: UInt64
    /// The Kafka release its scenarios show (`4.1`), unless a `cluster` line names another.
    public var kafka: String
    /// SHA-256 of the lesson source, as hex.
    public var sourceHash: String
    /// Whether every scenario verified.
    public var isVerified: Bool
    /// How many expectations its scenarios check.
    public var expectationCount: Int
    /// How many scenarios it has.
    public var scenarioCount: Int
    /// How many exercises it has.
    public var exerciseCount = 0
    /// The page's `<article>` (prose and scenario timelines) as UTF-8: it goes into the page as it is, so it is
    /// never made into a `String` (which would check every byte of it again).
    public var article: [UInt8]
    /// The lesson's entry in the search index's page list (a JavaScript object literal).
    public var searchPage: String
    /// The commands of the lesson's "Try it" section, for the page about getting the tool.
    public var tryIt: [String] = []
    /// The lesson's entry in the playground's list of scenarios (a JavaScript object literal; see `ScenarioList`).
    public var scenarioList = ""

    /// Whether its page has sandboxes (scenarios or exercises), and so loads the sandbox's script.
    public var hasSandboxes: Bool { scenarioCount > 0 || exerciseCount > 0 }

    /// The file name of the lesson's page: `NN-slug.html`.
    public var pageName: String { Self.pageName(number: number, slug: slug) }

    /// The file name of a lesson's page: `NN-slug.html`.
    static func pageName(number: Int, slug: String) -> String {
        "\(Self.number(number))-\(slug).html"
    }

    /// A lesson's number as its file name writes it (`03`), which `run` and `play --from` take too.
    static func number(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
