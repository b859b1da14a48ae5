import Course
import Diagnostics

extension LessonServer {
    /// Thrown to stop work as soon as input arrives.
    private struct Interrupted: Error {}

    /// When `work` has something to do: `.zero` (at once) while a document waits for analysis or a request for an
    /// answer, else when the next document's debounce ends; nil when there is nothing to do.
    public var nextWakeUp: Swift.Duration? {
        if !pending.isEmpty || documents.values.contains(where: { !$0.isAnalysed }) { return .zero }
        return documents.values.filter(needsPublication).map { $0.changedAt + configuration.debounce }.min()
    }

    /// Does the work due at `now`: analyses changed documents, answers the requests that waited for them, and
    /// publishes diagnostics of documents whose debounce has passed. Before every statement it runs it asks
    /// `isInterrupted`; when that says yes, it returns what it has so far and keeps every scenario it completed.
    public mutating func work(at now: Swift.Duration, isInterrupted: () -> Bool) -> [JSON] {
        var out: [JSON] = []
        func checkInterruption() throws(Interrupted) {
            if isInterrupted() { throw Interrupted() }
        }
        do {
            for uri in analysisOrder() {
                try analyse(uri, checkCancellation: checkInterruption)
                out += answerPending(for: uri)
            }
            for uri in documents.keys.sorted() where documents[uri].map(needsPublication) ?? false {
                guard let document = documents[uri], now >= document.changedAt + configuration.debounce else {
                    continue
                }
                out += try publish(uri, checkCancellation: checkInterruption)
            }
        } catch {
            return out
        }
        return out
    }

    /// Documents that need analysis: those with waiting requests first (in the order the requests came), then the
    /// others, the most recently changed first.
    private func analysisOrder() -> [String] {
        var order: [String] = []
        for request in pending where !order.contains(request.uri) { order.append(request.uri) }
        let others = documents.values.filter { !order.contains($0.uri) }
            .sorted { ($0.changedAt, $1.uri) > ($1.changedAt, $0.uri) }
        order += others.map(\.uri)
        return order.filter { documents[$0].map { !$0.isAnalysed } ?? false }
            + order.filter { documents[$0]?.isAnalysed ?? false }
    }

    private mutating func analyse<Failure: Error>(
        _ uri: String, checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) {
        guard let document = documents[uri], !document.isAnalysed else { return }
        let previousOutline = document.analysis?.outline
        var runs = document.runs
        defer { documents[uri]?.runs = runs }
        let analysis = try DocumentAnalysis.analyze(
            document.text, version: document.version, path: document.path, kind: document.kind, runs: &runs,
            checkCancellation: checkCancellation)
        documents[uri]?.analysis = analysis
        if analysis.outline != previousOutline {
            // Links from the other lessons of the folder to this one may have broken or healed.
            let folder = DocumentURI.folder(of: document.path)
            for (other, candidate) in documents where other != uri && DocumentURI.folder(of: candidate.path) == folder {
                documents[other]?.needsCrossLessonCheck = true
            }
        }
    }

    private func needsPublication(_ document: OpenDocument) -> Bool {
        guard let analysis = document.analysis, document.isAnalysed else { return false }
        return document.published == nil || document.needsCrossLessonCheck
            || document.published?["version"]?.integer != analysis.version
    }

    /// Publishes a document's diagnostics: its own and those across the lessons of its folder.
    private mutating func publish<Failure: Error>(
        _ uri: String, checkCancellation: () throws(Failure) -> Void
    ) throws(Failure) -> [JSON] {
        guard let document = documents[uri], let analysis = document.analysis else { return [] }
        var diagnostics = analysis.diagnostics
        if document.kind == .lesson, analysis.outline != nil {
            let folder = DocumentURI.folder(of: document.path)
            var open: [String: LessonOutline?] = [:]
            for candidate in documents.values
            where candidate.kind == .lesson && DocumentURI.folder(of: candidate.path) == folder {
                open[candidate.path] = .some(candidate.analysis?.outline)
            }
            let outlines = try folders.outlines(
                inFolder: folder, open: open, files: files, checkCancellation: checkCancellation)
            diagnostics += CourseVerifier.crossLessonDiagnostics(for: document.path, outlines: outlines)
        }
        let json = publishing.json(diagnostics, in: analysis.text, path: document.path)
        let publication = Self.publication(uri: uri, version: analysis.version, diagnostics: json)
        let previous = document.published
        documents[uri]?.needsCrossLessonCheck = false
        documents[uri]?.published = ["version": .integer(analysis.version), "diagnostics": json]
        return previous?["diagnostics"] == json && previous?["version"]?.integer == analysis.version
            ? [] : [publication]
    }

    var publishing: DiagnosticPublishing {
        DiagnosticPublishing(
            encoding: positionEncoding, supportsRelatedInformation: client.relatedInformation)
    }

    // MARK: - Requests

    /// Answers the waiting requests about a document once its analysis is current.
    private mutating func answerPending(for uri: String) -> [JSON] {
        guard let document = documents[uri], document.isAnalysed else { return [] }
        let ready = pending.filter { $0.uri == uri }
        pending.removeAll { $0.uri == uri }
        return ready.map { Self.response($0.id, .success(answer($0, document: document))) }
    }

    private func answer(_ request: PendingRequest, document: OpenDocument) -> JSON {
        guard let analysis = document.analysis else { return Self.emptyResult(of: request.method) }
        let encoding = positionEncoding
        switch request.method {
        case "textDocument/completion":
            guard let position = TextPosition(request.params["position"]) else { return .null }
            return Completion(analysis: analysis, runs: document.runs, encoding: encoding).json(at: position)
        case "textDocument/hover":
            guard let position = TextPosition(request.params["position"]) else { return .null }
            return Hover(analysis: analysis, runs: document.runs, encoding: encoding).json(at: position)
        case "textDocument/codeAction":
            guard let range = TextRange(request.params["range"]) else { return [] }
            return CodeActions(
                analysis: analysis, uri: document.uri, encoding: encoding, support: client.codeActions,
                publishing: publishing
            ).json(for: range)
        case "textDocument/definition":
            guard let position = TextPosition(request.params["position"]) else { return .null }
            let offset = analysis.text.offset(of: position, in: encoding)
            let definition = Definition(analysis: analysis, path: document.path, read: contents(of:))
            guard let target = definition.target(at: offset) else { return .null }
            return location(of: target)
        case "textDocument/documentSymbol":
            return DocumentSymbols(analysis: analysis, encoding: encoding).json(
                hierarchical: client.hierarchicalSymbols, uri: document.uri)
        case "textDocument/inlayHint":
            guard let range = TextRange(request.params["range"]) else { return [] }
            return InlayHints(analysis: analysis, runs: document.runs, encoding: encoding).json(for: range)
        default:
            return .null
        }
    }

    /// A file's text: the open document's, else the file's.
    private func contents(of path: String) -> [UInt8]? {
        documents.values.first { $0.path == path }?.text.bytes ?? files.contents(of: path)
    }

    /// The protocol's `Location` of a definition, in the open document's positions when it is open.
    private func location(of target: Definition.Target) -> JSON {
        let open = documents.values.first { $0.path == target.path }
        let uri = open?.uri ?? DocumentURI.uri(ofPath: target.path)
        let location = SourceLocation(file: target.path, line: target.line, column: target.column)
        let text = open?.text ?? contents(of: target.path).map { SourceText(bytes: $0) } ?? SourceText("")
        let position = text.position(of: location, in: positionEncoding)
        return ["uri": .string(uri), "range": TextRange(start: position, end: position).json]
    }
}
