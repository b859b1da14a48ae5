import Course
import Diagnostics
import LanguageServer
import Testing

/// Diagnostics as you type: the same as `check`, at the same positions, published per file after the debounce,
/// running again only the scenarios an edit can change.
struct DiagnosticsTests {
    static let lesson = """
        # Placement

        Read [the next lesson](02-next.md#the-end) and [this](#placement).

        ```scenario slide
        cluster brokers=6 racks=2
        topic t partitions=10 replication-factor=3
        expect replicas t-6 == 0,4,2
        ```

        ```scenario after continues=slide
        crash 0
        advance 10s
        expect leader t-0 == 3
        ```

        ```scenario alone
        cluster brokers=1
        ```

        """

    static let next = "# Next\n\n## The end\n"

    static func harness(_ text: String = lesson) -> ServerHarness {
        var harness = ServerHarness(files: ["\(ServerHarness.folder)/02-next.md": next])
        harness.open("01-placement.md", text)
        return harness
    }

    /// What `check` of the folder reports for the lesson, as (line, column, message) with 0-based lines.
    static func checkDiagnostics(_ text: String, path: String, others: [String: String] = [:]) -> [Diagnostic] {
        var files = [LessonFile(path: path, bytes: Array(text.utf8))]
        files += others.map { LessonFile(path: $0.key, bytes: Array($0.value.utf8)) }
        return CourseVerifier.verify(files).diagnostics.filter { $0.location.file == path }
    }

    @Test func aWrongExpectationIsReportedWhereCheckReportsIt() throws {
        var harness = Self.harness()
        #expect(harness.diagnostics("01-placement.md").isEmpty)
        harness.edit("01-placement.md", line: 7, from: 23, to: 28, with: "0,3,1", version: 2)
        let diagnostics = harness.diagnostics("01-placement.md")
        let text = Self.lesson.replacingOccurrences(of: "0,4,2", with: "0,3,1")
        let check = Self.checkDiagnostics(
            text, path: "\(ServerHarness.folder)/01-placement.md",
            others: ["\(ServerHarness.folder)/02-next.md": Self.next])
        #expect(check.count == 1)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic["message"]?.string == "expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1")
        #expect(diagnostic["message"]?.string == check.first?.message)
        #expect(diagnostic.start == [7, 23])
        #expect(diagnostic["range"]?["end"]?["character"] == 28)
        #expect(diagnostic["severity"] == 1)
        #expect(harness.publications("01-placement.md").last?["version"] == 2)
    }

    @Test func nothingIsPublishedBeforeTheDebounceHasPassed() {
        var harness = Self.harness()
        _ = harness.diagnostics("01-placement.md")
        let before = harness.publications("01-placement.md").count
        harness.edit("01-placement.md", line: 7, from: 23, to: 28, with: "9", version: 2)
        let changedAt = harness.now
        harness.now += .milliseconds(5)
        _ = harness.server.work(at: harness.now, isInterrupted: { false })
        #expect(harness.publications("01-placement.md").count == before)
        // The default debounce is 20 ms.
        #expect(harness.server.nextWakeUp == changedAt + .milliseconds(20))
        #expect(harness.diagnostics("01-placement.md").count == 1)
    }

    @Test func anEditRunsAgainOnlyTheScenarioAndTheScenariosThatContinueIt() {
        var harness = Self.harness()
        _ = harness.diagnostics("01-placement.md")
        let uri = ServerHarness.uri("01-placement.md")
        #expect(harness.server.executedScenarioCount(uri: uri) == 3)
        // In 'slide', which 'after' continues: both run again, 'alone' does not.
        harness.edit("01-placement.md", line: 7, from: 23, to: 28, with: "0,3,1", version: 2)
        _ = harness.diagnostics("01-placement.md")
        #expect(harness.server.executedScenarioCount(uri: uri) == 5)
        // In 'alone': only it.
        harness.edit("01-placement.md", line: 17, from: 17, to: 18, with: "2", version: 3)
        _ = harness.diagnostics("01-placement.md")
        #expect(harness.server.executedScenarioCount(uri: uri) == 6)
        // Prose above every scenario: none.
        harness.edit("01-placement.md", line: 1, from: 0, to: 0, with: "New prose.\n\nMore.\n", version: 4)
        let diagnostics = harness.diagnostics("01-placement.md")
        #expect(harness.server.executedScenarioCount(uri: uri) == 6)
        // The failed expectation moved down with its line.
        #expect(diagnostics.first?.start == [10, 23])
    }

    @Test func workStopsWhenInputArrivesAndResumesWithWhatItCompleted() {
        var harness = Self.harness()
        let uri = ServerHarness.uri("01-placement.md")
        var calls = 0
        harness.now += .seconds(1)
        let out = harness.server.work(at: harness.now) {
            calls += 1
            return calls > 3
        }
        // Interrupted in the second scenario: nothing published, the first scenario kept.
        #expect(out.isEmpty)
        #expect(harness.server.executedScenarioCount(uri: uri) == 1)
        #expect(harness.server.nextWakeUp == .zero)
        #expect(harness.diagnostics("01-placement.md").isEmpty)
        #expect(harness.server.executedScenarioCount(uri: uri) == 3)
    }

