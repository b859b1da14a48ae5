/// Offsets written as Kafka tools and the engine write them: `0..4`, `7`, `0..2, 5`.
enum OffsetRanges {
    /// Ascending offsets as ranges.
    static func ranges(_ offsets: [Int64]) -> [ClosedRange<Int64>] {
        var ranges: [ClosedRange<Int64>] = []
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
    static func text(_ offsets: [Int64]) -> String {
        ranges(offsets).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)" }
            .joined(separator: ", ")
    }
}
