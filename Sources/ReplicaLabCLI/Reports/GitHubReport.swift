import Course
import Diagnostics

/// The `--format github` output: one workflow command per diagnostic, which GitHub Actions shows as an annotation on
/// the lesson's line.
struct GitHubReport {
    var course: VerifiedCourse

    /// One workflow command per line: ReplicaLab's own `::error …::` prefix, then the lesson's text escaped for
    /// workflow commands and made safe for the log (`ConsoleText`), so no lesson text can start a command of its own.
    func rendered() -> ConsoleText {
        course.diagnostics.map { diagnostic -> ConsoleText in
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            let location = diagnostic.location
            var message = diagnostic.message
            for note in diagnostic.notes { message += "\n" + note.message }
            if !diagnostic.detail.isEmpty { message += "\n" + diagnostic.detail.joined(separator: "\n") }
            let prefix = ConsoleText.trusted("::\(command) ")
            return "\(prefix)file=\(property(location.file)),line=\(location.line),col=\(location.column),"
                + "title=\(property("replicalab check"))::\(data(message))\n"
        }.joined()
    }

    /// Workflow-command escaping of the message part.
    private func data(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Workflow-command escaping of a property value.
    private func property(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces characters one by one (so `%` is never escaped twice).
    fileprivate func replacingAll(_ table: [Character: String]) -> String {
        var out = ""
        for character in self { out += table[character] ?? String(character) }
        return out
    }
}
