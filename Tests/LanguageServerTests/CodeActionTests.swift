import Course
import LanguageServer
import Testing

/// Code actions: each fix is the edit `check --update` (or the author) would make, and the lesson then verifies.
struct CodeActionTests {
    static let lesson = """
        # Actions

        ```scenario slide
        cluster brokers=6 racks=2
        topic t partitions=10 replication-factor=3
        expect replicas t-6 == 0,4,2
        ```

        ```output
        $ cluster brokers=6 racks=2
        6 brokers: R1 = 0,1,2; R2 = 3,4,5
        $ topic t partitions=10 replication-factor=3
        Created topic t.
        ```

        """

    static let path = "\(ServerHarness.folder)/01-a.md"

    /// The code actions on a line range.
    static func actions(_ text: String, lines: ClosedRange<Int>, capabilities: JSON = [:]) -> [JSON] {
        var harness = ServerHarness(capabilities: capabilities)
        harness.open("01-a.md", text)
        let result = harness.request(
            "textDocument/codeAction",
            [
                "textDocument": ServerHarness.document("01-a.md"),
                "range": [
                    "start": ServerHarness.position(lines.lowerBound, 0),
                    "end": ServerHarness.position(lines.upperBound, 0),
                ],
                "context": ["diagnostics": []],
            ])
        return result?.array ?? []
    }

    /// Applies an action's edits to the text, as a client does.
    static func apply(_ action: JSON, to text: String) throws -> String {
        let edits =
            action["edit"]?["changes"]?[ServerHarness.uri("01-a.md")]?.array
            ?? action["edit"]?["documentChanges"]?.array?.first?["edits"]?.array ?? []
        var source = SourceText(text)
        for edit in edits.reversed() {
            let range = try #require(TextRange(edit["range"]))
            source.replace(source.byteRange(of: range, in: .utf16), with: try #require(edit["newText"]?.string))
        }
        return source.string
    }

    static func verify(_ text: String) -> VerifiedCourse {
        CourseVerifier.verify([LessonFile(path: path, bytes: Array(text.utf8))])
    }

    @Test(arguments: [false, true])
    func acceptingTheEnginesOutputWritesWhatCheckUpdateWrites(crlf: Bool) throws {
        var stale = Self.lesson.replacingOccurrences(of: "Created topic t.", with: "Created topic x.")
        if crlf { stale = stale.replacingOccurrences(of: "\n", with: "\r\n") }
        let actions = Self.actions(stale, lines: 12...12)
        let action = try #require(actions.first { $0["title"] == "Accept the engine's output of scenario 'slide'" })
        #expect(action["isPreferred"] == true)
        #expect(action["diagnostics"]?.array?.count == 1)
        let fixed = try Self.apply(action, to: stale)
        let lesson = try #require(Self.verify(stale).lessons.first)
        #expect(Array(fixed.utf8) == OutputUpdater.update(lesson).bytes)
        #expect(Self.verify(fixed).isVerified)
    }

    @Test func addingAMissingOutputBlockWritesWhatCheckUpdateWrites() throws {
        let bare = Self.lesson.components(separatedBy: "```output")[0]
        let action = try #require(
            Self.actions(bare, lines: 4...4).first { $0["title"] == "Add the output block of scenario 'slide'" })
        let fixed = try Self.apply(action, to: bare)
        let lesson = try #require(Self.verify(bare).lessons.first)
        #expect(Array(fixed.utf8) == OutputUpdater.update(lesson).bytes)
        #expect(fixed.contains("```output\n$ cluster brokers=6 racks=2\n"))
        #expect(Self.verify(fixed).isVerified)
    }

    @Test func settingAnExpectationToTheActualValueMakesTheLessonVerify() throws {
        let wrong = Self.lesson.replacingOccurrences(of: "0,4,2", with: "0,3,1")
        let action = try #require(Self.actions(wrong, lines: 5...5).first)
        #expect(action["title"] == "Set the expectation to the actual value (0,4,2)")
        let fixed = try Self.apply(action, to: wrong)
        #expect(fixed == Self.lesson)
        #expect(Self.verify(fixed).isVerified)
    }

    @Test func anExpectedErrorAfterASuccessBecomesExpectOk() throws {
        let wrong = Self.lesson.replacingOccurrences(
            of: "expect replicas t-6 == 0,4,2", with: "expect error INVALID_REPLICATION_FACTOR  # a claim")
        let action = try #require(Self.actions(wrong, lines: 5...5).first)
        #expect(action["title"] == "Set the expectation to the actual value (ok)")
        let fixed = try Self.apply(action, to: wrong)
        #expect(fixed.contains("\nexpect ok  # a claim\n"))
        #expect(Self.verify(fixed).isVerified)
    }

    @Test func theOutputOfAScenarioWhoseClaimsFailIsNotAccepted() throws {
        let both = Self.lesson.replacingOccurrences(of: "0,4,2", with: "9").replacingOccurrences(
            of: "Created topic t.", with: "Created topic x.")
        let plain = Self.actions(both, lines: 12...12)
        #expect(!plain.contains { $0["title"]?.string?.hasPrefix("Accept") == true })
        let greyed = Self.actions(
            both, lines: 12...12, capabilities: ["textDocument": ["codeAction": ["disabledSupport": true]]])
        let disabled = try #require(greyed.first { $0["title"]?.string?.hasPrefix("Accept") == true })
        #expect(disabled["disabled"]?["reason"]?.string?.contains("an expectation fails") == true)
        #expect(disabled["edit"] == nil)
    }

    @Test func aDidYouMeanSuggestionIsAnAction() throws {
        let typo = Self.lesson.replacingOccurrences(of: "\ntopic t partitions", with: "\ntopik t partitons")
        let actions = Self.actions(typo, lines: 4...4)
        let command = try #require(actions.first { $0["title"] == "Change 'topik' to 'topic'" })
        let fixed = try Self.apply(command, to: typo)
        #expect(fixed.contains("\ntopic t partitons=10"))
        let key = try #require(
            Self.actions(fixed, lines: 4...4).first { $0["title"] == "Change 'partitons' to 'partitions'" })
        #expect(try Self.apply(key, to: fixed) == Self.lesson)
    }

    @Test func versionedEditsWhenTheClientTakesThem() throws {
        let wrong = Self.lesson.replacingOccurrences(of: "0,4,2", with: "0,3,1")
        let actions = Self.actions(
            wrong, lines: 5...5, capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        let change = try #require(actions.first?["edit"]?["documentChanges"]?.array?.first)
        #expect(change["textDocument"]?["version"] == 1)
        #expect(try Self.apply(try #require(actions.first), to: wrong) == Self.lesson)
    }
}
