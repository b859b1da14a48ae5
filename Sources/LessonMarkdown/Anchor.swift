import Diagnostics

/// Anchor ids for headings and scenarios, shared by the link checker and the site so the two always agree.
public enum Anchor {
    /// A fragment id of lowercase ASCII letters, digits and dashes (`"What Kafka *really* does"` →
    /// `what-kafka-really-does`).
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// `base`, or `base-2`, `base-3`, … when an earlier one took it; records the id taken in `used`.
    public static func unique(_ base: String, among used: inout Set<String>) -> String {
        var anchor = base
        var suffix = 2
        while used.contains(anchor) {
            anchor = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(anchor)
        return anchor
    }

    /// The id of a scenario's section: `scenario-<name>`, or `scenario-<n>` for the n-th unnamed one (from 1).
    public static func scenario(name: String?, number: Int) -> String {
        "scenario-" + (name.map(slug) ?? String(number))
    }

    /// The id of a step of a scenario: `<scenario id>/step-<n>` (from 1).
    public static func step(scenario: String, number: Int) -> String {
        "\(scenario)/step-\(number)"
    }
}

/// A link written in a lesson's prose, with where it is.
public struct Link: Hashable, Sendable {
    /// The destination as written.
    public var destination: String
    /// Where the link starts.
    public var location: SourceLocation

    /// Creates a link.
    public init(destination: String, location: SourceLocation) {
        self.destination = destination
        self.location = location
    }
}
