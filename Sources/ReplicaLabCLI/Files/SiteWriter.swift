import Foundation

/// Writes the course site into `--out` so that a reader never sees a half-written or mixed site and nothing that is
/// not a site is ever deleted:
///
/// - **One build at a time.** Opening the site takes a lock (`flock`) on `.<out>.lock` beside the folder, held
///   for the whole build (a second build, e.g. a manual `build` during `watch`, waits and says so). Processes in
///   other PID namespaces sharing the volume (containers, CI jobs) see the same lock.
/// - **Only sites are replaced.** Every site holds a marker file, `.replicalab-site`; a non-empty folder without it
///   is refused unless `--force` is given (`--out docs` must not wipe a project's documentation).
/// - **Atomic swap.** The new site is written to a temporary folder beside the target, created exclusively under a
///   random name, with the target's permissions, owner, group and setgid bit; it then replaces the target in one
///   step, `renameat2(RENAME_EXCHANGE)`, so the site is never absent, and the old site is removed afterwards. Where
///   the system cannot exchange, two renames with a rollback are the fallback.
/// - **Mount points.** A folder that is a mount point (a volume) cannot be renamed: the new site is written to a
///   temporary folder inside it and its entries are exchanged into place one by one (each file atomically).
/// - **Leftovers.** Temporaries of interrupted builds are removed at the start (under the lock, so none is in use)
///   and on SIGINT/SIGTERM (`InterruptCleanup`).
/// - **Links.** A `--out` that is a symbolic link is resolved: the folder it points at is replaced, the link stays.
struct SiteWriter {
    /// The file that marks a folder as a site ReplicaLab wrote.
    static let markerName = ".replicalab-site"
    /// The marker's contents (fixed, so sites stay byte-identical between builds).
    static let markerContents = """
        This folder is a course site written by ReplicaLab (replicalab build). Each build replaces the whole folder:
        do not keep other files here.

        """

    /// The folder as the user named it, for messages.
    let output: String
    /// The real folder (absolute, symbolic links resolved).
    let folder: String
    /// Whether the folder is a mount point (replaced entry by entry).
    let isMountPoint: Bool
    private let lockDescriptor: Int32

