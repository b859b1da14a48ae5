/// Offsets written as Kafka tools and the engine write them: `0..4`, `7`, `0..2, 5`.
enum OffsetRanges {
    /// Ascending offsets as ranges.
    static func ranges(_ offsets: [Int]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for offset in offsets {
            if let last = ranges.last, last.upperBound + 1 == offset {
                ranges[ranges.count - 1] = last.lowerBound...offset
            } else {
                ranges.append(offset...offset)
            }
        }
        return ranges
    }

    /// Ascending offsets as text.
    static func text(_ offsets: [Int]) -> String {
        ranges(offsets).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)" }
            .joined(separator: ", ")
    }
}
