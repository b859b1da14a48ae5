import ArgumentParser
import BuiltInLessons
import Course
import Foundation

/// Where the lessons of `lessons`, `run` and `play --from` come from: a folder on disk — `--lessons DIR`, or
/// `Lessons/` in the current folder, so authors see their own edits — else the course built into the executable, so
/// a learner with only the binary has the whole course.
enum LessonSource: Equatable {
    /// A folder of `NN-slug.md` files.
    case folder(String)
    /// The lessons compiled into this executable.
    case builtIn

    /// The folder `check` and `build` read by default, and the one a learner's commands look for first.
    static let defaultFolder = "Lessons"

    /// `folder` when given (`--lessons DIR`), the built-in course when asked for, else `./Lessons` when it is a
    /// folder, else the built-in course.
    static func choose(folder: String?, builtIn: Bool = false) throws -> LessonSource {
        if builtIn {
            if folder != nil { throw CLIError("give --lessons DIR or --built-in, not both") }
            return .builtIn
        }
        if let folder {
            guard isFolder(folder) else { throw CLIError("--lessons: no such folder: \(folder)") }
            return .folder(folder)
        }
        return isFolder(defaultFolder) ? .folder(defaultFolder) : .builtIn
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The lesson files, in file-name order (the course's order), and a located problem for each file of the
    /// folder that could not be read.
    func read() -> LessonFiles.Reading {
        switch self {
        case .folder(let path):
            return LessonFiles.read([path])
        case .builtIn:
            let files = BuiltInCourse.lessons.map {
                LessonFile(path: LessonFiles.join(BuiltInCourse.folder, $0.fileName), bytes: $0.bytes)
            }
            return LessonFiles.Reading(files: files)
        }
    }

    /// Which course this is, in words: `Lessons/ in this folder`, `the course built into replicalab 1.0.0`.
    var name: String {
        switch self {
        case .folder(let path): "\(path.hasSuffix("/") ? path : path + "/") in this folder"
        case .builtIn: "the course built into replicalab \(ReplicaLabVersion.current)"
        }
    }

    /// How to get the other course: an author inside the repository may want the built-in one, a learner elsewhere
    /// their own folder.
    var alternative: String {
        switch self {
        case .folder: "--built-in lists the course built into replicalab"
        case .builtIn: "no Lessons folder here; --lessons DIR reads another"
        }
    }
}

/// `--lessons DIR` and `--built-in`: which course `lessons`, `run` and `play --from` use.
struct LessonSourceOptions: ParsableArguments {
    @Option(
        name: .customLong("lessons"), help: ArgumentHelp("A folder of lessons to use.", valueName: "folder"))
    var folder: String?

    @Flag(
        name: .customLong("built-in"),
        help: "Use the course built into replicalab, even where there is a Lessons folder.")
    var builtIn = false

    /// The course these options choose.
    func source() throws -> LessonSource {
        try LessonSource.choose(folder: folder, builtIn: builtIn)
    }
}
