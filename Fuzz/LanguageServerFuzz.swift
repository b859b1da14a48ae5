import LanguageServer

/// libFuzzer target: any bytes, as what a client writes to `replicalab lsp`, must get answers and never a crash.
///
/// The first byte picks how the rest is read. Even: as the raw stream (framing headers included), cut into pieces
/// of varying size, so broken headers, wrong lengths and split messages reach the framer. Odd: as message bodies
/// separated by a line `===`, each framed correctly, so the fuzzer's mutations reach the JSON reader, the JSON-RPC
/// checks, document sync and every request. Between messages the server works, sometimes interrupted part-way.
/// Checks: every message the server writes is JSON-RPC that reads back as written, and every response answers an
/// id the client sent (or is a parse error without one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguageServer(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let mode = bytes.first else { return 0 }
    let lesson = "# Other\n\n## An anchor\n\n```scenario s\ncluster brokers=2\n```\n"
    var server = LessonServer(files: InMemoryFiles(["/l/Lessons/02-other.md": lesson]))
    var framer = MessageFramer()
    var sentIDs: Set<JSON> = [.null]
    var now = Duration.zero
    var step = 0

    func check(_ messages: [JSON]) {
        for message in messages {
            let text = message.serialized
            guard let reread = try? JSON.parse(text) else { preconditionFailure("unreadable output: \(text)") }
            precondition(reread == message, "output changed when read back: \(text)")
            precondition(message["jsonrpc"] == "2.0", "not JSON-RPC 2.0: \(text)")
            if message["method"] == nil {
                precondition(sentIDs.contains(message["id"] ?? .null), "answer to an id never sent: \(text)")
                precondition((message["result"] == nil) != (message["error"] == nil), "result and error: \(text)")
            }
        }
    }

    func feed(_ chunk: ArraySlice<UInt8>) {
        framer.append(chunk)
        while let frame = framer.next() {
            switch frame {
            case .body(let body):
                if let id = (try? JSON.parse(body))?["id"] { sentIDs.insert(id) }
                check(server.receive(body, at: now))
            case .malformed(let problem):
                check(server.malformedFrame(problem))
            }
        }
        // Work, interrupted after a number of statements the input decides, as arriving input would.
        now += .milliseconds(Int(mode >> 1) * 7)
        step += 1
        var budget = (step * 37 + Int(mode)) % 400 + 1
        check(
            server.work(at: now) {
                budget -= 1
                return budget < 0
            })
    }

    let body = Array(bytes.dropFirst())
    if mode % 2 == 0 {
        var index = 0
        var size = Int(mode % 64) + 1
        while index < body.count {
            let end = min(body.count, index + size)
            feed(body[index..<end])
            index = end
            size = size * 5 % 97 + 1
        }
    } else {
        let separator = Array("\n===\n".utf8)
        var start = 0
        var index = 0
        while index <= body.count {
            let atSeparator =
                index + separator.count <= body.count && Array(body[index..<(index + separator.count)]) == separator
            if atSeparator || index == body.count {
                feed(MessageFramer.frame(Array(body[start..<index]))[...])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
    }
    // The client goes away; a last round of work must still answer cleanly.
    now += .seconds(1)
    check(server.work(at: now, isInterrupted: { false }))
    server.inputEnded()
    precondition(server.exitCode != nil, "no exit code after the input ended")
    return 0
}
