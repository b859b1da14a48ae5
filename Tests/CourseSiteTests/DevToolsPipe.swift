import Foundation
import Testing

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands in on file
/// descriptor 3, answers out on 4, each a JSON message ended by a NUL byte), for tests that must wait in real time:
/// the WebAssembly engine compiles on other threads, which a virtual time budget does not wait for.
final class DevToolsPipe {
    private let process = Process()
    private let commands = Pipe()
    private let answers = Pipe()
    private let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
        "chromium-\(UUID().uuidString)")
    private var buffer = Data()
    private var nextID = 0
    private var session: String?

    /// Starts Chromium with a blank page and attaches to it.
    init(chromium: String) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell gives Chromium our pipes as descriptors 3 and 4, and nothing as its standard streams.
        process.arguments = [
            "-c",
            "exec \"$0\" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --allow-file-access-from-files"
                + " --user-data-dir=\"$1\" --remote-debugging-pipe 3<&0 4>&1 0</dev/null 1>/dev/null 2>/dev/null",
            chromium, profile.path,
        ]
        process.standardInput = commands
        process.standardOutput = answers
        try process.run()
        let target = try send("Target.createTarget", ["url": "about:blank"], inSession: false)
        let targetID = try #require(target["targetId"] as? String)
        let attached = try send(
            "Target.attachToTarget", ["targetId": targetID, "flatten": true], inSession: false)
        session = try #require(attached["sessionId"] as? String)
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }

    /// Loads `url` afresh (by way of a blank page, so a link to another part of the same page loads it again).
    func open(_ url: String) throws {
        _ = try send("Page.navigate", ["url": "about:blank"])
        _ = try send("Page.navigate", ["url": url])
    }

    /// Runs `body`, the body of an async JavaScript function, in the page once it has loaded, and returns what it
    /// returns, as text. `until(() => condition)` waits for a condition in real time (30 s at the most).
    func evaluate(_ body: String) throws -> String {
        let expression = """
            (async () => {
              const until = async (condition) => {
                const start = Date.now();
                for (;;) {
                  let value;
                  try { value = condition(); } catch (error) {}
                  if (value) return value;
                  if (Date.now() - start > 30000) throw new Error("timed out: " + condition);
                  await new Promise((resolve) => setTimeout(resolve, 50));
                }
              };
              await until(() => document.readyState === "complete");
              \(body)
            })()
            """
        let answer = try send(
            "Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        if let exception = answer["exceptionDetails"] as? [String: Any] {
            let description = (exception["exception"] as? [String: Any])?["description"] as? String
            Issue.record("the page's script failed: \(description ?? "\(exception)")")
            return ""
        }
        return ((answer["result"] as? [String: Any])?["value"] as? String) ?? ""
    }

    /// Sends a command and waits for its answer (60 s at the most: a stuck browser is stopped).
    private func send(_ method: String, _ parameters: [String: Any] = [:], inSession: Bool = true) throws
        -> [String: Any]
    {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if inSession, let session { message["sessionId"] = session }
        commands.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: message) + Data([0]))
        let process = process
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        while true {
            while let end = buffer.firstIndex(of: 0) {
                let chunk = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[(end + 1)...])
                let object = try JSONSerialization.jsonObject(with: chunk) as? [String: Any]
                guard let object, object["id"] as? Int == id else { continue }
                if let error = object["error"] { throw DevToolsError(message: "\(method): \(error)") }
                return object["result"] as? [String: Any] ?? [:]
            }
            let data = answers.fileHandleForReading.availableData
            if data.isEmpty { throw DevToolsError(message: "Chromium ended before answering \(method)") }
            buffer.append(data)
        }
    }
}

/// Chromium did not answer, or answered with an error.
struct DevToolsError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
