import Course
import Diagnostics
import LessonMarkdown
import ScenarioLanguage

/// What the server knows about one version of an open document: the diagnostics `check` reports for it and what
/// the editor features read (its scenarios, their transcripts and states).
struct DocumentAnalysis {
    /// The version of the document analysed.
    var version: Int
    /// Its text.
    var text: SourceText
    /// What `check` reports for the file (for a script: what `run` reports), except problems across lessons.
    var diagnostics: [Diagnostic]
    /// The lesson: as `check` verified it, or — when `check` cannot parse it (a fence not closed yet) — verified
    /// leniently, so the features keep working while it is being written. Nil for a script.
    var lesson: VerifiedLesson?
    /// The lesson's outline when it verified as `check` sees it: its part in the checks across lessons.
    var outline: LessonOutline?
    /// The scenarios.
    var scenarios: [ScenarioView]

    /// The scenario whose lines hold the 1-based file line.
    func scenario(atLine line: Int) -> ScenarioView? {
        scenarios.first { $0.contains(line: line) }
    }
}

/// The kind of file a document is.
enum DocumentKind: Hashable, Sendable {
    /// A lesson (`NN-slug.md`, or any Markdown file in a folder named `Lessons`).
    case lesson
    /// A scenario script (`*.scenario`), as `replicalab run` runs it.
    case script

    /// The kind of a file, or nil when the server has nothing to say about it (a README).
    init?(path: String, languageID: String) {
        let name = DocumentURI.fileName(of: path)
        if name.hasSuffix(".scenario") || languageID == "replicalab-scenario" {
            self = .script
        } else if name.hasSuffix(".md"),
            LessonLinkTarget(name) != nil || DocumentURI.fileName(of: DocumentURI.folder(of: path)) == "Lessons"
        {
            // `LessonLinkTarget` accepts exactly the names of lesson files (`NN-slug.md`).
            self = .lesson
        } else {
            return nil
        }
    }
}

extension DocumentAnalysis {
    /// Analyses a document, reusing the scenario runs that its edits cannot have changed. `checkCancellation` is
    /// called before every statement a scenario runs and may throw to stop (the runs completed so far are kept).
    static func analyze<Failure: Error>(
        _ text: SourceText, version: Int, path: String, kind: DocumentKind, runs: inout ScenarioRuns,
        checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> DocumentAnalysis {
        switch kind {
        case .script:
            let (transcript, diagnostics) = try runs.runScript(
                text.string, path: path, checkingCancellation: checkCancellation)
            return DocumentAnalysis(
                version: version, text: text, diagnostics: diagnostics, lesson: nil, outline: nil,
                scenarios: [.script(transcript, path: path, text: text)])
        case .lesson:
            let file = LessonFile(path: path, bytes: text.bytes)
            let (verified, diagnostics) = try CourseVerifier.verify(
                file, reusing: &runs, checkingCancellation: checkCancellation)
            var lesson = verified
            if lesson == nil,
                let lenient = LessonParser.parse(text.bytes, path: path, keepingLessonWithErrors: true).lesson
            {
                lesson = try CourseVerifier.verify(
                    lenient, parseProblems: [], reusing: &runs, checkingCancellation: checkCancellation
                ).0
            }
            return DocumentAnalysis(
                version: version, text: text, diagnostics: diagnostics, lesson: lesson, outline: verified?.outline,
                scenarios: lesson.map { ScenarioView.views(of: $0, text: text) } ?? [])
        }
    }
}
