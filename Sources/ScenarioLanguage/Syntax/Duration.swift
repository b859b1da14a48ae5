/// A simulated duration written as `500ms`, `30s`, `2m` or `1h`.
public enum Duration {
    /// Parses a duration into milliseconds.
    public static func milliseconds(_ text: String) -> Int? {
        let units: [(String, Int)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            let digits = text.dropLast(unit.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0 else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            return overflow ? nil : product
        }
        return nil
    }

    /// Formats milliseconds the way a person writes them: `45s`, `1m30s`, `250ms`.
    public static func format(_ milliseconds: Int) -> String {
        if milliseconds % 1000 != 0 || milliseconds == 0 { return "\(milliseconds)ms" }
        let seconds = milliseconds / 1000
        if seconds < 60 || seconds % 60 != 0 && seconds < 600 {
            return seconds < 60 ? "\(seconds)s" : "\(seconds / 60)m\(seconds % 60)s"
        }
        return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds / 60)m\(seconds % 60)s"
    }
}
