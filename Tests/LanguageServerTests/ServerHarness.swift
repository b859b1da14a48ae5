import LanguageServer
import Testing

/// Drives a `LessonServer` as a client would, message by message, on a simulated clock.
struct ServerHarness {
    var server: LessonServer
    var now: Duration = .seconds(1)
    private var nextID = 1
    /// Every message the server sent, in order.
    private(set) var received: [JSON] = []

    static let folder = "/course/Lessons"

    init(files: [String: String] = [:], capabilities: JSON = [:], initializationOptions: JSON = [:]) {
        server = LessonServer(files: InMemoryFiles(files))
        let answer = request(
            "initialize", ["capabilities": capabilities, "initializationOptions": initializationOptions])
        precondition(answer?["capabilities"] != nil, "initialize failed: \(String(describing: answer))")
        notify("initialized", [:])
    }

    static func uri(_ name: String) -> String { "file://\(folder)/\(name)" }

    /// Sends a message (as bytes, as the real client does) and keeps what comes back.
    @discardableResult
    mutating func send(_ message: JSON) -> [JSON] {
        let replies = server.receive(Array(message.serialized.utf8), at: now)
        received += replies
        return replies
    }

    mutating func notify(_ method: String, _ params: JSON) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and works until it is answered; the result, or nil for an error (see `lastError`).
    @discardableResult
    mutating func request(_ method: String, _ params: JSON) -> JSON? {
        let reply = requestReply(method, params)
        return reply["result"]
    }

    /// Sends a request and works until its response arrives; the whole response.
    mutating func requestReply(_ method: String, _ params: JSON) -> JSON {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
        for _ in 0..<10 {
            if let reply = received.last(where: { $0["id"] == .integer(id) }) { return reply }
            received += server.work(at: now, isInterrupted: { false })
        }
        Issue.record("no answer to \(method)")
        return [:]
    }

    mutating func open(_ name: String, _ text: String, version: Int = 1) {
        notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(Self.uri(name)), "languageId": "markdown", "version": .integer(version),
                    "text": .string(text),
                ]
            ])
    }

    /// Replaces the whole text.
    mutating func replaceText(_ name: String, _ text: String, version: Int) {
        notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(Self.uri(name)), "version": .integer(version)],
                "contentChanges": [["text": .string(text)]],
            ])
    }

    /// Replaces a range (protocol positions).
    mutating func edit(_ name: String, line: Int, from start: Int, to end: Int, with text: String, version: Int) {
        notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(Self.uri(name)), "version": .integer(version)],
                "contentChanges": [
                    [
                        "range": [
                            "start": ["line": .integer(line), "character": .integer(start)],
                            "end": ["line": .integer(line), "character": .integer(end)],
                        ],
                        "text": .string(text),
                    ]
                ],
            ])
    }

    /// Lets the debounce pass, works, and returns the diagnostics last published for a document.
    mutating func diagnostics(_ name: String) -> [JSON] {
        now += .milliseconds(200)
        received += server.work(at: now, isInterrupted: { false })
        return publications(name).last?["diagnostics"]?.array ?? []
    }

    /// Every diagnostics publication for a document so far.
    func publications(_ name: String) -> [JSON] {
        received.filter {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == Self.uri(name)
        }.compactMap { $0["params"] }
    }

    static func position(_ line: Int, _ character: Int) -> JSON {
        ["line": .integer(line), "character": .integer(character)]
    }

    static func document(_ name: String) -> JSON { ["uri": .string(uri(name))] }
}

extension JSON {
    /// `[line, character]` of a diagnostic's or an edit's range start.
    var start: [Int]? {
        guard let start = self["range"]?["start"], let line = start["line"]?.integer,
            let character = start["character"]?.integer
        else { return nil }
        return [line, character]
    }
}
