import LanguageServer
import Testing

/// Content-Length framing: bodies come out whole however the bytes are cut, and bad headers cost one message.
struct MessageFramerTests {
    static let bodies = [#"{"a":1}"#, #"{"text":"é😀\r\n"}"#, "{}"]

    static var stream: [UInt8] {
        bodies.flatMap { MessageFramer.frame(Array($0.utf8)) }
    }

    static func frames(_ chunks: [[UInt8]]) -> [MessageFramer.Frame] {
        var framer = MessageFramer()
        var frames: [MessageFramer.Frame] = []
        for chunk in chunks {
            framer.append(chunk)
            while let frame = framer.next() { frames.append(frame) }
        }
        return frames
    }

    @Test func bodiesComeOutWholeWhereverTheStreamIsCut() {
        let expected = Self.bodies.map { MessageFramer.Frame.body(Array($0.utf8)) }
        let stream = Self.stream
        #expect(Self.frames([stream]) == expected)
        #expect(Self.frames(stream.map { [$0] }) == expected)
        for cut in 1..<stream.count {
            #expect(Self.frames([Array(stream[..<cut]), Array(stream[cut...])]) == expected)
        }
    }

    @Test func headersAreCaseInsensitiveAndMayCarryAContentType() {
        let body = #"{"x":true}"#
        let framed =
            "content-length:  \(body.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
        #expect(Self.frames([Array((framed + body).utf8)]) == [.body(Array(body.utf8))])
        let bareNewlines = "Content-Length: \(body.utf8.count)\n\n" + body
        #expect(Self.frames([Array(bareNewlines.utf8)]) == [.body(Array(body.utf8))])
    }

    @Test(arguments: [
        "Content-Type: x\r\n\r\n", "Content-Length: ten\r\n\r\n", "Content-Length: -4\r\n\r\n",
        "Content-Length: 99999999999\r\n\r\n", "garbage without a colon\r\n\r\n",
    ])
    func badHeadersAreReportedAndTheNextMessageStillArrives(headers: String) {
        let good = MessageFramer.frame(Array("{}".utf8))
        let frames = Self.frames([Array(headers.utf8) + good])
        guard case .malformed = frames.first else {
            Issue.record("expected a framing error first, got \(frames)")
            return
        }
        #expect(frames.last == .body(Array("{}".utf8)))
    }

    @Test func endlessHeadersAreCutOff() {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.maximumHeaderLength + 10))
        guard case .malformed = framer.next() else {
            Issue.record("no framing error for endless headers")
            return
        }
        #expect(framer.bufferedCount < 20)
    }

    @Test func anEmptyBodyIsAFrame() {
        #expect(Self.frames([Array("Content-Length: 0\r\n\r\n".utf8)]) == [.body([])])
    }
}

extension MessageFramerTests {
    @Test func garbageCostsOneErrorAndKeepsOnlyAPossibleHeaderStart() {
        var framer = MessageFramer()
        framer.append(Array("Content-Type: nothing\r\n\r\nconTENT-len".utf8))
        guard case .malformed = framer.next() else {
            Issue.record("expected a framing error")
            return
        }
        #expect(framer.next() == nil)
        #expect(framer.bufferedCount == "conTENT-len".utf8.count)
        framer.append(Array("gth: 2\r\n\r\n{}".utf8))
        #expect(framer.next() == .body(Array("{}".utf8)))
    }
}
