import Foundation

/// Reads input files the way the whole CLI does: only regular files (a FIFO would block, a device never ends), to
/// the end whatever size the file system claims (`/proc` files say 0), never more than a budget.
enum InputFile {
    /// The input is larger than the budget allows.
    struct TooLarge: Error {
        var path: String
        var limit: Int
    }

    /// The bytes of the regular file at `path` (symbolic links followed); `TooLarge` past `limit` bytes, a
    /// `CLIError` saying why (with the errno name) when it cannot be read.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        // Non-blocking, so that opening a FIFO without a writer returns at once (and is then refused).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw CLIError("cannot read", path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CLIError("cannot read", path, errno: errno) }
        if Posix.isDirectory(status) { throw CLIError("\(path) is a directory, expected a file", path: path) }
        guard Posix.isRegularFile(status) else {
            throw CLIError("\(path) is \(Posix.kind(status)), not a regular file: refusing to read it", path: path)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try readAll(descriptor, path: path, limit: limit)
    }

    /// Everything a descriptor gives until its end (standard input, a pipe): `TooLarge` past `limit` bytes.
    static func readAll(_ descriptor: Int32, path: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot read", path, errno: errno)
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw TooLarge(path: path, limit: limit) }
            bytes += buffer[0..<count]
        }
    }
}
