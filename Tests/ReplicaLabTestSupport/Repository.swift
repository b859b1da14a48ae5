import Foundation

/// The files of this repository that tests read — fixtures under `Tests/Fixtures/`, golden files, the README —
/// located from this source file, so every checkout (a fresh clone, CI, a worktree) reads its own copy and nothing
/// outside it.
///
/// Reading never traps: a missing or damaged file throws a `Repository.FileError` that names the file, so only the
/// tests that need it fail and every other test still runs.
public enum Repository {
    /// The repository root: three levels up from `Tests/ReplicaLabTestSupport/Repository.swift`.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The URL of `path`, relative to the repository root (`Tests/Fixtures/kafka/vectors.json`).
    public static func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// The bytes of the file at `path` (relative to the repository root).
    public static func data(_ path: String) throws(FileError) -> Data {
        let url = url(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw FileError(path: path, problem: .missing) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw FileError(path: path, problem: .unreadable(String(describing: error)))
        }
    }

    /// The text of the UTF-8 file at `path` (relative to the repository root).
    public static func text(_ path: String) throws(FileError) -> String {
        let bytes = try data(path)
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw FileError(path: path, problem: .damaged("it is not UTF-8"))
        }
        return text
    }

    /// The JSON value at `keyPath` inside the file at `path`, decoded as `T`: `["replication", "partition_isr_hw"]`
    /// decodes `root.replication.partition_isr_hw`, and nothing else of the file has to match `T`.
    public static func decode<T: Decodable>(
        _ type: T.Type = T.self, from path: String, at keyPath: [String] = []
    ) throws(FileError) -> T {
        let bytes = try data(path)
        let decoder = JSONDecoder()
        decoder.userInfo[KeyPathValue<T>.keyPathInfo] = keyPath
        do {
            return try decoder.decode(KeyPathValue<T>.self, from: bytes).value
        } catch let error as DecodingError {
            throw FileError(path: path, problem: .damaged(Self.describe(error)))
        } catch {
            throw FileError(path: path, problem: .damaged(String(describing: error)))
        }
    }

    /// A file of the repository that could not be used, and why; its description names the file.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        /// What is wrong with the file.
        public enum Problem: Sendable, Equatable {
            case missing
            case unreadable(String)
            case damaged(String)
        }

        /// The file, relative to the repository root.
        public var path: String
        /// What is wrong with it.
        public var problem: Problem

        /// Creates the error for `path` (relative to the repository root).
        public init(path: String, problem: Problem) {
            self.path = path
            self.problem = problem
        }

        public var description: String {
            switch problem {
            case .missing:
                "\(path) is missing from the repository (restore it with `git checkout -- \(path)`)"
            case .unreadable(let reason):
                "\(path) cannot be read: \(reason)"
            case .damaged(let reason):
                "\(path) is damaged: \(reason)"
            }
        }
    }

    /// A decoding error as one line: where in the file, and what was wrong there.
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "the top level" : place(context.codingPath)
            return "\(parent) has no '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)) is not \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) is null, expected \(type)"
        case .dataCorrupted(let context):
            return "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}

/// Decodes the value at the key path given in the decoder's `userInfo`, leaving the rest of the document alone.
private struct KeyPathValue<Value: Decodable>: Decodable {
    static var keyPathInfo: CodingUserInfoKey { CodingUserInfoKey(rawValue: "ReplicaLabTestSupport.keyPath")! }

    var value: Value

    init(from decoder: any Decoder) throws {
        let keys = decoder.userInfo[Self.keyPathInfo] as? [String] ?? []
        guard let last = keys.last else {
            value = try Value(from: decoder)
            return
        }
        var container = try decoder.container(keyedBy: JSONKey.self)
        for key in keys.dropLast() {
            container = try container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(key))
        }
        value = try container.decode(Value.self, forKey: JSONKey(last))
    }
}

/// A JSON object key given as a string at run time, for containers whose keys are data.
public struct JSONKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
