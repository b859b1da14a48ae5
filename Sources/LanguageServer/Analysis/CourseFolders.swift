import Course
import Diagnostics

/// The lessons beside the open ones, as `check <folder>` sees them: what links to other lessons and lesson numbers
/// are checked against.
///
/// A lesson's outline needs its verification (the anchors of a scenario's steps come from its transcript), so
/// lessons read from disk are verified once per content, keeping their scenario runs for the next change.
struct CourseFolders {
    private struct Lesson {
        var bytes: [UInt8]
        var runs = ScenarioRuns()
        /// The outline once verified; nil inside when the lesson does not parse (`check` leaves it out too).
        var outline: LessonOutline??
    }

    private var lessons: [String: Lesson] = [:]

    /// The outlines of a folder's lessons in course order, reading the files not open from disk and taking the open
    /// ones' (`open`: path → outline, nil for an open lesson that does not parse).
    mutating func outlines<Failure: Error>(
        inFolder folder: String, open: [String: LessonOutline?], files: any FileReader,
        checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> [LessonOutline] {
        var outlines: [LessonOutline] = []
        var paths: Set<String> = []
        for file in files.markdownFiles(inFolder: folder) {
            paths.insert(file.path)
            if let outline = open[file.path] {
                outline.map { outlines.append($0) }
                continue
            }
            if lessons[file.path]?.bytes != file.bytes {
                lessons[file.path] = Lesson(bytes: file.bytes, runs: lessons[file.path]?.runs ?? ScenarioRuns())
            }
            if lessons[file.path]?.outline == nil {
                var runs = lessons[file.path]!.runs
                defer { lessons[file.path]?.runs = runs }
                let (verified, _) = try CourseVerifier.verify(
                    file, reusing: &runs, checkingCancellation: checkCancellation)
                lessons[file.path]?.outline = .some(verified?.outline)
            }
            if let outline = lessons[file.path]?.outline ?? nil { outlines.append(outline) }
        }
        // Lessons removed from the folder are forgotten.
        lessons = lessons.filter { DocumentURI.folder(of: $0.key) != folder || paths.contains($0.key) }
        // An open lesson not saved yet is part of its folder too.
        for (path, outline) in open where !paths.contains(path) && DocumentURI.folder(of: path) == folder {
            outline.map { outlines.append($0) }
        }
        return CourseVerifier.courseOrder(outlines)
    }
}

extension CourseVerifier {
    /// The problems across lessons (lesson numbers, links) that `check` of the folder reports in one lesson.
    static func crossLessonDiagnostics(for path: String, outlines: [LessonOutline]) -> [Diagnostic] {
        crossLessonDiagnostics(outlines).filter { $0.location.file == path }
    }
}
