import Diagnostics
import Replication

/// What running a scenario produced: one step per statement, each with its output and the cluster after it.
public struct Transcript: Hashable, Sendable {
    /// The steps in order.
    public var steps: [Step]
    /// Problems found while running (failed expectations, references to things that don't exist).
    public var diagnostics: [Diagnostic]

    /// The canonical transcript text that `output` blocks hold: every command except `expect`, as `$ <command>`
    /// followed by its output lines.
    public var text: String {
        // Read in place, step by step: a copy of a step retains its cluster, statement and output.
        var out = ""
        for index in steps.indices where steps[index].expectation == nil {
            out += "$ "
            out += steps[index].statement.text
            out += "\n"
            for line in steps[index].output {
                out += line
                out += "\n"
            }
        }
        return out
    }

    /// How many commands ran (every step but the expectations): the entries of `timeline`, counted without building
    /// it.
    public var commandCount: Int { steps.reduce(0) { $0 + ($1.isExpectation ? 0 : 1) } }

    /// How many expectations ran (counted in place: filtering copied every step, its cluster and output).
    public var expectationCount: Int { steps.reduce(0) { $0 + ($1.isExpectation ? 1 : 0) } }

    /// How many expectations failed.
    public var failedExpectationCount: Int {
        steps.reduce(0) { $0 + ($1.expectation?.passed == false ? 1 : 0) }
    }
}

/// One executed statement.
public struct Step: Hashable, Sendable {
    /// The statement.
    public var statement: Statement
    /// The lines it printed.
    public var output: [String]
    /// How it ended.
    public var outcome: Outcome
    /// The cluster after the step (nil before any cluster exists).
    public var cluster: Cluster?
    /// For `expect` lines: whether the claim held, and what was actually there.
    public var expectation: ExpectationResult?

    /// Whether this step is an `expect` line.
    public var isExpectation: Bool { expectation != nil }
}

/// How a command ended.
public enum Outcome: Hashable, Sendable {
    /// It succeeded.
    case ok
    /// Kafka answered with an error (an outcome the transcript shows, not by itself a failure).
    case kafkaError(KafkaError)
    /// The step was an expectation; outcomes of expectations are not outcomes of commands.
    case notACommand
}

/// The verdict on one `expect` line.
public struct ExpectationResult: Hashable, Sendable {
    /// Whether the claim held.
    public var passed: Bool
    /// The actual value, written the way the expectation writes it.
    public var actual: String
}
