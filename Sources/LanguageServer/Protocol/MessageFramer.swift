/// Splits a byte stream into JSON-RPC message bodies framed the way the Language Server Protocol frames them:
/// headers (`Content-Length: <n>`, optionally `Content-Type`), an empty line, then exactly n bytes of body.
///
/// Bytes arrive in arbitrary pieces (`append`); `next()` returns each complete body, or a framing error when the
/// headers are malformed. After an error the framer skips to the next `Content-Length` header, so one bad message
/// costs that message, not the session.
public struct MessageFramer: Sendable {
    /// What `next()` found.
    public enum Frame: Hashable, Sendable {
        /// A message body.
        case body([UInt8])
        /// Malformed headers, with what was wrong; the bytes were skipped.
        case malformed(String)
    }

    /// The largest body accepted (a lesson is a few kilobytes; 64 MB is far beyond any real message).
    public static let maximumBodyLength = 64 << 20
    /// The longest header section accepted before the empty line that ends it.
    public static let maximumHeaderLength = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    /// The body length of the message whose headers were read, while its body is incomplete.
    private var pendingLength: Int?

    /// Creates a framer with nothing buffered.
    public init() {}

    /// How many bytes are buffered and not yet returned.
    public var bufferedCount: Int { buffer.count - start }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        defer { compact() }
        if let length = pendingLength {
            guard buffer.count - start >= length else { return nil }
            pendingLength = nil
            let body = Array(buffer[start..<(start + length)])
            start += length
            return .body(body)
        }
        guard let (headerEnd, bodyStart) = endOfHeaders() else {
            guard buffer.count - start > Self.maximumHeaderLength else { return nil }
            return skip("no end of headers after \(Self.maximumHeaderLength) bytes")
        }
        let headers = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in headers.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            guard let colon = line.firstIndex(of: ":") else {
                return skip("a header line without ':' (\(Self.quoted(line)))")
            }
            let name = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard let parsed = Int(value), parsed >= 0, value.allSatisfy(\.isASCII) else {
                    return skip("Content-Length is not a number (\(Self.quoted(value)))")
                }
                guard parsed <= Self.maximumBodyLength else {
                    return skip("Content-Length \(parsed) is more than \(Self.maximumBodyLength) bytes")
                }
                length = parsed
            }
        }
        guard let length else { return skip("the headers have no Content-Length") }
        start = bodyStart
        pendingLength = length
        return next()
    }

    /// Where the header section ends (the empty line) and the body starts. CRLF is the protocol's line ending; a bare
    /// LF is accepted too, as some clients write it.
    private func endOfHeaders() -> (Int, Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"),
                    buffer[index + 2] == UInt8(ascii: "\n")
                {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// Reports malformed headers and skips to the next `Content-Length` header after the current position, or to
    /// the end, keeping only a tail that may be the start of one.
    private mutating func skip(_ problem: String) -> Frame {
        let marker = Array("content-length".utf8)
        var index = start + 1
        while index < buffer.count {
            let available = min(marker.count, buffer.count - index)
            if zip(buffer[index..<(index + available)], marker).allSatisfy({ Self.lowercased($0) == $1 }) { break }
            index += 1
        }
        start = index
        return .malformed(problem)
    }

    private mutating func compact() {
        if start > 0 && (start == buffer.count || start > 1 << 16) {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func quoted(_ text: some StringProtocol) -> String {
        let shown = text.prefix(40).map { $0.isASCII && !$0.isWhitespace || $0 == " " ? String($0) : "?" }.joined()
        return "'\(shown)\(text.count > 40 ? "…" : "")'"
    }

    /// The bytes of one framed message: its header, then the body.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
