import Diagnostics
import Foundation
import Testing

/// Text from lessons, file names and transcripts reaches a terminal or CI log only through `ConsoleText`, which
/// shows control characters and cannot start a GitHub Actions workflow command.
struct ConsoleTextTests {
    @Test func literalsAreTrustedAndInterpolationsAreMadeVisible() {
        let value = "\u{1B}]52;c;cm0gLXJmIH4=\u{7}"
        let text: ConsoleText = "\u{1B}[1m$ produce t value=\(value)\u{1B}[0m\n"
        #expect(text.rendered == "\u{1B}[1m$ produce t value=\\u{1B}]52;c;cm0gLXJmIH4=\\u{7}\u{1B}[0m\n")
    }

    @Test(arguments: [
        ("a\u{0}b", "a\\u{0}b"), ("a\rb", "a\\u{D}b"), ("a\nb", "a\\u{A}b"), ("tab\tkept", "tab\tkept"),
        ("del\u{7F}", "del\\u{7F}"), ("csi\u{9B}31m", "csi\\u{9B}31m"), ("rlo\u{202E}", "rlo\\u{202E}"),
        ("isolate\u{2066}", "isolate\\u{2066}"), ("separator\u{2028}", "separator\\u{2028}"),
        ("ünïcode ✓", "ünïcode ✓"),
    ])
    func controlCharactersAreWrittenAsEscapes(_ outside: String, _ shown: String) {
        #expect(ConsoleText.text(outside).rendered == shown)
        #expect(ConsoleText.visible(outside) == shown)
    }

    @Test func outsideTextCannotStartAWorkflowCommand() {
        #expect(ConsoleText.text("::warning::x").rendered == "\\u{3A}:warning::x")
        // After spaces (GitHub's runner trims them) and after a trusted prefix that is only spaces.
        #expect(("  \(":: x")" as ConsoleText).rendered == "  \\u{3A}: x")
        #expect(ConsoleText.lines("ok\n\t::error::y\n").rendered == "ok\n\t\\u{3A}:error::y\n")
        // Split over two interpolations.
        #expect(("\(":")\(":add-mask::z")" as ConsoleText).rendered == "\\u{3A}:add-mask::z")
        // Not at the start of a line: harmless, kept.
        #expect(ConsoleText.text("a ::b").rendered == "a ::b")
        // The legacy `##[command]` form works anywhere on a line.
        #expect(ConsoleText.text("x ##[error]y").rendered == "x \\u{23}#[error]y")
    }

    @Test func trustedWorkflowCommandsAreKept() {
        let command = ConsoleText.trusted("::error ")
        let line: ConsoleText = "\(command)file=\("::x.md")::\("boom")\n"
        #expect(line.rendered == "::error file=::x.md::boom\n")
    }

    @Test func outsideTextAfterAColourSequenceStillStartsTheLine() {
        #expect(
            ("\u{1B}[1m\("::warning::x")\u{1B}[0m" as ConsoleText).rendered == "\u{1B}[1m\\u{3A}:warning::x\u{1B}[0m")
    }

    @Test func textLaidOutAgainIsCheckedAgainAsAWhole() {
        // A layout that breaks the line before the value makes it start a line: the result is escaped again, and
        // what the layout did not touch (a colour sequence, an escape made earlier) is kept.
        let text: ConsoleText = "\u{1B}[2mnote:\u{1B}[0m value \("x ::warning::y \u{7}")\n"
        let broken = text.laidOut { $0.replacingOccurrences(of: "x ", with: "x\n") }
        #expect(broken.rendered == "\u{1B}[2mnote:\u{1B}[0m value x\n\\u{3A}:warning::y \\u{7}\n")
        #expect(text.laidOut { $0 }.rendered == text.rendered)
    }

    @Test func paddingCountsTheSafeText() {
        #expect(ConsoleText.text("a\u{0}").padded(to: 10).rendered == "a\\u{0}    ")
        #expect(ConsoleText.text("abc").padded(to: 2).rendered == "abc")
    }

    @Test func widthIsTheWidthOfTheSafeText() {
        #expect(ConsoleText.text("ab").width == 2)
        #expect(ConsoleText.text("a\u{1B}").width == 7)
    }
}
