import Course
import Diagnostics

/// The language server for lessons and scenario scripts, as a value: JSON-RPC messages in, messages out.
///
/// Input and time come from outside, so the server's whole behaviour can be tested message by message:
/// `replicalab lsp` reads standard input and the clock, passes each message to `receive`, and calls `work` when
/// `nextWakeUp` has come and no input is waiting. `work` analyses the changed documents — running only the
/// scenarios an edit can have changed — answers the requests that waited for that, and publishes diagnostics once
/// a document has been still for the debounce interval. It asks `isInterrupted` before every statement it runs
/// and returns as soon as input arrives, keeping what it completed, so typing is never blocked by a long scenario.
public struct LessonServer {
    /// Settings the client may change in `initializationOptions`.
    public struct Configuration: Sendable {
        /// How long a document must be still before its diagnostics are published (`debounceMilliseconds`).
        public var debounce: Swift.Duration

        /// Creates a configuration.
        public init(debounce: Swift.Duration = .milliseconds(20)) {
            self.debounce = debounce
        }
    }

    private enum Lifecycle {
        case uninitialized, running, shuttingDown
    }

    var files: any FileReader
    var configuration: Configuration
    private var lifecycle = Lifecycle.uninitialized
    var client = ClientCapabilities()
    var documents: [String: OpenDocument] = [:]
    var pending: [PendingRequest] = []
    var folders = CourseFolders()

    /// The exit code once the client sent `exit` (0 after `shutdown`, else 1) or the input ended.
    public private(set) var exitCode: Int32?

    /// Creates a server that reads the files it does not have open through `files`.
    public init(files: any FileReader, configuration: Configuration = Configuration()) {
        self.files = files
        self.configuration = configuration
    }

    /// The encoding positions are counted in (agreed in `initialize`).
    public var positionEncoding: PositionEncoding { client.positionEncoding }

    /// How many scenarios the server ran for a document (rather than reusing their runs); nil for a document that
    /// is not open.
    public func executedScenarioCount(uri: String) -> Int? {
        documents[uri].map { $0.runs.executedCount }
    }

    // MARK: - Input

    /// Handles one message body (the bytes after the framing headers).
    public mutating func receive(_ body: [UInt8], at now: Swift.Duration) -> [JSON] {
        let json: JSON
        do {
            json = try JSON.parse(body)
        } catch {
            return [Self.response(nil, .failure(.parseError("the message is not JSON: \(error)")))]
        }
        switch Message.decode(json) {
        case .failure(let invalid): return [Self.response(invalid.id, .failure(invalid.error))]
        case .success(let message): return receive(message, at: now)
        }
    }

    /// Answers malformed framing headers (the framer skipped the bytes): a parse error without an id.
    public func malformedFrame(_ problem: String) -> [JSON] {
        [Self.response(nil, .failure(.parseError("malformed message headers: \(problem)")))]
    }

    /// The client's input ended without `exit`.
    public mutating func inputEnded() {
        if exitCode == nil { exitCode = lifecycle == .shuttingDown ? 0 : 1 }
    }

    /// Handles one decoded message.
    public mutating func receive(_ message: Message, at now: Swift.Duration) -> [JSON] {
        switch message {
        case .request(let id, let method, let params):
            return request(id, method, params)
        case .notification(let method, let params):
            return notification(method, params, at: now)
        case .response:
            // The server sends no requests, so there is nothing to match a response with.
            return []
        }
    }

    private mutating func request(_ id: RequestID, _ method: String, _ params: JSON) -> [JSON] {
        switch (lifecycle, method) {
        case (.uninitialized, "initialize"):
            return [Self.response(id, .success(initialize(params)))]
        case (.uninitialized, _):
            return [Self.response(id, .failure(.serverNotInitialized))]
        case (_, "initialize"):
            return [Self.response(id, .failure(.invalidRequest("initialize was already sent")))]
        case (.shuttingDown, _):
            return [Self.response(id, .failure(.invalidAfterShutdown))]
        case (.running, "shutdown"):
            lifecycle = .shuttingDown
            return [Self.response(id, .success(.null))]
        case (.running, _):
            guard Self.documentRequests.contains(method) else {
                return [Self.response(id, .failure(.methodNotFound(method)))]
            }
            guard let uri = params["textDocument"]?["uri"]?.string else {
                return [Self.response(id, .failure(.invalidParams("'textDocument.uri' is missing")))]
            }
            if let problem = Self.problem(inParamsOf: method, params) {
                return [Self.response(id, .failure(.invalidParams(problem)))]
            }
            guard documents[uri] != nil else {
                // Not a document of ours (or not open): nothing to say about it.
                return [Self.response(id, .success(Self.emptyResult(of: method)))]
            }
            pending.append(PendingRequest(id: id, method: method, params: params, uri: uri))
            return []
        }
    }

    private mutating func notification(_ method: String, _ params: JSON, at now: Swift.Duration) -> [JSON] {
        if method == "exit" {
            exitCode = lifecycle == .shuttingDown ? 0 : 1
            return []
        }
        guard lifecycle != .uninitialized else { return [] }
        switch method {
        case "textDocument/didOpen": return didOpen(params, at: now)
        case "textDocument/didChange": return didChange(params, at: now)
        case "textDocument/didClose": return didClose(params)
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            for uri in documents.keys { documents[uri]?.needsCrossLessonCheck = true }
            return []
        case "$/cancelRequest":
            guard let id = params["id"].flatMap(RequestID.init), let index = pending.firstIndex(where: { $0.id == id })
            else { return [] }
            pending.remove(at: index)
            return [Self.response(id, .failure(.requestCancelled))]
        default:
            // `initialized`, `$/setTrace` and notifications the server has no use for.
            return []
        }
    }

