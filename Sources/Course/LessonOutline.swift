import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// What the checks across lessons need from one lesson: its place in the course, the anchors its page has and the
/// links it writes. A build that keeps a lesson's rendering between runs keeps its outline too, so duplicate numbers
/// and links to a lesson that changed are checked on every build.
public struct LessonOutline: Codable, Hashable, Sendable {
    /// A link as written, with its position.
    public struct OutlineLink: Codable, Hashable, Sendable {
        /// The destination as written.
        public var destination: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, in UTF-8 bytes.
        public var column: Int
    }

    /// The lesson file's path.
    public var path: String
    /// The lesson's `NN`.
    public var number: Int
    /// The lesson's slug.
    public var slug: String
    /// Every anchor of the lesson's page, sorted.
    public var anchors: [String]
    /// The links of the lesson's prose, in order.
    public var links: [OutlineLink]
    /// What verifying the lesson cost (for the course budgets).
    public var cost = LessonCost()

    /// `NN-slug`, the name other lessons link to.
    public var stem: String {
        let text = number < 10 ? "0\(number)" : "\(number)"
        return "\(text)-\(slug)"
    }
}

extension VerifiedLesson {
    /// The lesson's outline.
    public var outline: LessonOutline {
        LessonOutline(
            path: lesson.path, number: lesson.number, slug: lesson.slug,
            anchors: LinkChecker.anchors(of: self),
            links: lesson.links.map {
                .init(destination: $0.destination, line: $0.location.line, column: $0.location.column)
            }, cost: cost)
    }
}

extension CourseVerifier {
    /// The problems only visible across lessons: a lesson number used twice, links to missing lessons or anchors,
    /// and the course budgets (of lessons verified under `limits`) for snapshots and engine work.
    /// `outlines` must be in course order (number, then path).
    public static func crossLessonDiagnostics(
        _ outlines: [LessonOutline], limits: Limits = .standard
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (previous, next) in zip(outlines, outlines.dropFirst()) where previous.number == next.number {
            diagnostics.append(
                .error(
                    "lesson number \(next.number) is used twice", at: .init(file: next.path, line: 1, column: 1),
                    notes: [.init("also used here", at: .init(file: previous.path, line: 1, column: 1))]))
        }
        return diagnostics + LinkChecker.check(outlines) + Budgets(limits: limits).courseDiagnostics(outlines)
    }

    /// Sorts outlines (or anything with a number and a path) into course order.
    public static func courseOrder(_ outlines: [LessonOutline]) -> [LessonOutline] {
        outlines.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
    }
}
