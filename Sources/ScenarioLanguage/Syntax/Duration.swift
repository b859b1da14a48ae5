import Replication

/// A simulated duration written as `500ms`, `30s`, `2m` or `1h`.
public enum Duration {
    /// Parses a duration.
    public static func parse(_ text: String) -> SimulatedDuration? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            let digits = text.dropLast(unit.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII }), let value = Int64(digits), value >= 0 else {
                return nil
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            return overflow ? nil : .milliseconds(product)
        }
        return nil
    }

    /// Formats a duration the way a person writes it: `45s`, `1m30s`, `250ms`.
    public static func format(_ duration: SimulatedDuration) -> String {
        let milliseconds = duration.milliseconds
        if milliseconds % 1000 != 0 || milliseconds == 0 { return "\(milliseconds)ms" }
        let seconds = milliseconds / 1000
        if seconds < 60 || seconds % 60 != 0 && seconds < 600 {
            return seconds < 60 ? "\(seconds)s" : "\(seconds / 60)m\(seconds % 60)s"
        }
        return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds / 60)m\(seconds % 60)s"
    }
}
