import Foundation
import LanguageServer
import ReplicaLabTestSupport
import Testing

/// `replicalab lsp` driven as an editor drives it: open a lesson, change it, read diagnostics, complete, hover,
/// apply a code action, and the file then checks clean.
struct LanguageServerEndToEndTests {
    static func start(_ workspace: Workspace) throws -> LanguageClient {
        let client = try LanguageClient(in: workspace)
        let result = try client.request(
            "initialize", ["processId": .null, "rootUri": .null, "capabilities": [:], "initializationOptions": [:]])
        #expect(result["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
        client.notify("initialized", [:])
        return client
    }

    static func open(_ client: LanguageClient, _ workspace: Workspace, _ name: String) throws -> (
        uri: String, text: String
    ) {
        let url = workspace.url("Lessons/\(name)").standardizedFileURL
        let text = try String(contentsOf: url, encoding: .utf8)
        let uri = DocumentURI.uri(ofPath: url.path)
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(uri), "languageId": "markdown", "version": 1, "text": .string(text)]])
        return (uri, text)
    }

    static func position(_ line: Int, _ character: Int) -> JSON {
        ["line": .integer(line), "character": .integer(character)]
    }

    @Test func aSessionFromOpeningToAFixThatChecksClean() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let client = try Self.start(workspace)
        let (uri, text) = try Self.open(client, workspace, "01-intro.md")
        #expect(try client.diagnostics(for: uri, version: 1).isEmpty)

        // Line 8 (0-based 7) is `expect replicas t-6 == 0,4,2`: change the claim.
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    ["range": ["start": Self.position(7, 23), "end": Self.position(7, 28)], "text": "0,3,1"]
                ],
            ])
        let diagnostics = try client.diagnostics(for: uri, version: 2)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["message"] == "expectation failed: replicas of t-6 is 0,4,2, expected 0,3,1")
        // check says 8:24 (1-based, bytes): the protocol says line 7, character 23.
        #expect(diagnostics.first?["range"]?["start"] == Self.position(7, 23))

        let completion = try client.request(
            "textDocument/completion",
            ["textDocument": ["uri": .string(uri)], "position": Self.position(8, 0)])
        let labels = completion["result"]?["items"]?.array?.compactMap { $0["label"]?.string } ?? []
        #expect(labels.contains("topic") && labels.contains("expect"))

        let hover = try client.request(
            "textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": Self.position(7, 17)])
        let markdown = hover["result"]?["contents"]?["value"]?.string ?? ""
        #expect(markdown.contains("**t-6** leader 0"))
        #expect(markdown.contains("Brokers  Leaders"))

        let actions = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(uri)],
                "range": ["start": Self.position(7, 0), "end": Self.position(7, 0)],
                "context": ["diagnostics": .array(diagnostics)],
            ])
        let action = try #require(actions["result"]?.array?.first)
        #expect(action["title"] == "Set the expectation to the actual value (0,4,2)")
        let edit = try #require(action["edit"]?["changes"]?[uri]?.array?.first)
        var changed = SourceText(text.replacingOccurrences(of: "0,4,2", with: "0,3,1"))
        changed.replace(
            changed.byteRange(of: try #require(TextRange(edit["range"])), in: .utf16),
            with: edit["newText"]?.string ?? "")
        try Data(changed.bytes).write(to: workspace.url("Lessons/01-intro.md"))
        #expect(changed.string == text)
        let check = try workspace.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")

        _ = try client.request("shutdown", .null)
        client.notify("exit", .null)
        #expect(try client.finish() == 0)
        #expect(client.malformedOutput.isEmpty)
    }

    @Test func acceptingStaleOutputWritesWhatCheckUpdateWrites() throws {
        let stale = Samples.goodLesson.replacingOccurrences(of: "Created topic t.", with: "Created topic x.")
        let workspace = try Workspace(lessons: ["01-intro.md": stale])
        let client = try Self.start(workspace)
        let (uri, text) = try Self.open(client, workspace, "01-intro.md")
        let diagnostics = try client.diagnostics(for: uri, version: 1)
        #expect(diagnostics.first?["message"]?.string?.hasPrefix("output of scenario 'slide' differs") == true)
        let actions = try client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(uri)],
                "range": ["start": Self.position(15, 0), "end": Self.position(15, 0)], "context": ["diagnostics": []],
            ])
        let action = try #require(actions["result"]?.array?.first { $0["title"]?.string?.hasPrefix("Accept") == true })
        var source = SourceText(text)
        for edit in action["edit"]?["changes"]?[uri]?.array ?? [] {
            source.replace(
                source.byteRange(of: try #require(TextRange(edit["range"])), in: .utf16),
                with: edit["newText"]?.string ?? "")
        }
        // The same bytes as `check --update`.
        let updated = try Workspace(lessons: ["01-intro.md": stale])
        #expect(try updated.run(["check", "--update"]).status == 0)
        #expect(source.bytes == [UInt8](try Data(contentsOf: updated.url("Lessons/01-intro.md"))))
        _ = try client.request("shutdown", .null)
        client.notify("exit", .null)
        #expect(try client.finish() == 0)
    }

    @Test func malformedInputGetsErrorsAndTheSessionGoesOn() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let client = try Self.start(workspace)
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{not json".utf8))
        let parseError = try client.waitFor { $0["error"]?["code"] == -32700 }
        #expect(parseError["id"] == .null)
        client.sendRaw(Array("Content-Type: nothing\r\n\r\n".utf8))
        _ = try client.waitFor { $0["error"]?["message"]?.string?.contains("Content-Length") == true }
        let unknown = try client.request("workspace/unknownThing", [:])
        #expect(unknown["error"]?["code"] == -32601)
        let (uri, _) = try Self.open(client, workspace, "01-intro.md")
        #expect(try client.diagnostics(for: uri).isEmpty)
        // The client goes away without shutdown: the server ends, with 1.
        #expect(try client.finish() == 1)
        #expect(client.malformedOutput.isEmpty)
    }
}

