import Diagnostics
import ReplicaLabTestSupport
import Testing

struct DiagnosticPrinterTests {
    let location = FileLocation(file: "Lessons/01-a.md", line: 7, column: 3)

    @Test func rendersPathLineColumnSeverityAndMessage() {
        let text = DiagnosticPrinter().render(Diagnostic.error("unknown command 'topik'", at: location))
        #expect(text == "Lessons/01-a.md:7:3: error: unknown command 'topik'\n")
    }

    @Test func notesFollowAtTheirOwnLocationOrTheDiagnostics() {
        let elsewhere = FileLocation(file: "Lessons/01-a.md", line: 2, column: 1)
        let diagnostic = Diagnostic.error(
            "scenario name 'x' is used twice", at: location,
            notes: [.init("did you mean 'topic'?"), .init("first used here", at: elsewhere)])
        #expect(
            DiagnosticPrinter().render(diagnostic)
                == """
                Lessons/01-a.md:7:3: error: scenario name 'x' is used twice
                Lessons/01-a.md:7:3: note: did you mean 'topic'?
                Lessons/01-a.md:2:1: note: first used here

                """)
    }

    @Test func detailLinesArePrintedVerbatimAfterNotes() {
        let diagnostic = Diagnostic.failure(
            "output differs", at: location, notes: [.init("run check")], detail: ["@@ -8 +8 @@", "-a", "+b"])
        #expect(
            DiagnosticPrinter().render(diagnostic)
                == "Lessons/01-a.md:7:3: error: output differs\nLessons/01-a.md:7:3: note: run check\n@@ -8 +8 @@\n-a\n+b\n"
        )
    }

    @Test func warningsAreLabelled() {
        let diagnostic = Diagnostic(.warning, at: location, "careful")
        #expect(DiagnosticPrinter().render(diagnostic) == "Lessons/01-a.md:7:3: warning: careful\n")
    }

    @Test func manyDiagnosticsAreSortedByLocation() {
        let later = Diagnostic.error("second", at: FileLocation(file: "a.md", line: 10, column: 1))
        let earlier = Diagnostic.error("first", at: FileLocation(file: "a.md", line: 2, column: 5))
        let otherFile = Diagnostic.error("third", at: FileLocation(file: "b.md", line: 1, column: 1))
        #expect(
            DiagnosticPrinter().render([otherFile, later, earlier])
                == "a.md:2:5: error: first\na.md:10:1: error: second\nb.md:1:1: error: third\n")
    }

    @Test func sameLocationSortsBySeverityThenMessage() {
        let b = Diagnostic.error("b", at: location)
        let a = Diagnostic.error("a", at: location)
        let warning = Diagnostic(.warning, at: location, "0")
        #expect([warning, b, a].sorted().map(\.message) == ["a", "b", "0"])
    }

    @Test func colourWrapsOnlyTheSeverityWord() {
        let text = DiagnosticPrinter(usesColor: true).render(Diagnostic.error("boom", at: location))
        #expect(text == "Lessons/01-a.md:7:3: \u{1B}[1;31merror:\u{1B}[0m boom\n")
        #expect(!DiagnosticPrinter().render(Diagnostic.error("boom", at: location)).contains("\u{1B}"))
    }
}

/// Bytes a lesson quotes into a message cannot drive the terminal or break the one-line format.
struct DiagnosticPrinterControlCharacterTests {
    @Test func controlCharactersAreShownEscaped() {
        let diagnostic = Diagnostic.error(
            "unknown command 'a\u{1B}[31mb\u{0}c\rd\te'", at: FileLocation(file: "f", line: 1, column: 1))
        #expect(
            DiagnosticPrinter().render(diagnostic)
                == "f:1:1: error: unknown command 'a\\u{1B}[31mb\\u{0}c\\u{D}d\te'\n")
    }

    @Test func pathsAreOutsideTextToo() {
        let diagnostic = Diagnostic.error("boom", at: SourceLocation(file: "L\u{1B}[2J/01-a.md", line: 1, column: 1))
        #expect(DiagnosticPrinter().render(diagnostic) == "L\\u{1B}[2J/01-a.md:1:1: error: boom\n")
    }

    @Test func aDiffLineCannotStartAWorkflowCommand() {
        let diagnostic = Diagnostic.failure(
            "output differs", at: SourceLocation(file: "f", line: 1, column: 1), detail: [" ::warning::x  t  0", "-a"])
        let lines = DiagnosticPrinter().render(diagnostic).split(separator: "\n")
        #expect(lines.contains(" \\u{3A}:warning::x  t  0"))
        #expect(!lines.contains { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("::") })
    }

    @Test func aQuotedTextTooLongToReadIsPrintedAsAnExcerpt() {
        let name = String(repeating: "x", count: 40_000_000)
        let text = DiagnosticPrinter().render(
            Diagnostic.error("unknown command '\(name)'", at: SourceLocation(file: "f", line: 1, column: 1)))
        #expect(text == "f:1:1: error: unknown command '\(String(repeating: "x", count: 60))…' (40000000 characters)\n")
    }
}
