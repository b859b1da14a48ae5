import Diagnostics
import LessonMarkdown
import Testing

/// Prose blocks: `{{…}}` references as pieces of their own, plain text for search, anchors for headings.
struct ProseTests {
    static func parts(_ text: String) throws -> [LessonPart] {
        try #require(LessonParser.parse(Array(text.utf8), path: "Lessons/01-p.md").lesson).parts
    }

    static func prose(_ parts: [LessonPart]) -> [Prose] {
        parts.compactMap { if case .prose(let prose) = $0 { prose } else { nil } }
    }

    @Test func referencesArePiecesBetweenHTML() throws {
        let parts = try Self.parts("# T\n\nLeader {{leader t-0}}, *HW* {{s/step-2: hw t-0}}.\n")
        let prose = try #require(Self.prose(parts).first)
        #expect(prose.pieces.count == 5)
        guard case .html(let first) = prose.pieces[0], case .reference(let reference) = prose.pieces[1],
            case .html(let middle) = prose.pieces[2], case .reference(let second) = prose.pieces[3],
            case .html(let last) = prose.pieces[4]
        else {
            Issue.record("unexpected pieces \(prose.pieces)")
            return
        }
        #expect(first == "<p>Leader ")
        #expect(reference.expression == "leader t-0")
        #expect(middle == ", <em>HW</em> ")
        #expect(second.expression == "s/step-2: hw t-0")
        #expect(last == ".</p>\n")
        #expect(reference.location == SourceLocation(file: "Lessons/01-p.md", line: 3, column: 1))
    }

    /// The placeholders never reach the HTML, even when the lesson itself holds private-use characters: those are
    /// kept, as character references (shown the same), in the HTML, and as they are in the plain text.
    @Test func aLessonWithPrivateUseCharactersKeepsThem() throws {
        let parts = try Self.parts("# T\n\nA \u{E000}1\u{E001} and {{hw t-0}}.\n")
        let prose = try #require(Self.prose(parts).first)
        #expect(prose.references.map(\.expression) == ["hw t-0"])
        guard case .html(let first) = prose.pieces[0] else { return }
        #expect(first == "<p>A &#xE000;1&#xE001; and ")
        #expect(prose.text == "A \u{E000}1\u{E001} and . \n")
    }

    @Test func referencesInCodeAndImagesStayAsWritten() throws {
        let parts = try Self.parts("# T\n\n`{{hw t-0}}` ![HW {{hw t-0}}](x.png)\n")
        let prose = try #require(Self.prose(parts).first)
        #expect(prose.references.isEmpty)
        #expect(prose.pieces == [.html("<p><code>{{hw t-0}}</code> <img src=\"x.png\" alt=\"HW {{hw t-0}}\" /></p>\n")])
    }

    @Test func plainTextHasTheWordsOfTextCodeAndRawHTMLWithoutReferences() throws {
        let parts = try Self.parts(
            "# T\n\nSome *emphasis* and `code`,\nsoft {{hw t-0}} break.\n\n<table><tr><td>quetzal &amp; co</td></tr></table>\n"
        )
        let text = Self.prose(parts).map(\.text).joined()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(words == ["Some", "emphasis", "and", "code,", "soft", "break.", "quetzal", "&", "co"])
    }

    @Test func headingsHaveUniqueAnchorsAndScenariosTheirSectionIds() throws {
        let lesson = try #require(
            LessonParser.parse(
                Array(
                    "# T\n\n## A b\n\n## A b\n\n```scenario x\ncluster brokers=1\n```\n\n```scenario\ncluster brokers=1\n```\n"
                        .utf8),
                path: "Lessons/01-p.md"
            ).lesson)
        #expect(lesson.headingAnchors == ["t", "a-b", "a-b-2"])
        #expect(lesson.scenarioAnchors == ["scenario-x", "scenario-2"])
    }
}
