/// A transcript as a reader steps through it: each command with the expectations checked right after it and the
/// author's narration, numbered from 1 (the numbers of `#scenario-<name>/step-<n>` and `run --step`).
public struct Timeline: Hashable, Sendable {
    /// One command and what belongs to it.
    public struct Entry: Hashable, Sendable {
        /// 1-based position among the commands.
        public var number: Int
        /// The command's step.
        public var command: Step
        /// The expectations checked after it, before the next command.
        public var checks: [Step]

        /// The author's narration of the step: the comment lines above the command and above each of its checks, one
        /// block of lines per statement that has some, in order.
        public var narration: [[String]] {
            // Read in place: gathering the steps first copied each one.
            var blocks: [[String]] = []
            if !command.statement.narration.isEmpty { blocks.append(command.statement.narration) }
            for index in checks.indices where !checks[index].statement.narration.isEmpty {
                blocks.append(checks[index].statement.narration)
            }
            return blocks
        }
    }

    /// Expectations checked before any command (they see an empty state).
    public var leadingChecks: [Step]
    /// The commands, in order.
    public var entries: [Entry]
}

extension Transcript {
    /// The steps grouped by command.
    public var timeline: Timeline {
        var timeline = Timeline(leadingChecks: [], entries: [])
        for step in steps {
            if !step.isExpectation {
                timeline.entries.append(.init(number: timeline.entries.count + 1, command: step, checks: []))
            } else if timeline.entries.isEmpty {
                timeline.leadingChecks.append(step)
            } else {
                timeline.entries[timeline.entries.count - 1].checks.append(step)
            }
        }
        return timeline
    }
}
