import Course
import Diagnostics

/// The `--format github` output: one workflow command per diagnostic, which GitHub Actions shows as an annotation on
/// the lesson's line.
struct GitHubReport {
    var course: VerifiedCourse

    func rendered() -> String {
        course.diagnostics.map { diagnostic in
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
            return "::\(command) file=\(property(location.file)),line=\(location.line),col=\(location.column),"
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
