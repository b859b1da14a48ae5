/// A map from dense non-negative log offsets to values, stored in a `ChunkedArray` so
/// that a step's snapshot shares it and the next write copies one chunk, not the whole table.
public struct OffsetTable<Value> {
    private var slots = ChunkedArray<Value?>()
    /// How many keys have a value.
    public private(set) var count = 0

    /// Creates an empty table.
    public init() {}

    /// The value for `key`, or nil; setting nil removes it.
    public subscript(key: Int64) -> Value? {
        get { key >= 0 && key < Int64(slots.count) ? slots[Int(key)] : nil }
        set {
            precondition(key >= 0, "negative key \(key)")
            let index = Int(key)
            if index >= slots.count {
                guard newValue != nil else { return }
                while slots.count < index { slots.append(nil) }
                slots.append(newValue)
                count += 1
                return
            }
            let old = slots[index]
            count += (newValue == nil ? 0 : 1) - (old == nil ? 0 : 1)
            slots[index] = newValue
        }
    }

    /// Whether no key has a value.
    public var isEmpty: Bool { count == 0 }

    /// The keys with a value, ascending.
    public var keys: [Int64] { slots.indices.filter { slots[$0] != nil }.map { Int64($0) } }

    /// Calls `body` with every (key, value) pair by ascending key, read where they are stored: no array of pairs is
    /// built (the oracle's scan for lost records after a leader change reads every committed offset).
    public func forEach(_ body: (Int64, Value) -> Void) {
        for index in slots.indices {
            if let value = slots[index] { body(Int64(index), value) }
        }
    }

    /// Every (key, value) pair, by ascending key.
    public var entries: [(key: Int64, value: Value)] {
        var result: [(key: Int64, value: Value)] = []
        result.reserveCapacity(count)
        for (key, value) in slots.enumerated() {
            if let value { result.append((Int64(key), value)) }
        }
        return result
    }
}

extension OffsetTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Int64, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}

extension OffsetTable: Equatable where Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}

extension OffsetTable: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

extension OffsetTable: Sendable where Value: Sendable {}
