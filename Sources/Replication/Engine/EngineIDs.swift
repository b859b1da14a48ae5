/// A number the engine hands out in sequence (from 1, or from 0 for positions) to name something: a request, a
/// fetch, a batch, a producer, a group member. Each kind has its own type, so one cannot be passed for another.
public protocol SequentialID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number.
    var rawValue: Int { get }
    /// The id with this number.
    init(_ rawValue: Int)
}

extension SequentialID {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }

    /// The id after this one.
    var next: Self { Self(rawValue + 1) }
}

/// The id of a produce request, from 1 in the order requests were sent (printed as `request 3`).
public struct ProduceRequestID: SequentialID {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// The id of an outstanding follower fetch (one per follower and leader), from 1 in the order fetches were sent.
///
/// Events of the same kind for the same follower at the same instant run in this order, so it must grow with every
/// fetch sent, exactly as the fetches are sent.
public struct FetchSessionID: SequentialID {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// The id of a named producer's batch, from 1 across the cluster (printed as `batch 4`).
public struct ProducerBatchID: SequentialID {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// A named producer's position among the cluster's producers, from 0 in creation order.
public struct ProducerIndex: SequentialID {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// The serial number of a consumer-group member, from 1 in the order members joined (any group).
public struct MemberSerial: SequentialID {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// Values by sequential id (1, 2, 3, …), stored by position in chunks, so a step's snapshot shares them and the next
/// write copies one chunk.
public struct IDTable<ID: SequentialID, Value> {
    private var storage = ChunkedArray<Value>()

    /// Creates an empty table.
    public init() {}

    /// How many values there are (the last id handed out).
    public var count: Int { storage.count }

    /// The id the next `append` hands out.
    public var nextID: ID { ID(storage.count + 1) }

    /// Adds a value under the next id.
    @discardableResult
    public mutating func append(_ value: Value) -> ID {
        storage.append(value)
        return ID(storage.count)
    }

    /// The value with this id, if it exists.
    public subscript(id: ID) -> Value? {
        let index = id.rawValue - 1
        return index >= 0 && index < storage.count ? storage[index] : nil
    }

    /// What `body` makes of the value with this id, read where it is stored (no copy of the value), or nil when it
    /// does not exist.
    public func read<Result>(_ id: ID, _ body: (Value) -> Result) -> Result? {
        let index = id.rawValue - 1
        return index >= 0 && index < storage.count ? storage.withElement(at: index, body) : nil
    }

    /// Changes the value with this id in place (it must exist).
    public mutating func modify<Result>(_ id: ID, _ body: (inout Value) -> Result) -> Result {
        body(&storage[id.rawValue - 1])
    }

    /// Every value, by ascending id.
    public var values: ChunkedArray<Value> { storage }
}

extension IDTable: Equatable where Value: Equatable {}
extension IDTable: Hashable where Value: Hashable {}
extension IDTable: Sendable where Value: Sendable {}
