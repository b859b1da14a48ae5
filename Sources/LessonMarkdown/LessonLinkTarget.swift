/// A link from a lesson to a lesson of the same course: `NN-slug.md`, `NN-slug.html`, or just `#fragment`, each with
/// an optional `#fragment`.
public struct LessonLinkTarget: Hashable, Sendable {
    /// The target lesson's file stem (`NN-slug`), or nil for a fragment on the same page.
    public var stem: String?
    /// The fragment, without `#`.
    public var fragment: String?

    /// Parses a link destination; nil for anything else (external URLs, other files).
    public init?(_ destination: String) {
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        fragment = parts.count > 1 ? String(parts[1]) : nil
        if path.isEmpty {
            guard fragment != nil else { return nil }
            stem = nil
            return
        }
        let file = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        guard !file.contains("/"), !file.contains(":") else { return nil }
        if file.hasSuffix(".md") {
            stem = String(file.dropLast(3))
        } else if file.hasSuffix(".html") {
            stem = String(file.dropLast(5))
        } else {
            return nil
        }
        guard LessonFileName(path: (stem ?? "") + ".md") != nil else { return nil }
    }

    /// The link as the site writes it.
    public var pageURL: String? {
        guard let stem else { return nil }
        return stem + ".html" + (fragment.map { "#\($0)" } ?? "")
    }
}
