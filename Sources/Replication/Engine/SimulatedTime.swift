/// Formatting of simulated times.
public enum SimulatedTime {
    /// `12.5s`, `0s`, `1m30s`-style text for a simulated instant.
    public static func text(_ milliseconds: Int) -> String {
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        let tenths = milliseconds % 100 == 0
        return tenths ? "\(milliseconds / 1000).\(milliseconds % 1000 / 100)s" : "\(milliseconds)ms"
    }
}
