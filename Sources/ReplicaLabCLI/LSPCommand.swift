import ArgumentParser
import Course
import Foundation
import LanguageServer

/// `replicalab lsp`: the language server for lessons and scenario scripts, over standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server: lessons verified as you type, in any editor with an LSP client.",
        discussion: """
            Speaks the Language Server Protocol on standard input and output (nothing else is written there); \
            an editor starts it and talks to it. For lessons (NN-slug.md, or any .md in a folder named Lessons) \
            and scenario scripts (*.scenario): the diagnostics of check as you type, completion, hover with the \
            cluster's state after a line, code actions (accept the engine's output, set an expectation to the \
            actual value, add a missing output block), go to definition, document symbols and inlay hints. \
            README.md says how to set it up in Neovim, VS Code, Helix and Emacs.

            Examples:
              replicalab lsp
              replicalab lsp --debounce 100        # publish after 100 ms without changes

            Exit codes: 0 after the client's shutdown and exit, 1 when the client exits or goes away without \
            shutdown.
            """
    )

    @Option(help: "Milliseconds a lesson must be still before its diagnostics are published (0 to 10000).")
    var debounce = 20

    @Flag(help: .hidden)
    var stdio = false

    func validate() throws {
        if !(0...10_000).contains(debounce) { throw ValidationError("--debounce must be between 0 and 10000") }
    }

    func run() throws {
        // A client that goes away must not kill the server with SIGPIPE in the middle of a write.
        signal(SIGPIPE, SIG_IGN)
        var server = LessonServer(
            files: FileSystemFiles(), configuration: .init(debounce: .milliseconds(debounce)))
        let clock = ContinuousClock()
        let start = clock.now
        func now() -> Duration { clock.now - start }
        var framer = MessageFramer()
        let input = StandardInput()
        while server.exitCode == nil {
            let timeout = server.nextWakeUp.map { max(.zero, $0 - now()) }
            if input.waitForInput(timeout: timeout) {
                guard let bytes = input.read() else {
                    server.inputEnded()
                    break
                }
                framer.append(bytes)
                while server.exitCode == nil, let frame = framer.next() {
                    switch frame {
                    case .body(let body): send(server.receive(body, at: now()))
                    case .malformed(let problem): send(server.malformedFrame(problem))
                    }
                }
            } else {
                send(server.work(at: now(), isInterrupted: input.hasInput))
            }
        }
        let code = server.exitCode ?? 1
        if code != 0 { throw ExitCode(code) }
    }

    /// Writes messages to standard output, framed.
    private func send(_ messages: [JSON]) {
        for message in messages {
            let bytes = MessageFramer.frame(Array(message.serialized.utf8))
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                // The client is gone; its input ending will stop the loop.
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

/// Standard input, read without blocking the work between messages.
private struct StandardInput {
    /// Waits until input is there (or the stream ended) or the timeout passes; nil waits as long as it takes.
    func waitForInput(timeout: Duration?) -> Bool {
        let milliseconds = timeout.map { timeout -> Int32 in
            let (seconds, attoseconds) = timeout.components
            return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        }
        return poll(milliseconds ?? -1)
    }

    /// Whether input is waiting now (or the stream ended): the server stops a long analysis for it.
    func hasInput() -> Bool { poll(0) }

    /// The bytes available, or nil at the end of the stream.
    func read() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            return Array(buffer[..<count])
        }
    }

    private func poll(_ milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while true {
            let result = Foundation.poll(&descriptor, 1, milliseconds)
            if result < 0 && errno == EINTR { continue }
            return result > 0
        }
    }
}

/// The file system, as the language server reads the lessons beside an open one and the targets of links.
private struct FileSystemFiles: FileReader {
    func markdownFiles(inFolder folder: String) -> [LessonFile] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.compactMap { name in
            let path = LessonFiles.join(folder, name)
            // As `check` refuses them: a link out of the folder would publish whatever it points at.
            guard (try? LessonFiles.checkStaysInside(folder, path)) != nil else { return nil }
            return try? LessonFiles.readFile(path)
        }
    }

    func contents(of path: String) -> [UInt8]? {
        (try? LessonFiles.readFile(path))?.bytes
    }
}
