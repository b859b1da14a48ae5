import LanguageServer
import Testing

/// Go to definition, document symbols and inlay hints.
struct NavigationTests {
    static let lesson = """
        # Navigation

        ## Setting up

        ```scenario setup
        cluster brokers=3
        topic t partitions=1 replication-factor=3
        expect leader t-0 == 0
        crash 0
        ```

        ## Going on

        ```scenario more continues=setup
        advance 10s
        ```

        ```question after=setup/step-3
        Who leads t-0?
        answer: leader t-0
        ```

        Leader: {{setup/step-2: leader t-0}}. See [the next lesson](02-next.md#scenario-intro/step-1) and
        [this one](#going-on).

        """

    static let next = "# Next\n\n```scenario intro\ncluster brokers=1\nexpect leader t-0 == 0\nbroker 1\n```\n"

    static func definition(_ line: Int, _ character: Int) -> (uri: String?, line: Int?) {
        var harness = ServerHarness(files: ["\(ServerHarness.folder)/02-next.md": next])
        harness.open("01-n.md", lesson)
        let result = harness.request(
            "textDocument/definition",
            ["textDocument": ServerHarness.document("01-n.md"), "position": ServerHarness.position(line, character)])
        return (result?["uri"]?.string, result?["range"]?["start"]?["line"]?.integer)
    }

    @Test func continuesGoesToTheScenario() {
        #expect(Self.definition(13, 25) == (ServerHarness.uri("01-n.md"), 4))
    }

    @Test func aQuestionsStepGoesToTheStepsLine() {
        // Step 3 is the third command (expect lines are not steps): `crash 0`.
        #expect(Self.definition(17, 20) == (ServerHarness.uri("01-n.md"), 8))
    }

    @Test func aReferenceGoesToTheStep() {
        #expect(Self.definition(22, 12) == (ServerHarness.uri("01-n.md"), 6))
    }

    @Test func linksGoToTheOtherLessonsStepAndToAnAnchorHere() {
        // `scenario-intro/step-1` of 02-next.md: `cluster brokers=1`, its line 3.
        #expect(Self.definition(22, 60) == (ServerHarness.uri("02-next.md"), 3))
        #expect(Self.definition(23, 3) == (ServerHarness.uri("01-n.md"), 11))
        #expect(Self.definition(1, 0).uri == nil)
    }

    /// A heading whose slug the page already uses (the legend of the marks, a scenario) has the anchor the site gives
    /// it, and a link to that anchor goes to the heading.
    @Test func aLinkToARenumberedHeadingGoesToIt() {
        let lesson =
            "# Ids\n\n## Legend\n\n## Scenario s\n\n```scenario s\ncluster brokers=1\n```\n\n[a](#legend-2) [b](#scenario-s-2)\n"
        var harness = ServerHarness()
        harness.open("01-i.md", lesson)
        func definition(_ character: Int) -> Int? {
            harness.request(
                "textDocument/definition",
                ["textDocument": ServerHarness.document("01-i.md"), "position": ServerHarness.position(10, character)]
            )?["range"]?["start"]?["line"]?.integer
        }
        #expect(definition(5) == 2)
        #expect(definition(20) == 4)
    }

    @Test func symbolsNestScenariosInTheirSections() throws {
        var harness = ServerHarness(
            capabilities: ["textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]])
        harness.open("01-n.md", Self.lesson)
        let symbols = try #require(
            harness.request("textDocument/documentSymbol", ["textDocument": ServerHarness.document("01-n.md")])?.array)
        #expect(symbols.map { $0["name"] } == ["Navigation"])
        let sections = symbols[0]["children"]?.array ?? []
        #expect(sections.map { $0["name"] } == ["Setting up", "Going on"])
        #expect(sections[0]["children"]?.array?.map { $0["name"] } == ["scenario setup"])
        #expect(sections[1]["children"]?.array?.map { $0["name"] } == ["scenario more", "question"])
        #expect(sections[1]["children"]?.array?.first?["detail"] == "continues=setup")
        #expect(sections[0]["range"]?["start"]?["line"] == 2)
        #expect(sections[0]["range"]?["end"]?["line"] == 10)
        // Flat for clients without hierarchy.
        var flat = ServerHarness()
        flat.open("01-n.md", Self.lesson)
        let list = try #require(
            flat.request("textDocument/documentSymbol", ["textDocument": ServerHarness.document("01-n.md")])?.array)
        #expect(list.count == 6)
        #expect(list[2]["containerName"] == "Setting up")
    }

    @Test func inlayHintsSayWhatACommandChanged() throws {
        var harness = ServerHarness()
        harness.open("01-n.md", Self.lesson)
        let hints = try #require(
            harness.request(
                "textDocument/inlayHint",
                [
                    "textDocument": ServerHarness.document("01-n.md"),
                    "range": ["start": ServerHarness.position(0, 0), "end": ServerHarness.position(30, 0)],
                ])?.array)
        let labels = hints.compactMap { $0["label"]?.string }
        // The crash changes the broker; the controller moves the leadership once its session expires, during the
        // advance of the scenario that continues.
        #expect(labels == ["→ broker 0 crashed", "→ t-0 leader 1 ISR 1,2"])
        #expect(hints.map { $0["position"]?["line"] } == [8, 14])
    }
}
