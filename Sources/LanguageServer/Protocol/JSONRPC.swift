/// The id of a JSON-RPC request: a number or a string, echoed in its response.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    /// The id as JSON.
    public var json: JSON {
        switch self {
        case .number(let value): .integer(value)
        case .string(let value): .string(value)
        }
    }

    /// Reads an id; nil for anything but an integer or a string.
    public init?(_ json: JSON) {
        if let value = json.integer {
            self = .number(value)
        } else if let value = json.string {
            self = .string(value)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        }
    }
}

/// A JSON-RPC error, as a response carries it.
public struct ResponseError: Error, Hashable, Sendable {
    /// The error code (JSON-RPC's and the Language Server Protocol's).
    public var code: Int
    /// A short description.
    public var message: String

    /// Creates an error.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// Invalid JSON was received.
    public static func parseError(_ message: String) -> ResponseError { .init(code: -32700, message: message) }
    /// The JSON is not a valid request or notification.
    public static func invalidRequest(_ message: String) -> ResponseError { .init(code: -32600, message: message) }
    /// The method does not exist.
    public static func methodNotFound(_ method: String) -> ResponseError {
        .init(code: -32601, message: "unknown method '\(method)'")
    }
    /// The parameters are invalid.
    public static func invalidParams(_ message: String) -> ResponseError { .init(code: -32602, message: message) }
    /// A request came before `initialize`.
    public static let serverNotInitialized = ResponseError(code: -32002, message: "the server is not initialized yet")
    /// A request came after `shutdown`.
    public static let invalidAfterShutdown = ResponseError(code: -32600, message: "the server is shutting down")
    /// The client cancelled the request.
    public static let requestCancelled = ResponseError(code: -32800, message: "the request was cancelled")
    /// The document changed while the request waited; the client asks again.
    public static let contentModified = ResponseError(
        code: -32801, message: "the document changed before the request could be answered")

    /// The error as JSON.
    public var json: JSON { ["code": .integer(code), "message": .string(message)] }
}

/// A message that is JSON but not JSON-RPC: what to answer, with the request's id if one could be read.
public struct InvalidMessage: Error, Hashable, Sendable {
    /// The id, if the message had a valid one.
    public var id: RequestID?
    /// The error to answer with.
    public var error: ResponseError
}

/// A JSON-RPC 2.0 message.
public enum Message: Hashable, Sendable {
    /// A request, which gets a response with the same id.
    case request(id: RequestID, method: String, params: JSON)
    /// A notification, which gets none.
    case notification(method: String, params: JSON)
    /// A response to a request the server sent.
    case response(id: RequestID?, result: Result<JSON, ResponseError>)

    /// Reads a message from a parsed JSON value. The error is what to answer, with the request's id if one could
    /// be read.
    public static func decode(_ json: JSON) -> Result<Message, InvalidMessage> {
        guard case .object(let members) = json else {
            if case .array = json {
                return .failure(
                    InvalidMessage(
                        id: nil, error: .invalidRequest("batches are not part of the Language Server Protocol")))
            }
            return .failure(InvalidMessage(id: nil, error: .invalidRequest("a message is a JSON object")))
        }
        let rawID = members["id"]
        let id = rawID.flatMap(RequestID.init)
        guard members["jsonrpc"]?.string == "2.0" else {
            return .failure(InvalidMessage(id: id, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        if let rawID, id == nil, !rawID.isNull {
            return .failure(InvalidMessage(id: nil, error: .invalidRequest("an id is a number or a string")))
        }
        guard let methodValue = members["method"] else {
            guard rawID != nil else {
                return .failure(InvalidMessage(id: nil, error: .invalidRequest("a message needs 'method' or 'id'")))
            }
            if let error = members["error"] {
                let code = error["code"]?.integer ?? -32603
                let message = error["message"]?.string ?? ""
                return .success(.response(id: id, result: .failure(ResponseError(code: code, message: message))))
            }
            return .success(.response(id: id, result: .success(members["result"] ?? .null)))
        }
        guard let method = methodValue.string else {
            return .failure(InvalidMessage(id: id, error: .invalidRequest("'method' is a string")))
        }
        let params = members["params"] ?? .null
        switch params {
        case .object, .array, .null: break
        default: return .failure(InvalidMessage(id: id, error: .invalidRequest("'params' is an object or an array")))
        }
        if let id { return .success(.request(id: id, method: method, params: params)) }
        if let rawID, rawID.isNull {
            return .failure(InvalidMessage(id: nil, error: .invalidRequest("a request's id may not be null")))
        }
        return .success(.notification(method: method, params: params))
    }

    /// The message as JSON.
    public var json: JSON {
        switch self {
        case .request(let id, let method, let params):
            return ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]
        case .notification(let method, let params):
            return ["jsonrpc": "2.0", "method": .string(method), "params": params]
        case .response(let id, .success(let result)):
            return ["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result]
        case .response(let id, .failure(let error)):
            return ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
        }
    }
}
