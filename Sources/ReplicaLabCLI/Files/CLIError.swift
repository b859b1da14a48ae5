import Foundation

/// A failure of the environment (a missing file, an unwritable folder), with a message a person can act on.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong, naming the path.
    var message: String
    /// The file or folder it is about, when there is one: reports (`--format json|junit|github`) locate the
    /// failure there.
    var path: String?

    init(_ message: String, path: String? = nil) {
        self.message = message
        self.path = path
    }

    /// `<what> <path>: <reason>`, the reason being the system's, with its errno name: `cannot read
    /// Lessons/01-a.md: Permission denied (EACCES)`.
    init(_ what: String, _ path: String, errno code: Int32) {
        self.init("\(what) \(path): \(SystemError.describe(code))", path: path)
    }

    var description: String { message }
}

/// Turns `errno` values and Foundation errors into words with the errno name, so a message says why
/// (`Too many levels of symbolic links (ELOOP)`), never `NSCocoaErrorDomain error 512`.
enum SystemError {
    static func describe(_ code: Int32) -> String {
        let reason = String(cString: strerror(code))
        return names[code].map { "\(reason) (\($0))" } ?? reason
    }

    /// A Foundation error's reason, with the errno name when it carries one.
    static func describe(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return describe(Int32(error.code)) }
        return error.localizedFailureReason ?? error.localizedDescription
    }

    private static let names: [Int32: String] = [
        EPERM: "EPERM", ENOENT: "ENOENT", EIO: "EIO", EBADF: "EBADF", EAGAIN: "EAGAIN", ENOMEM: "ENOMEM",
        EACCES: "EACCES", EBUSY: "EBUSY", EEXIST: "EEXIST", EXDEV: "EXDEV", ENODEV: "ENODEV", ENOTDIR: "ENOTDIR",
        EISDIR: "EISDIR", EINVAL: "EINVAL", ENFILE: "ENFILE", EMFILE: "EMFILE", ETXTBSY: "ETXTBSY", EFBIG: "EFBIG",
        ENOSPC: "ENOSPC", EROFS: "EROFS", EMLINK: "EMLINK", ENAMETOOLONG: "ENAMETOOLONG", ENOTEMPTY: "ENOTEMPTY",
        ELOOP: "ELOOP", EDQUOT: "EDQUOT", ENXIO: "ENXIO", ESTALE: "ESTALE", ENOSYS: "ENOSYS",
    ]
}
