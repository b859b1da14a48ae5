/// A line diff (longest common subsequence) and its unified rendering.
public enum LineDiff {
    /// One line of an edit script.
    public struct Edit: Hashable, Sendable {
        /// Whether the line is kept, removed or added.
        public enum Kind: Hashable, Sendable { case same, removed, added }
        /// The kind.
        public var kind: Kind
        /// The line's text.
        public var text: String
        /// Index in the old lines (for same/removed), or the old index it is inserted before (added).
        public var oldIndex: Int
        /// Index in the new lines (for same/added).
        public var newIndex: Int
    }

    /// The shortest edit script turning `old` into `new`.
    public static func edits(from old: [String], to new: [String]) -> [Edit] {
        // Strip the common prefix and suffix first: most transcripts differ in a few lines.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        if !a.isEmpty && !b.isEmpty {
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, text: old[$0], oldIndex: $0, newIndex: $0) }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldIndex: prefix + i, newIndex: prefix + j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                // Removals first, as unified diffs show them.
                edits.append(Edit(kind: .removed, text: a[i], oldIndex: prefix + i, newIndex: prefix + j))
                i += 1
            } else {
                edits.append(Edit(kind: .added, text: b[j], oldIndex: prefix + i, newIndex: prefix + j))
                j += 1
            }
        }
        for k in 0..<suffix {
            edits.append(
                Edit(
                    kind: .same, text: old[old.count - suffix + k], oldIndex: old.count - suffix + k,
                    newIndex: new.count - suffix + k))
        }
        return edits
    }

    /// Unified-diff hunks with `context` lines around each change; old lines are numbered from `oldFirstLine`.
    public static func unified(_ edits: [Edit], oldFirstLine: Int, context: Int = 2) -> [String] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        guard !changed.isEmpty else { return [] }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        var lines: [String] = []
        for range in ranges {
            let hunk = edits[range]
            let oldCount = hunk.filter { $0.kind != .added }.count
            let newCount = hunk.filter { $0.kind != .removed }.count
            let oldStart = oldFirstLine + (hunk.first?.oldIndex ?? 0)
            let newStart = oldFirstLine + (hunk.first?.newIndex ?? 0)
            lines.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for edit in hunk {
                let marker: String
                switch edit.kind {
                case .same: marker = " "
                case .removed: marker = "-"
                case .added: marker = "+"
                }
                lines.append(marker + edit.text.replacingTabs())
            }
        }
        return lines
    }
}

extension String {
    /// Tabs shown as `→` followed by padding would hide the difference between tab and spaces; show them as `\t`.
    fileprivate func replacingTabs() -> String {
        var out = ""
        for character in self { out += character == "\t" ? "\\t" : String(character) }
        return out
    }
}
