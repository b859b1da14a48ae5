/// Formatting of simulated times.
public enum SimulatedTime {
    /// `0s`, `2ms`, `12.5s`, `30.003s`-style text for a simulated instant or duration.
    ///
    /// Below one second it is milliseconds; from one second on, seconds with as many decimals as needed (fetches
    /// take milliseconds since the long-poll model, so `30003ms` would be common and hard to read).
    public static func text(_ milliseconds: Int) -> String {
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        guard milliseconds >= 1000 else { return "\(milliseconds)ms" }
        var fraction = String(milliseconds % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(milliseconds / 1000).\(fraction)s"
    }
}
