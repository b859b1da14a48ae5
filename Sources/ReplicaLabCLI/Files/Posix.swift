import Foundation

/// The few system calls the writers need that Foundation does not offer: an atomic exchange of two names, exclusive
/// creation, and removal that never follows a symbolic link.
enum Posix {
    /// Asks the C library's allocator to keep memory that is freed for the next allocations instead of giving it
    /// back to the system at once, and to take large blocks from that memory too: a build makes and frees a large
    /// buffer for every lesson (its page's article, hundreds of kB), and each one handed back and mapped again costs
    /// its page faults again. (glibc's `mallopt`, looked up by name: its header is not part of Swift's Glibc module.
    /// Elsewhere nothing changes.)
    static func keepFreedMemory() {
        #if canImport(Glibc)
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
            _ = mallopt(-1, 256 << 20)  // M_TRIM_THRESHOLD: keep up to 256 MB freed at the top of the heap
            _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD: blocks under 32 MB come from the heap, not own mappings
        #endif
    }

    /// What `exchange(_:_:)` did.
    enum ExchangeResult: Equatable {
        /// The two names now point at each other's file.
        case exchanged
        /// The system or the file system cannot exchange (an old kernel, some network file systems).
        case unsupported
        /// It failed with this errno.
        case failed(Int32)
    }

    /// Atomically swaps what two paths name (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`):
    /// at no moment is either name missing.
    static func exchange(_ first: String, _ second: String) -> ExchangeResult {
        #if os(Linux)
            guard let address = renameat2Address,
                let pointer = UnsafeRawPointer(bitPattern: address)
            else { return .unsupported }
            let function = unsafeBitCast(pointer, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            if function(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return .exchanged }
            let code = errno
            return [EINVAL, ENOSYS, EOPNOTSUPP].contains(code) ? .unsupported : .failed(code)
        #elseif canImport(Darwin)
            if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return .exchanged }
            let code = errno
            return [EINVAL, ENOTSUP].contains(code) ? .unsupported : .failed(code)
        #else
            return .unsupported
        #endif
    }

    /// `rename(from, to)` that fails with `EEXIST` instead of replacing an existing `to`, where the system can
    /// (`RENAME_NOREPLACE`); a plain rename elsewhere.
    static func renameWithoutReplacing(_ from: String, _ to: String) -> Int32? {
        #if os(Linux)
            if let address = renameat2Address, let pointer = UnsafeRawPointer(bitPattern: address) {
                let function = unsafeBitCast(pointer, to: RenameAt2.self)
                let renameNoReplace: UInt32 = 1 << 0
                if function(AT_FDCWD, from, AT_FDCWD, to, renameNoReplace) == 0 { return nil }
                if ![EINVAL, ENOSYS, EOPNOTSUPP].contains(errno) { return errno }
            }
        #endif
        return rename(from, to) == 0 ? nil : errno
    }

    #if os(Linux)
        /// `renameat2`'s signature; glibc has had it since 2.28, but Swift's Glibc module does not declare it, so it
        /// is looked up at run time (absent: exchanges fall back to two renames).
        private typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        private static let renameat2Address: UInt? = {
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return UInt(bitPattern: symbol)
        }()
    #endif

    /// A name no other process can guess: `<prefix><10 random letters and digits>`. The randomness comes from the
    /// operating system and never reaches any output; exclusive creation (`O_EXCL`) makes a clash an error, never a
    /// shared file.
    static func randomName(prefix: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }

    /// The status of `path` itself (a symbolic link is not followed), or nil with `errno` set.
    static func linkStatus(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }

    /// The status of what `path` names (following symbolic links), or nil with `errno` set.
    static func status(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    static func isDirectory(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }
    static func isRegularFile(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFREG }
    static func isSymbolicLink(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFLNK }

    /// The modification and status-change times of a status, to the nanosecond, as text (for change detection).
    static func changeTimes(_ status: stat) -> String {
        #if canImport(Darwin)
            let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
            let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        return "\(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)"
    }

    /// What kind of file a status describes, in words, for "is not a regular file" messages.
    static func kind(_ status: stat) -> String {
        switch status.st_mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a regular file"
        }
    }

    /// The absolute path with every symbolic link resolved, or nil with `errno` set.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder a path is in (`.` for a bare name).
    static func parent(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of a path.
    static func name(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    /// Removes a file or a whole folder without ever following a symbolic link out of it (a link is removed, not
    /// its target). A folder that gains entries while it is removed (a writer still running during Ctrl-C) is
    /// retried a few times. Returns false when something could not be removed.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        for _ in 0..<20 {
            guard let status = linkStatus(path) else { return errno == ENOENT }
            guard isDirectory(status) else { return unlink(path) == 0 || errno == ENOENT }
            removeContents(of: path)
            if rmdir(path) == 0 || errno == ENOENT { return true }
            guard errno == ENOTEMPTY || errno == EEXIST else { return false }
        }
        return false
    }

    /// Removes everything inside a folder (see `removeTree`).
    static func removeContents(of path: String) {
        guard let directory = opendir(path) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names { removeTree(path + "/" + name) }
    }

    /// The names in a folder (without `.` and `..`), or nil with `errno` set.
    static func names(in path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether a folder is a mount point: on another device than its parent, or listed as a mount point (a bind
    /// mount of the same device) in `/proc/self/mountinfo`. Such a folder cannot be renamed or replaced.
    static func isMountPoint(_ path: String) -> Bool {
        guard let real = realPath(path), real != "/" else { return true }
        if let own = status(real), let up = status(parent(of: real)), own.st_dev != up.st_dev { return true }
        guard let info = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        for line in info.split(separator: "\n") {
            let fields = line.split(separator: " ")
            // Field 5 is the mount point, with spaces, tabs, newlines and backslashes written in octal (\040).
            if fields.count > 4, unescapeMountInfo(String(fields[4])) == real { return true }
        }
        return false
    }

    private static func unescapeMountInfo(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3,
                let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes all of `bytes` to a descriptor; false with `errno` set on failure.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { writeAll(descriptor, $0) }
    }

    /// Writes all of `bytes` (retrying short writes and interruptions); false on an error, with `errno` set.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += count
        }
        return true
    }

    /// Gives `descriptor` the permission bits creating it directly would have given: `base` (0o666 for a file,
    /// 0o777 for a folder) less the umask.
    static func applyDefaultMode(_ base: mode_t, to descriptor: Int32) {
        let mask = umask(0)
        umask(mask)
        _ = fchmod(descriptor, base & ~mask)
    }

    /// Gives `descriptor` the permission bits (setuid, setgid and sticky included), owner and group of `status`. The
    /// owner is kept when the system allows it (a user cannot give a file away; then the group is still tried).
    static func copyMode(of status: stat, to descriptor: Int32) {
        _ = fchmod(descriptor, status.st_mode & 0o7777)
        var own = stat()
        guard fstat(descriptor, &own) == 0, own.st_uid != status.st_uid || own.st_gid != status.st_gid else { return }
        if fchown(descriptor, status.st_uid, status.st_gid) != 0 {
            _ = fchown(descriptor, uid_t.max, status.st_gid)
        }
        // chown clears setuid and setgid bits: set the mode again.
        _ = fchmod(descriptor, status.st_mode & 0o7777)
    }
}