    // MARK: - Lifecycle

    private mutating func initialize(_ params: JSON) -> JSON {
        lifecycle = .running
        client = ClientCapabilities(params["capabilities"])
        if let milliseconds = params["initializationOptions"]?["debounceMilliseconds"]?.integer,
            (0...10_000).contains(milliseconds)
        {
            configuration.debounce = .milliseconds(milliseconds)
        }
        return [
            "capabilities": [
                "positionEncoding": .string(client.positionEncoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "completionProvider": ["triggerCharacters": [" ", "=", ","], "resolveProvider": false],
                "hoverProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "definitionProvider": true,
                "documentSymbolProvider": true,
                "inlayHintProvider": true,
            ],
            "serverInfo": ["name": "replicalab", "version": .string(ReplicaLabVersion.current)],
        ]
    }

    // MARK: - Documents

    private mutating func didOpen(_ params: JSON, at now: Swift.Duration) -> [JSON] {
        let document = params["textDocument"]
        guard let uri = document?["uri"]?.string, let text = document?["text"]?.string,
            let version = document?["version"]?.integer
        else { return [Self.log("textDocument/didOpen without uri, version and text")] }
        guard let path = DocumentURI.path(of: uri),
            let kind = DocumentKind(path: path, languageID: document?["languageId"]?.string ?? "")
        else { return [] }
        documents[uri] = OpenDocument(
            uri: uri, path: path, kind: kind, version: version, text: SourceText(text),
            changedAt: now - configuration.debounce)
        markFolderForCrossLessonCheck(of: path)
        return []
    }

    private mutating func didChange(_ params: JSON, at now: Swift.Duration) -> [JSON] {
        guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri] else { return [] }
        guard let changes = params["contentChanges"]?.array else {
            return [Self.log("textDocument/didChange without contentChanges")]
        }
        var out: [JSON] = []
        for change in changes {
            guard let newText = change["text"]?.string else {
                out.append(Self.log("textDocument/didChange: a change without text was ignored"))
                continue
            }
            if let rawRange = change["range"], !rawRange.isNull {
                guard let range = TextRange(rawRange) else {
                    out.append(Self.log("textDocument/didChange: a change with an invalid range was ignored"))
                    continue
                }
                document.text.replace(document.text.byteRange(of: range, in: positionEncoding), with: newText)
            } else {
                document.text = SourceText(newText)
            }
        }
        document.version = params["textDocument"]?["version"]?.integer ?? document.version + 1
        document.changedAt = now
        documents[uri] = document
        // Requests about the old text would answer with positions that no longer hold.
        out += takePending(for: uri).map { Self.response($0.id, .failure(.contentModified)) }
        return out
    }

    private mutating func didClose(_ params: JSON) -> [JSON] {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents.removeValue(forKey: uri)
        else { return [] }
        var out = takePending(for: uri).map { Self.response($0.id, .failure(.contentModified)) }
        if document.published != nil {
            out.append(Self.publication(uri: uri, version: nil, diagnostics: []))
        }
        markFolderForCrossLessonCheck(of: document.path)
        return out
    }

    private mutating func takePending(for uri: String) -> [PendingRequest] {
        let taken = pending.filter { $0.uri == uri }
        pending.removeAll { $0.uri == uri }
        return taken
    }

    private mutating func markFolderForCrossLessonCheck(of path: String) {
        let folder = DocumentURI.folder(of: path)
        for (uri, document) in documents where DocumentURI.folder(of: document.path) == folder {
            documents[uri]?.needsCrossLessonCheck = true
        }
    }
}

extension LessonServer {
    /// The requests about a document the server answers.
    static let documentRequests: Set<String> = [
        "textDocument/completion", "textDocument/hover", "textDocument/codeAction", "textDocument/definition",
        "textDocument/documentSymbol", "textDocument/inlayHint",
    ]

    /// What is wrong with a request's parameters, if anything.
    static func problem(inParamsOf method: String, _ params: JSON) -> String? {
        switch method {
        case "textDocument/completion", "textDocument/hover", "textDocument/definition":
            return TextPosition(params["position"]) == nil ? "'position' is missing or invalid" : nil
        case "textDocument/codeAction", "textDocument/inlayHint":
            return TextRange(params["range"]) == nil ? "'range' is missing or invalid" : nil
        default:
            return nil
        }
    }

    /// The answer for a document the server does not know.
    static func emptyResult(of method: String) -> JSON {
        switch method {
        case "textDocument/completion": ["isIncomplete": false, "items": []]
        case "textDocument/codeAction", "textDocument/documentSymbol", "textDocument/inlayHint": []
        default: .null
        }
    }

    static func response(_ id: RequestID?, _ result: Result<JSON, ResponseError>) -> JSON {
        Message.response(id: id, result: result).json
    }

    static func log(_ message: String) -> JSON {
        Message.notification(method: "window/logMessage", params: ["type": 1, "message": .string(message)]).json
    }

    static func publication(uri: String, version: Int?, diagnostics: JSON) -> JSON {
        Message.notification(
            method: "textDocument/publishDiagnostics",
            params: .compact(["uri": .string(uri), "version": version.map(JSON.integer), "diagnostics": diagnostics])
        ).json
    }
}
