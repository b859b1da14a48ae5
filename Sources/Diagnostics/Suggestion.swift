/// Finds the closest known word to a misspelt one, for `did you mean '…'?` notes.
public enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is near enough to be a plausible typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let candidates = Array(candidates)
        let limit = max(1, word.count / 3)
        let lowered = word.lowercased()
        let length = lowered.unicodeScalars.count
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            // The distance is at least the difference in length: a far longer or shorter word (a 5 MB argument)
            // needs no quadratic comparison to be ruled out.
            guard abs(other.unicodeScalars.count - length) <= limit else { continue }
            let distance = editDistance(lowered, other)
            if distance <= limit, best.map({ distance < $0.distance }) ?? true {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A word that is the start of a longer candidate (`replication` for `replication-factor`) is a truncation,
        // not a typo: suggest the shortest such candidate.
        if word.count >= 3,
            let truncated = candidates.filter({ $0.lowercased().hasPrefix(lowered) }).min(by: { $0.count < $1.count })
        {
            return truncated
        }
        // A word made of the initials of a candidate's parts (`rf` for `replication-factor`, `mir` for
        // `min.insync.replicas`) is an abbreviation: suggest the candidate when exactly one has those initials.
        guard word.count >= 2 else { return nil }
        let abbreviated = candidates.filter { initials(of: $0) == lowered }
        return abbreviated.count == 1 ? abbreviated[0] : nil
    }

    /// The lowercased first letters of a word's parts, split at `-`, `.` and `_` (`rf` for `replication-factor`).
    static func initials(of word: String) -> String {
        let parts = word.lowercased().split { $0 == "-" || $0 == "." || $0 == "_" }
        guard parts.count >= 2 else { return "" }
        return String(parts.compactMap { $0.first })
    }

    /// The note text for a suggestion, or nil when nothing is close.
    public static func note<S: Sequence>(for word: String, in candidates: S) -> String?
    where S.Element == String {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
