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

    /// The id of a scenario's section: `scenario-<name>`, or `scenario-<n>` for the n-th unnamed one (from 1).
    public static func scenario(name: String?, number: Int) -> String {
        "scenario-" + (name.map(slug) ?? String(number))
    }

    /// The id of a step of a scenario: `<scenario id>/step-<n>` (from 1).
    public static func step(scenario: String, number: Int) -> String {
        "\(scenario)/step-\(number)"
    }

    /// The ids the site's page frame gives its own elements (the main column, the sidebar, the search box and its
    /// status line, the theme menu, the legend of the table marks): no heading may take them.
    public static let reserved: Set<String> = [
        "content", "course-contents", "search-input", "search-status", "theme-choice", "legend",
    ]

    /// Whether the page frame or the page's script gives an element `id`: the frame's (`reserved`), and the ones the
    /// sandbox script gives each editor it adds as the page loads (`sandbox-<n>`, `sandbox-<n>-hint`).
    static func isTakenByThePage(_ id: String) -> Bool {
        if reserved.contains(id) { return true }
        guard id.hasPrefix("sandbox-") else { return false }
        var number = id.dropFirst("sandbox-".count)
        if number.hasSuffix("-hint") { number = number.dropLast("-hint".count) }
        return !number.isEmpty && number.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Gives every heading and scenario of a lesson its id, once per lesson and in linear time (50,000 identical
    /// headings must not take minutes). Scenario ids come first, as their names give them; every heading then gets
    /// its slug, or the slug with the first free `-2`, `-3`, … when an earlier heading, a scenario or an exercise (or
    /// its title, `<id>-title`) or the page (`isTakenByThePage`) has it.
    static func assign(to parts: inout [LessonPart]) {
        var scenarios: [String] = []
        for index in parts.indices {
            guard case .scenario(var block) = parts[index] else { continue }
            block.anchor = scenario(name: block.name, number: scenarios.count + 1)
            scenarios.append(block.anchor)
            parts[index] = .scenario(block)
        }
        let exercises = parts.compactMap { part -> String? in
            if case .exercise(let exercise) = part { exercise.anchor } else { nil }
        }
        var used = reserved.union(scenarios).union(scenarios.map { $0 + "-title" }).union(exercises)
            .union(exercises.map { $0 + "-title" })
        var nextSuffix: [String: Int] = [:]
        for index in parts.indices {
            guard case .heading(var heading) = parts[index] else { continue }
            let base = slug(heading.text)
            var anchor = base
            if used.contains(anchor) || isTakenByThePage(anchor) {
                var suffix = nextSuffix[base] ?? 2
                repeat {
                    anchor = "\(base)-\(suffix)"
                    suffix += 1
                } while used.contains(anchor) || isTakenByThePage(anchor)
                nextSuffix[base] = suffix
            }
            used.insert(anchor)
            heading.anchor = anchor
            parts[index] = .heading(heading)
        }
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