    /// Opens `output` for writing: resolves a symbolic link, takes the lock (waiting for another build), removes
    /// stale temporaries and checks that an existing folder is a site — or `force`.
    init(output: String, force: Bool) throws {
        self.output = output
        folder = try Self.resolve(output)
        let status = Posix.status(folder)
        if let status, !Posix.isDirectory(status) {
            throw CLIError("\(output) exists and is not a directory", path: output)
        }
        isMountPoint = status != nil && Posix.isMountPoint(folder)
        if status == nil {
            do {
                try FileManager.default.createDirectory(
                    atPath: Posix.parent(of: folder), withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create the folder for \(output): \(SystemError.describe(error))", path: output)
            }
        }
        let lockPath =
            isMountPoint
            ? folder + "/" + Self.mountLockName : Posix.parent(of: folder) + "/.\(Posix.name(of: folder)).lock"
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard lockDescriptor >= 0 else { throw CLIError("cannot create the lock file", lockPath, errno: errno) }
        if flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            Terminal.standardError.write("replicalab: waiting for another build writing \(output) to finish\n")
            while flock(lockDescriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    Foundation.close(lockDescriptor)
                    throw CLIError("cannot lock", lockPath, errno: code)
                }
            }
        }
        removeStaleTemporaries()
        if !force, let problem = notASiteProblem() {
            Foundation.close(lockDescriptor)
            throw CLIError(problem, path: output)
        }
    }

    /// Releases the lock.
    func close() {
        _ = flock(lockDescriptor, LOCK_UN)
        Foundation.close(lockDescriptor)
    }

    private static let mountLockName = ".replicalab-lock"
    private static let mountTemporaryPrefix = ".replicalab-tmp-"
    private var temporaryPrefix: String { ".\(Posix.name(of: folder)).tmp-" }
    private var retiredPrefix: String { ".\(Posix.name(of: folder)).old-" }

    /// The real folder `output` names; a symbolic link is followed (and must lead to a folder or to nothing yet).
    private static func resolve(_ output: String) throws -> String {
        if let status = Posix.linkStatus(output) {
            if Posix.isSymbolicLink(status) {
                guard let real = Posix.realPath(output) else {
                    throw CLIError(
                        "\(output) is a symbolic link to a folder that does not exist: create the folder, or remove the link",
                        path: output)
                }
                return real
            }
            return Posix.realPath(output) ?? output
        }
        let parent = Posix.parent(of: output)
        return (Posix.realPath(parent) ?? parent) + "/" + Posix.name(of: output)
    }

    /// Why the folder may not be replaced: it has files and no marker.
    private func notASiteProblem() -> String? {
        guard let names = Posix.names(in: folder) else { return nil }
        let ignored = isMountPoint ? [Self.mountLockName] : []
        let contents = names.filter { !ignored.contains($0) }
        guard !contents.isEmpty else { return nil }
        if let marker = Posix.linkStatus(folder + "/" + Self.markerName), Posix.isRegularFile(marker) { return nil }
        return
            "refusing to replace \(output): it is not empty and has no \(Self.markerName) file, so it may not be a site ReplicaLab wrote, and replacing it would delete its files; choose another --out, empty it, or pass --force to replace it"
    }

    /// Removes what interrupted builds left: `.<name>.tmp-*` and `.<name>.old-*` beside the folder (or the
    /// temporary folders inside a mount point). The lock is held, so none of them is in use.
    private func removeStaleTemporaries() {
        if isMountPoint {
            for name in Posix.names(in: folder) ?? [] where name.hasPrefix(Self.mountTemporaryPrefix) {
                Posix.removeTree(folder + "/" + name)
            }
            return
        }
        let parent = Posix.parent(of: folder)
        for name in Posix.names(in: parent) ?? [] where name.hasPrefix(temporaryPrefix) || name.hasPrefix(retiredPrefix)
        {
            Posix.removeTree(parent + "/" + name)
        }
    }

    /// Writes `files`; the paths in `reusing` are taken unchanged from the current site (hard-linked, or copied
    /// where links are not possible).
    func write(_ files: [(path: String, contents: String)], reusing: [String] = []) throws {
        try write(reusing: reusing) { stage in
            for file in files { try stage.create(file.path, file.contents) }
        }
    }

    /// Writes the site that `fill` creates in the folder it is given (a page at a time, from any thread, so a large
    /// site never has to be held whole); the paths in `reusing` are taken unchanged from the current site. When
    /// `fill` throws, nothing is written: the folder it filled is removed and the current site stays as it was.
    func write(reusing: [String] = [], _ fill: (Stage) throws -> Void) throws {
        for path in [Self.markerName] + reusing { try Stage.checkPlain(path, output: output) }
        if isMountPoint {
            try writeInPlace(reusing: reusing, fill)
            return
        }
        let parent = Posix.parent(of: folder)
        let (temporary, token) = try makeTemporaryFolder(in: parent, prefix: temporaryPrefix)
        defer {
            Posix.removeTree(temporary)
            InterruptCleanup.shared.unregister(token)
        }
        try self.fill(temporary, reusing: reusing, fill)
        let exists = Posix.status(folder) != nil
        guard exists else {
            let failure = try InterruptCleanup.shared.unlessInterrupted {
                Posix.renameWithoutReplacing(temporary, folder)
            }
            if let failure { throw CLIError("cannot write the site to", output, errno: failure) }
            return
        }
        switch try InterruptCleanup.shared.unlessInterrupted({ Posix.exchange(temporary, folder) }) {
        case .exchanged:
            return  // `temporary` now holds the old site, removed by the deferred cleanup
        case .unsupported:
            try swapWithTwoRenames(temporary, parent: parent)
        case .failed(let code) where code == EBUSY || code == EXDEV:
            // A mount point the checks did not recognise: replace its entries instead.
            try writeInPlace(reusing: reusing, fill)
        case .failed(let code):
            throw CLIError("cannot replace", output, errno: code)
        }
    }

    /// The fallback swap: the old site aside, the new one in, the old one removed; a failure puts the old one back.
    private func swapWithTwoRenames(_ temporary: String, parent: String) throws {
        var retired = ""
        repeat {
            retired = parent + "/" + Posix.randomName(prefix: retiredPrefix)
        } while Posix.linkStatus(retired) != nil
        let token = InterruptCleanup.shared.register(retired)
        defer { InterruptCleanup.shared.unregister(token) }
        try InterruptCleanup.shared.unlessInterrupted {
            if rename(folder, retired) != 0 { throw CLIError("cannot replace", output, errno: errno) }
            if rename(temporary, folder) != 0 {
                let code = errno
                _ = rename(retired, folder)
                throw CLIError("cannot replace", output, errno: code)
            }
        }
        Posix.removeTree(retired)
    }

    /// Replaces a mount point's entries one by one with those of a site written to a temporary folder inside it,
    /// then removes the entries the new site does not have.
    private func writeInPlace(reusing: [String], _ fill: (Stage) throws -> Void) throws {
        let (temporary, token) = try makeTemporaryFolder(in: folder, prefix: Self.mountTemporaryPrefix)
        defer {
            Posix.removeTree(temporary)
            InterruptCleanup.shared.unregister(token)
        }
        try self.fill(temporary, reusing: reusing, fill)
        let fresh = Posix.names(in: temporary) ?? []
        // index.html last, so a reader following links from it finds the new pages.
        for name in fresh.sorted(by: { ($0 == "index.html" ? 1 : 0, $0) < ($1 == "index.html" ? 1 : 0, $1) }) {
            let from = temporary + "/" + name
            let to = folder + "/" + name
            if Posix.linkStatus(to) != nil {
                switch try InterruptCleanup.shared.unlessInterrupted({ Posix.exchange(from, to) }) {
                case .exchanged: continue
                case .failed(let code): throw CLIError("cannot replace", to, errno: code)
                case .unsupported: break
                }
                if Posix.linkStatus(to).map(Posix.isDirectory) == true { Posix.removeTree(to) }
            }
            let failure = try InterruptCleanup.shared.unlessInterrupted { rename(from, to) == 0 ? nil : errno }
            if let failure { throw CLIError("cannot write", to, errno: failure) }
        }
        let kept = Set(fresh + [Self.mountLockName, Posix.name(of: temporary)])
        for name in Posix.names(in: folder) ?? [] where !kept.contains(name) {
            Posix.removeTree(folder + "/" + name)
        }
    }

    /// A new folder `<prefix><random>` in `parent`, created exclusively, with the site folder's group and setgid
    /// bit (so files created in it get that group) but readable only by us until it is complete.
    /// It is registered with `InterruptCleanup` before it exists, so no interruption can leave it behind; the
    /// token is returned for `unregister`.
    private func makeTemporaryFolder(in parent: String, prefix: String) throws -> (path: String, token: Int) {
        for _ in 0..<100 {
            let path = parent + "/" + Posix.randomName(prefix: prefix)
            let token = InterruptCleanup.shared.register(path)
            if mkdir(path, 0o700) == 0 { return (path, token) }
            let code = errno
            InterruptCleanup.shared.unregister(token)
            if code != EEXIST { throw CLIError("cannot create a temporary folder in", parent, errno: code) }
        }
        throw CLIError("cannot create a temporary folder in \(parent): no free name", path: output)
    }

    /// Writes the marker, what `fill` creates and the reused pages into `temporary`, then gives it the site
    /// folder's mode.
    private func fill(_ temporary: String, reusing: [String], _ fill: (Stage) throws -> Void) throws {
        let original = Posix.status(folder)
        let directory = open(temporary, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { throw CLIError("cannot open", temporary, errno: errno) }
        defer { Foundation.close(directory) }
        if let original {
            // Group and setgid first, so that the files created below inherit the group.
            if fchown(directory, original.st_uid, original.st_gid) != 0 {
                _ = fchown(directory, uid_t.max, original.st_gid)
            }
            _ = fchmod(directory, 0o700 | (original.st_mode & S_ISGID))
        }
        let stage = Stage(folder: temporary, output: output)
        try stage.create(Self.markerName, Self.markerContents)
        try fill(stage)
        for path in reusing {
            let target = temporary + "/" + path
            try Stage.makeFolders(for: path, in: temporary)
            if link(folder + "/" + path, target) != 0 {
                let bytes = try InputFile.read(folder + "/" + path, limit: Int.max)
                try stage.create(path, bytes: bytes)
            }
        }
        if let original {
            Posix.copyMode(of: original, to: directory)
        } else {
            Posix.applyDefaultMode(0o777, to: directory)
        }
    }

    /// The temporary folder a new site is written into before it replaces the old one. Files are created in it
    /// exclusively (never through a link), each from whichever thread made it.
    struct Stage: Sendable {
        /// The temporary folder.
        let folder: String
        /// The output folder, as the user named it (for messages).
        let output: String

        /// Creates the file `path` (a plain path inside the site) holding `contents`.
        func create(_ path: String, _ contents: String) throws {
            var contents = contents
            try contents.withUTF8 { try create(path, bytes: $0) }
        }

        /// Creates the file `path` (a plain path inside the site) holding `bytes`.
        func create(_ path: String, bytes: [UInt8]) throws {
            try bytes.withUnsafeBufferPointer { try create(path, bytes: $0) }
        }

        /// Creates the file `path` (a plain path inside the site) holding `parts`, one after another.
        func create(_ path: String, parts: [UInt8]...) throws {
            try create(path) { descriptor in
                parts.allSatisfy { part in Posix.writeAll(descriptor, part) }
            }
        }

        private func create(_ path: String, bytes: UnsafeBufferPointer<UInt8>) throws {
            try create(path) { Posix.writeAll($0, bytes) }
        }

        /// Adds `bytes` at the end of the file `path`, which this stage created.
        func append(_ path: String, _ bytes: [UInt8]) throws {
            let descriptor = open(folder + "/" + path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0, Posix.writeAll(descriptor, bytes) else {
                let code = errno
                if descriptor >= 0 { Foundation.close(descriptor) }
                throw CLIError(
                    "cannot write the site to \(output) (\(path)): \(SystemError.describe(code))", path: output)
            }
            Foundation.close(descriptor)
        }

        /// Creates the file `path` and fills it with `write`, which returns false on an error, with `errno` set.
        private func create(_ path: String, with write: (Int32) -> Bool) throws {
            try Self.checkPlain(path, output: output)
            try Self.makeFolders(for: path, in: folder)
            let full = folder + "/" + path
            let descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            guard descriptor >= 0, write(descriptor) else {
                let code = errno
                if descriptor >= 0 {
                    Foundation.close(descriptor)
                    unlink(full)  // what was written of it: the file was created here, and is not complete
                }
                throw CLIError(
                    "cannot write the site to \(output) (\(path)): \(SystemError.describe(code))", path: output)
            }
            Foundation.close(descriptor)
        }

        /// Refuses a path that could leave the output folder. (Pages are named from lesson slugs: lowercase
        /// letters, digits, dashes.)
        static func checkPlain(_ path: String, output: String) throws {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw CLIError("refusing to write '\(path)': it is not a plain path inside \(output)", path: output)
            }
        }

        /// Creates the folders a page path needs inside `temporary` (refusing a link where a folder should be).
        static func makeFolders(for path: String, in temporary: String) throws {
            var current = temporary
            for part in path.split(separator: "/").dropLast() {
                current += "/" + part
                if mkdir(current, 0o777) == 0 { continue }
                guard errno == EEXIST, let status = Posix.linkStatus(current), Posix.isDirectory(status) else {
                    throw CLIError("cannot create", current, errno: errno == EEXIST ? ENOTDIR : errno)
                }
            }
        }
    }
}
