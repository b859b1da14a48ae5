import Foundation
import LanguageServer
import ReplicaLabTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A language client for end-to-end tests: starts `replicalab lsp` in a workspace and talks JSON-RPC to it over
/// pipes, as an editor does.
final class LanguageClient {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var framer = MessageFramer()
    private var nextID = 1
    /// Every message read from the server, in order.
    private(set) var received: [JSON] = []
    /// Framing problems in what the server wrote (there must be none: nothing but protocol on stdout).
    private(set) var malformedOutput: [String] = []

    /// How long to wait for a message before failing (a debug build on a loaded machine is slow).
    static let timeout: Double = 60

    init(in workspace: Workspace, arguments: [String] = []) throws {
        let executable = try #require(Executable.replicalab, "cannot find the built replicalab executable")
        process.executableURL = executable
        process.arguments = ["lsp"] + arguments
        process.currentDirectoryURL = workspace.root
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends a message.
    func send(_ message: JSON) {
        sendRaw(MessageFramer.frame(Array(message.serialized.utf8)))
    }

    /// Sends bytes as they are (for malformed input).
    func sendRaw(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func notify(_ method: String, _ params: JSON) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSON) throws -> JSON {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
        return try waitFor { $0["id"] == .integer(id) }
    }

    /// Waits for a message after those already seen that matches.
    func waitFor(_ matches: (JSON) -> Bool) throws -> JSON {
        let deadline = Date().addingTimeInterval(Self.timeout)
        var seen = received.count
        while Date() < deadline {
            for message in received[seen...] where matches(message) {
                seen = received.count
                return message
            }
            seen = received.count
            try readMore(until: deadline)
        }
        throw ClientError("no matching message from the server within \(Self.timeout) s; got \(received.suffix(3))")
    }

    /// Waits for the next diagnostics published for a URI (optionally for a version).
    func diagnostics(for uri: String, version: Int? = nil) throws -> [JSON] {
        let message = try waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri
                && (version == nil || $0["params"]?["version"]?.integer == version)
        }
        return message["params"]?["diagnostics"]?.array ?? []
    }

    /// Closes the server's input and waits for it to exit; its exit code.
    func finish() throws -> Int32 {
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(Self.timeout)
        while process.isRunning, Date() < deadline {
            // Drain what the server still writes so it never blocks on a full pipe.
            try? readMore(until: Date().addingTimeInterval(0.05))
        }
        if process.isRunning { throw ClientError("the server did not exit") }
        return process.terminationStatus
    }

    private func readMore(until deadline: Date) throws {
        let descriptor = output.fileHandleForReading.fileDescriptor
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(1000, deadline.timeIntervalSinceNow * 1000)))
        guard poll(&poller, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else {
            if !process.isRunning { throw ClientError("the server exited (\(process.terminationStatus))") }
            return
        }
        framer.append(buffer[..<count])
        while let frame = framer.next() {
            switch frame {
            case .body(let body): received.append(try JSON.parse(body))
            case .malformed(let problem): malformedOutput.append(problem)
            }
        }
    }

    struct ClientError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
