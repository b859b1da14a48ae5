import Foundation

// Writes the Swift source that puts the course's lessons into the `BuiltInLessons` module:
//
//     LessonEmbedder <output.swift> <lesson.md>…
//
// Run by the EmbedLessons build plugin with the lessons of `Lessons/`. Each becomes one entry, in the order given,
// with its bytes exactly: a UTF-8 lesson as an escaped string literal (fast to compile, readable in the generated
// file), anything else as a byte array (`check` reports such a lesson; the binary carries it as it is). The output is
// rewritten only when it changes, so an unchanged course is not compiled again.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: LessonEmbedder <output.swift> <lesson.md>…\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])

/// `text` as the contents of a Swift string literal: the same Unicode scalars, with quotes, backslashes and every
/// control character escaped, so a line break in a lesson (LF, CRLF or CR) survives byte for byte.
func literal(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

var entries: [String] = []
for path in arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let data: Data
    do {
        data = try Data(contentsOf: url)
    } catch {
        FileHandle.standardError.write(Data("\(url.path): error: cannot read the lesson to embed it: \(error)\n".utf8))
        exit(1)
    }
    let bytes = [UInt8](data)
    if let text = String(validating: bytes, as: UTF8.self) {
        entries.append("        Lesson(fileName: \"\(literal(name))\", text: \"\(literal(text))\"),")
    } else {
        let list = bytes.map { String($0) }.joined(separator: ", ")
        entries.append("        Lesson(fileName: \"\(literal(name))\", bytes: [\(list)]),")
    }
}

let source = """
    // Generated at build time by the EmbedLessons plugin from Lessons/. Do not edit: edit the lessons.

    extension BuiltInCourse {
        /// The lessons, in file-name order.
        static let embedded: [Lesson] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
if (try? Data(contentsOf: output)) != Data(source.utf8) {
    do {
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(
            Data("\(output.path): error: cannot write the embedded lessons: \(error)\n".utf8))
        exit(1)
    }
}