    @Test func brokenLinksAcrossLessonsAreReportedAsCheckReportsThem() {
        let text = Self.lesson.replacingOccurrences(of: "#the-end", with: "#the-start")
        var harness = Self.harness(text)
        let diagnostics = harness.diagnostics("01-placement.md")
        let check = Self.checkDiagnostics(
            text, path: "\(ServerHarness.folder)/01-placement.md",
            others: ["\(ServerHarness.folder)/02-next.md": Self.next])
        #expect(
            diagnostics.map { $0["message"]?.string?.split(separator: "\n").first.map(String.init) }
                == check.map(\.message))
        #expect(check.first?.message == "link to an anchor that does not exist: '02-next.md#the-start'")
        #expect(diagnostics.first?.start == [2, 5])
        // Opening the other lesson and adding the anchor there heals the link.
        harness.open("02-next.md", Self.next + "\n## The start\n")
        #expect(harness.diagnostics("01-placement.md").isEmpty)
    }

    @Test func everyBadCorpusLessonGetsChecksDiagnosticsAtChecksPositions() throws {
        let corpus = try CourseFiles.markdown(in: "Tests/Corpus/bad")
        #expect(corpus.count > 20)
        for (name, text) in corpus.sorted(by: { $0.key < $1.key }) {
            var harness = ServerHarness()
            harness.open(name, text)
            let published = harness.diagnostics(name)
            let path = "\(ServerHarness.folder)/\(name)"
            let check = Self.checkDiagnostics(text, path: path).sorted()
            #expect(published.count == check.count, "\(name)")
            let source = SourceText(text)
            for (json, diagnostic) in zip(published, check) {
                #expect(json["message"]?.string?.hasPrefix(diagnostic.message) == true, "\(name)")
                let position = source.position(of: diagnostic.location, in: .utf16)
                #expect(json.start == [position.line, position.character], "\(name): \(diagnostic)")
            }
        }
    }

    @Test func astralCharactersBeforeAnErrorShiftItsUTF16Column() throws {
        let text =
            "# U\n\n```scenario\ncluster brokers=1\ntopic t partitions=1 replication-factor=1\n"
            + "produce t key=\"😀😀\" partitin=0\n```\n"
        var harness = ServerHarness()
        harness.open("01-u.md", text)
        let diagnostic = try #require(harness.diagnostics("01-u.md").first)
        #expect(diagnostic["message"]?.string?.hasPrefix("unknown key 'partitin' for 'produce'") == true)
        // Byte column 26 (1-based) is UTF-16 character 21: each 😀 is 4 bytes but 2 UTF-16 units.
        #expect(diagnostic.start == [5, 21])
        #expect(
            Self.checkDiagnostics(text, path: "\(ServerHarness.folder)/01-u.md").first?.location.column == 26)
    }

    @Test func closingADocumentClearsItsDiagnostics() {
        var harness = Self.harness(Self.lesson.replacingOccurrences(of: "0,4,2", with: "1"))
        #expect(harness.diagnostics("01-placement.md").count == 1)
        harness.notify("textDocument/didClose", ["textDocument": ServerHarness.document("01-placement.md")])
        #expect(harness.publications("01-placement.md").last?["diagnostics"] == [])
    }

    @Test func aRequestWaitingWhenTheDocumentChangesIsAnsweredContentModified() {
        var harness = Self.harness()
        harness.send([
            "jsonrpc": "2.0", "id": 50, "method": "textDocument/hover",
            "params": [
                "textDocument": ServerHarness.document("01-placement.md"), "position": ServerHarness.position(5, 0),
            ],
        ])
        let replies = harness.send([
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": [
                "textDocument": ["uri": .string(ServerHarness.uri("01-placement.md")), "version": 2],
                "contentChanges": [["text": "# Other\n"]],
            ],
        ])
        #expect(replies.first?["id"] == 50)
        #expect(replies.first?["error"]?["code"] == -32801)
    }

    @Test func aCancelledRequestIsAnsweredRequestCancelled() {
        var harness = Self.harness()
        harness.send([
            "jsonrpc": "2.0", "id": "h", "method": "textDocument/hover",
            "params": [
                "textDocument": ServerHarness.document("01-placement.md"), "position": ServerHarness.position(5, 0),
            ],
        ])
        let replies = harness.send(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": "h"]])
        #expect(replies.first?["id"] == "h")
        #expect(replies.first?["error"]?["code"] == -32800)
        // Cancelling an answered or unknown request does nothing.
        #expect(harness.send(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": "h"]]).isEmpty)
    }

    @Test func aScenarioScriptGetsRunsDiagnostics() throws {
        var harness = ServerHarness()
        harness.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(ServerHarness.uri("try.scenario")), "languageId": "plaintext", "version": 1,
                    "text": "cluster brokers=3\ntopic t partitions=1 replication-factor=3\nexpect leader t-0 == 2\n",
                ]
            ])
        let diagnostic = try #require(harness.diagnostics("try.scenario").first)
        #expect(diagnostic["message"] == "expectation failed: leader of t-0 is 0, expected 2")
        #expect(diagnostic.start == [2, 21])
    }

    @Test func aMarkdownFileThatIsNotALessonIsLeftAlone() {
        var harness = ServerHarness()
        harness.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": "file:///course/README.md", "languageId": "markdown", "version": 1, "text": "no title",
                ]
            ])
        harness.now += .seconds(1)
        #expect(harness.server.work(at: harness.now, isInterrupted: { false }).isEmpty)
    }
}