extension LanguageServerEndToEndTests {
    /// A lesson whose scenario runs for about a second in a debug build: 25 short statements of a busy cluster, so the
    /// server can stop between any two.
    static let slowLesson =
        "# Slow\n\n```scenario busy\ncluster brokers=4 broker.heartbeat.interval.ms=1\n"
        + String(repeating: "advance 1s\n", count: 25) + "```\n"

    static func openText(_ client: LanguageClient, _ workspace: Workspace, _ name: String, _ text: String) -> String {
        let uri = DocumentURI.uri(ofPath: workspace.url("Lessons/\(name)").standardizedFileURL.path)
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(uri), "languageId": "markdown", "version": 1, "text": .string(text)]])
        return uri
    }

    @Test func aRequestIsAnsweredWhileAnotherLessonRuns() throws {
        let workspace = try Workspace(lessons: ["01-intro.md": Samples.goodLesson])
        let client = try Self.start(workspace)
        let (intro, _) = try Self.open(client, workspace, "01-intro.md")
        #expect(try client.diagnostics(for: intro).isEmpty)
        let slow = Self.openText(client, workspace, "02-slow.md", Self.slowLesson)
        let hover = try client.request(
            "textDocument/hover", ["textDocument": ["uri": .string(intro)], "position": Self.position(7, 17)])
        #expect(hover["result"]?["contents"] != nil)
        // Whether the slow lesson finished before the hover came depends on the machine's load, so this only checks
        // that both are answered; that a run stops between statements when input arrives is tested deterministically
        // on the server value (DiagnosticsTests).
        let published: (JSON) -> Bool = {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == slow
        }
        if !client.received.contains(where: published) { _ = try client.waitFor(published) }
        _ = try client.request("shutdown", .null)
        client.notify("exit", .null)
        #expect(try client.finish() == 0)
    }

    @Test func aChangeStopsTheRunOfTheVersionItReplaces() throws {
        let workspace = try Workspace(lessons: [:])
        let client = try Self.start(workspace)
        let uri = Self.openText(client, workspace, "01-slow.md", Self.slowLesson)
        // Let the server start running version 1, then replace the slow scenario.
        Thread.sleep(forTimeInterval: 0.3)
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    ["text": "# Quick\n\n```scenario\ncluster brokers=1\nexpect leader t-0 == 0\n```\n"]
                ],
            ])
        let diagnostics = try client.diagnostics(for: uri, version: 2)
        #expect(diagnostics.first?["message"]?.string?.hasPrefix("unknown topic 't'") == true)
        // Version 1 was never finished, so never published.
        #expect(!client.received.contains { $0["params"]?["version"] == 1 })
        _ = try client.request("shutdown", .null)
        client.notify("exit", .null)
        #expect(try client.finish() == 0)
    }
}
