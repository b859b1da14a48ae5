/// A failure of the environment (a missing file, an unwritable folder), with a message a person can act on.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong, naming the path.
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
