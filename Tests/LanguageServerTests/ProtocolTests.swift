import LanguageServer
import Testing

/// The JSON-RPC side: every malformed or misplaced message gets the error the protocol defines, never a crash,
/// and the lifecycle (initialize, shutdown, exit) is the protocol's.
struct ProtocolTests {
    static func errorCode(_ replies: [JSON]) -> Int? { replies.first?["error"]?["code"]?.integer }

    @Test func aRequestBeforeInitializeIsRefused() {
        var server = LessonServer(files: InMemoryFiles())
        let replies = server.receive(
            Array(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#.utf8), at: .zero)
        #expect(Self.errorCode(replies) == -32002)
        #expect(replies.first?["id"] == .integer(7))
    }

    @Test(arguments: [
        (#"{"jsonrpc":"2.0","id":1,"method":"#, -32700),
        ("not json at all", -32700),
        (#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#, -32600),
        (#"{"id":1,"method":"shutdown"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":5}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":3}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"no/suchMethod"}"#, -32601),
        (#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#, -32602),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"}}}"#,
            -32602
        ),
        (#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#, -32600),
        ("\"" + String(repeating: "[", count: 100_000), -32700),
        (String(repeating: "[", count: 100_000), -32700),
    ])
    func aMalformedMessageGetsTheProtocolsError(message: String, code: Int) {
        var harness = ServerHarness()
        let answer = harness.server.receive(Array(message.utf8), at: .zero)
        #expect(Self.errorCode(answer) == code, "\(message.prefix(80))")
    }

    @Test func aRequestAboutADocumentThatIsNotOpenGetsAnEmptyAnswer() {
        var harness = ServerHarness()
        let result = harness.request(
            "textDocument/hover",
            ["textDocument": ServerHarness.document("01-x.md"), "position": ServerHarness.position(0, 0)])
        #expect(result == .null)
        let completion = harness.request(
            "textDocument/completion",
            ["textDocument": ServerHarness.document("01-x.md"), "position": ServerHarness.position(0, 0)])
        #expect(completion?["items"] == [])
    }

    @Test func shutdownThenExitEndsWithZero() {
        var harness = ServerHarness()
        #expect(harness.request("shutdown", .null) == .null)
        let after = harness.requestReply("textDocument/hover", [:])
        #expect(after["error"]?["code"] == -32600)
        harness.notify("exit", .null)
        #expect(harness.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownEndsWithOne() {
        var harness = ServerHarness()
        harness.notify("exit", .null)
        #expect(harness.server.exitCode == 1)
        var other = ServerHarness()
        other.server.inputEnded()
        #expect(other.server.exitCode == 1)
    }

    @Test func responsesAndUnknownNotificationsAreIgnored() {
        var harness = ServerHarness()
        #expect(harness.send(["jsonrpc": "2.0", "id": 99, "result": [:]]).isEmpty)
        #expect(harness.send(["jsonrpc": "2.0", "method": "$/setTrace", "params": ["value": "off"]]).isEmpty)
        #expect(harness.send(["jsonrpc": "2.0", "method": "workspace/didChangeConfiguration"]).isEmpty)
    }

    @Test func malformedHeadersAreAnsweredAndSkipped() {
        let harness = ServerHarness()
        let replies = harness.server.malformedFrame("the headers have no Content-Length")
        #expect(Self.errorCode(replies) == -32700)
        #expect(replies.first?["id"] == .null)
    }

    @Test func theClientsPreferredPositionEncodingIsAgreed() {
        let utf8 = ServerHarness(capabilities: ["general": ["positionEncodings": ["utf-8", "utf-16"]]])
        #expect(utf8.server.positionEncoding == .utf8)
        let unknown = ServerHarness(capabilities: ["general": ["positionEncodings": ["ebcdic"]]])
        #expect(unknown.server.positionEncoding == .utf16)
        #expect(ServerHarness().server.positionEncoding == .utf16)
    }
}
