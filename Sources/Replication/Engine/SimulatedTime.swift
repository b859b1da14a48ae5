/// A span of simulated time, counted in milliseconds (the engine's resolution).
///
/// Modelled on SwiftNIO's `TimeAmount`: a duration is a value with its unit, built with `.milliseconds(_:)`,
/// `.seconds(_:)`, `.minutes(_:)` or `.hours(_:)`, so a number of milliseconds and a number of seconds cannot be
/// confused. 64 bits on every platform: a day at `REPLICALAB_LIMIT_SCALE=1000` does not fit in 32.
public struct SimulatedDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The duration in milliseconds.
    public var milliseconds: Int64

    /// Creates a duration of `milliseconds` milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// `value` milliseconds.
    public static func milliseconds(_ value: Int64) -> SimulatedDuration { SimulatedDuration(milliseconds: value) }
    /// `value` seconds.
    public static func seconds(_ value: Int64) -> SimulatedDuration { SimulatedDuration(milliseconds: value * 1_000) }
    /// `value` minutes.
    public static func minutes(_ value: Int64) -> SimulatedDuration { SimulatedDuration(milliseconds: value * 60_000) }
    /// `value` hours.
    public static func hours(_ value: Int64) -> SimulatedDuration { SimulatedDuration(milliseconds: value * 3_600_000) }

    /// No time at all.
    public static let zero = SimulatedDuration(milliseconds: 0)

    public static func < (lhs: SimulatedDuration, rhs: SimulatedDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    public static func + (lhs: SimulatedDuration, rhs: SimulatedDuration) -> SimulatedDuration {
        SimulatedDuration(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }

    public static func - (lhs: SimulatedDuration, rhs: SimulatedDuration) -> SimulatedDuration {
        SimulatedDuration(milliseconds: lhs.milliseconds - rhs.milliseconds)
    }

    public static func * (lhs: SimulatedDuration, rhs: Int64) -> SimulatedDuration {
        SimulatedDuration(milliseconds: lhs.milliseconds * rhs)
    }

    public static func / (lhs: SimulatedDuration, rhs: Int64) -> SimulatedDuration {
        SimulatedDuration(milliseconds: lhs.milliseconds / rhs)
    }

    /// `0s`, `2ms`, `12.5s` (see `SimulatedTime.text`).
    public var description: String { SimulatedTime.text(milliseconds) }
}

/// An instant of simulated time: milliseconds since the cluster's clock started.
///
/// Modelled on SwiftNIO's `NIODeadline`: instants and durations are different types; an instant plus a duration is an
/// instant, and the difference of two instants a duration. There is one clock: Kafka's own timestamps (follower fetch
/// state) are read from it too, with `distantPast` standing for Kafka's "never" (0 epoch milliseconds).
public struct SimulatedInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since the cluster's clock started (negative only for `distantPast`).
    public var millisecondsSinceStart: Int64

    /// Creates the instant `milliseconds` after the clock started.
    public init(millisecondsSinceStart milliseconds: Int64) {
        millisecondsSinceStart = milliseconds
    }

    /// When the cluster's clock started.
    public static let start = SimulatedInstant(millisecondsSinceStart: 0)

    /// Kafka's "never" for a timestamp: decades before the clock started.
    ///
    /// Kafka stores "never" as 0 in `Replica.lastCaughtUpTimeMs` and compares it with `time.milliseconds()`, which
    /// reads about 1.7 × 10¹² on a real broker; "never" is therefore that far before the clock's start, so that "never
    /// caught up" does not count as caught up during the first `replica.lag.time.max.ms` of a scenario.
    public static let distantPast = SimulatedInstant(millisecondsSinceStart: -1_700_000_000_000)

    /// The last instant a clock can reach (an unlimited budget).
    public static let distantFuture = SimulatedInstant(millisecondsSinceStart: Int64.max)

    /// The instant `milliseconds` after the start (a convenience for tests and tables of times).
    public static func milliseconds(_ value: Int64) -> SimulatedInstant {
        SimulatedInstant(millisecondsSinceStart: value)
    }

    /// The duration since the clock started.
    public var sinceStart: SimulatedDuration { SimulatedDuration(milliseconds: millisecondsSinceStart) }

    public static func < (lhs: SimulatedInstant, rhs: SimulatedInstant) -> Bool {
        lhs.millisecondsSinceStart < rhs.millisecondsSinceStart
    }

    public static func + (lhs: SimulatedInstant, rhs: SimulatedDuration) -> SimulatedInstant {
        SimulatedInstant(millisecondsSinceStart: lhs.millisecondsSinceStart + rhs.milliseconds)
    }

    public static func - (lhs: SimulatedInstant, rhs: SimulatedDuration) -> SimulatedInstant {
        SimulatedInstant(millisecondsSinceStart: lhs.millisecondsSinceStart - rhs.milliseconds)
    }

    public static func - (lhs: SimulatedInstant, rhs: SimulatedInstant) -> SimulatedDuration {
        SimulatedDuration(milliseconds: lhs.millisecondsSinceStart - rhs.millisecondsSinceStart)
    }

    /// `0s`, `2ms`, `30.003s` (see `SimulatedTime.text`).
    public var description: String { SimulatedTime.text(millisecondsSinceStart) }
}

/// Formatting of simulated times.
public enum SimulatedTime {
    /// `0s`, `2ms`, `12.5s`, `30.003s`-style text for a number of simulated milliseconds.
    ///
    /// Below one second it is milliseconds; from one second on, seconds with as many decimals as needed (fetches
    /// take milliseconds since the long-poll model, so `30003ms` would be common and hard to read).
    public static func text(_ milliseconds: Int64) -> String {
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        guard milliseconds >= 1000 else { return "\(milliseconds)ms" }
        var fraction = String(milliseconds % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(milliseconds / 1000).\(fraction)s"
    }

    /// The text of an instant (time since the clock started).
    public static func text(_ instant: SimulatedInstant) -> String { text(instant.millisecondsSinceStart) }

    /// The text of a duration.
    public static func text(_ duration: SimulatedDuration) -> String { text(duration.milliseconds) }
}
