import Foundation

/// Replaces one file's contents — a lesson (`check --update`), a build-cache entry, a script `play` saves — so that
/// nothing is ever lost, torn or written through somebody else's link:
///
/// 1. The new bytes go to a temporary file beside the target, created exclusively under a random name
///    (`O_CREAT|O_EXCL|O_NOFOLLOW`): a symbolic link planted there makes the write fail, never follow it.
/// 2. It gets the target's permission bits, owner and group.
/// 3. With `expecting`, the target must still hold exactly those bytes (the ones that were verified): it is
///    checked before writing and again after an atomic exchange of the two names (`renameat2(RENAME_EXCHANGE)`), and
///    an edit saved meanwhile — or a file deleted or renamed meanwhile — makes the write a skip with a reason,
///    never a loss. Where the system cannot exchange, the check before the rename is the last one.
/// 4. An interrupted run (SIGINT, SIGTERM) removes its temporary file (`InterruptCleanup`).
///
/// A target that is a symbolic link is resolved (`.resolve`: the link stays, the file it points at is replaced) or
/// refused (`.refuse`).
enum FileWriter {
    /// What to do when the target is a symbolic link.
    enum LinkPolicy {
        /// Replace the file the link points at, keeping the link (lessons, saved scripts: the user's own links).
        case resolve
        /// Refuse to write (the build cache: nobody links files there but an attacker).
        case refuse
    }

    /// What `replace` did.
    enum Outcome: Equatable {
        case written
        /// Nothing was written, for this reason (the file changed or went away since it was read).
        case skipped(String)
    }

    /// Writes `bytes` to `path`; with `expecting`, only if the file still holds exactly those bytes. `durable`
    /// flushes the file and its folder to disk before returning (lessons: an author's work).
    @discardableResult
    static func replace(
        _ path: String, with bytes: [UInt8], expecting: [UInt8]? = nil, links: LinkPolicy, durable: Bool = false
    ) throws -> Outcome {
        var target = path
        if let status = Posix.linkStatus(path), Posix.isSymbolicLink(status) {
            guard links == .resolve else {
                throw CLIError("refusing to write \(path): it is a symbolic link", path: path)
            }
            guard let resolved = Posix.realPath(path) else {
                if expecting != nil { return .skipped("it is a symbolic link to a file that no longer exists") }
                throw CLIError("cannot write", path, errno: errno)
            }
            target = resolved
        }
        let original = Posix.linkStatus(target)
        if let expecting {
            guard original != nil else { return .skipped("it was deleted or renamed since it was read") }
            if let problem = difference(at: target, from: expecting) { return .skipped(problem) }
        }
        if let original, !Posix.isRegularFile(original) {
            throw CLIError("cannot write \(path): it is \(Posix.kind(original)), not a regular file", path: path)
        }
        let (temporary, token) = try writeTemporary(bytes, beside: target, mode: original, durable: durable)
        var keepsTemporary = false
        defer {
            InterruptCleanup.shared.unregister(token)
            if !keepsTemporary { unlink(temporary) }
        }
        if let expecting {
            // Once exchanged, `temporary` names what was the target: it must be what was verified, or it goes back.
            // An interruption from then on leaves it in place rather than remove what may be an author's edit.
            let exchange = try InterruptCleanup.shared.unlessInterrupted(forgetting: token, when: { $0 == .exchanged })
            {
                Posix.exchange(temporary, target)
            }
            switch exchange {
            case .exchanged:
                if let problem = difference(at: temporary, from: expecting) {
                    guard Posix.exchange(temporary, target) == .exchanged else {
                        keepsTemporary = true
                        throw CLIError(
                            "\(path) changed while it was being replaced and could not be put back: the changed file is \(temporary)",
                            path: path)
                    }
                    return .skipped(problem)
                }
                if durable { syncFolder(of: target) }
                return .written
            case .failed(let code):
                if code == ENOENT { return .skipped("it was deleted or renamed since it was read") }
                throw CLIError("cannot replace", path, errno: code)
            case .unsupported:
                break
            }
        }
        let failure = try InterruptCleanup.shared.unlessInterrupted { rename(temporary, target) == 0 ? nil : errno }
        if let failure { throw CLIError("cannot replace", path, errno: failure) }
        if durable { syncFolder(of: target) }
        return .written
    }

    /// Why the file at `path` is not exactly `expected`, or nil when it is.
    private static func difference(at path: String, from expected: [UInt8]) -> String? {
        let changed = "it changed since it was read (saved again during the run?)"
        do {
            let current = try InputFile.read(path, limit: expected.count)
            return current == expected ? nil : changed
        } catch is InputFile.TooLarge {
            return changed
        } catch {
            return "it was deleted or renamed since it was read"
        }
    }

    /// Creates `.<name>.tmp-<random>` beside `target` exclusively, fills it, gives it `mode`'s permissions and
    /// owner, and returns its path and its `InterruptCleanup` token (it is registered before it exists).
    private static func writeTemporary(_ bytes: [UInt8], beside target: String, mode: stat?, durable: Bool) throws
        -> (path: String, token: Int)
    {
        let folder = Posix.parent(of: target)
        let prefix = ".\(Posix.name(of: target)).tmp-"
        for _ in 0..<100 {
            let temporary = folder + "/" + Posix.randomName(prefix: prefix)
            let token = InterruptCleanup.shared.register(temporary)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                let code = errno
                InterruptCleanup.shared.unregister(token)
                if code == EEXIST { continue }
                throw CLIError(
                    "cannot write a temporary file in \(folder): \(SystemError.describe(code))", path: target)
            }
            defer { close(descriptor) }
            if let mode {
                Posix.copyMode(of: mode, to: descriptor)
            } else {
                Posix.applyDefaultMode(0o666, to: descriptor)
            }
            guard Posix.writeAll(descriptor, bytes), !durable || fsync(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                InterruptCleanup.shared.unregister(token)
                throw CLIError("cannot write", target, errno: code)
            }
            return (temporary, token)
        }
        throw CLIError("cannot write \(target): no free temporary name in \(folder)", path: target)
    }

    /// Flushes a folder's entries (the rename) to disk.
    private static func syncFolder(of path: String) {
        let descriptor = open(Posix.parent(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
