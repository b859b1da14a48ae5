/// Values by broker id for the few replicas of one partition (its replica logs, the leader's view of its followers),
/// kept as two arrays: the brokers and their values, at the same positions.
///
/// A partition has a handful of replicas, so finding a broker's position is a scan of a few integers, cheaper than
/// hashing the id as a dictionary does; and the hot paths (a fetch, the oracle's check after every event) read and
/// change a value at its position in `values`, in place, without copying it out (a copy of a `ReplicaLog` retains and
/// releases its parts). The order is the order the brokers were added (a partition's replica order); equality and
/// hashing ignore it, as a dictionary's do.
public struct ReplicaMap<Value> {
    /// The brokers, at the positions of their values.
    public private(set) var brokers: [BrokerID] = []
    /// The values, at the positions of their brokers (changed in place through `modify` or by position).
    public internal(set) var values: [Value] = []

    /// Creates an empty map.
    public init() {}

    /// How many brokers have a value.
    public var count: Int { brokers.count }

    /// Whether no broker has a value.
    public var isEmpty: Bool { brokers.isEmpty }

    /// The position of `broker`'s value in `values`, nil when it has none.
    public func position(of broker: BrokerID) -> Int? {
        var position = 0
        while position < brokers.count {
            if brokers[position] == broker { return position }
            position += 1
        }
        return nil
    }

    /// The value of `broker`, nil when it has none; setting nil removes it. (A copy: the hot paths read and change
    /// values by position or through `modify`.)
    public subscript(broker: BrokerID) -> Value? {
        get {
            guard let position = position(of: broker) else { return nil }
            return values[position]
        }
        set {
            if let position = position(of: broker) {
                if let newValue {
                    values[position] = newValue
                } else {
                    brokers.remove(at: position)
                    values.remove(at: position)
                }
            } else if let newValue {
                brokers.append(broker)
                values.append(newValue)
            }
        }
    }

    /// The value of `broker`, or `defaultValue` when it has none; setting adds it.
    public subscript(broker: BrokerID, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[broker] ?? defaultValue() }
        set { self[broker] = newValue }
    }

    /// Changes `broker`'s value in place; nil (and nothing changed) when it has none.
    @discardableResult
    public mutating func modify<Result>(_ broker: BrokerID, _ body: (inout Value) -> Result) -> Result? {
        guard let position = position(of: broker) else { return nil }
        return body(&values[position])
    }

    /// Changes `broker`'s value in place, adding `defaultValue` first when it has none.
    @discardableResult
    public mutating func modify<Result>(
        _ broker: BrokerID, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) -> Result
    ) -> Result {
        let position: Int
        if let known = self.position(of: broker) {
            position = known
        } else {
            brokers.append(broker)
            values.append(defaultValue())
            position = values.count - 1
        }
        return body(&values[position])
    }

    /// What `body` makes of `broker`'s value, read where it is stored; nil when it has none.
    public func read<Result>(_ broker: BrokerID, _ body: (Value) -> Result) -> Result? {
        guard let position = position(of: broker) else { return nil }
        return body(values[position])
    }
}

extension ReplicaMap: Sequence {
    /// Walks the (broker, value) pairs in the order the brokers were added.
    public struct Iterator: IteratorProtocol {
        private let map: ReplicaMap
        private var position = 0

        init(_ map: ReplicaMap) { self.map = map }

        public mutating func next() -> (key: BrokerID, value: Value)? {
            guard position < map.brokers.count else { return nil }
            defer { position += 1 }
            return (map.brokers[position], map.values[position])
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    public var underestimatedCount: Int { count }
}

extension ReplicaMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (BrokerID, Value)...) {
        for (broker, value) in elements { self[broker] = value }
    }
}

extension ReplicaMap: Equatable where Value: Equatable {
    /// Equal when the same brokers have equal values, in whatever order they were added.
    public static func == (lhs: ReplicaMap, rhs: ReplicaMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.brokers == rhs.brokers { return lhs.values == rhs.values }
        for (position, broker) in lhs.brokers.enumerated() {
            guard let other = rhs.position(of: broker), rhs.values[other] == lhs.values[position] else { return false }
        }
        return true
    }
}

extension ReplicaMap: Hashable where Value: Hashable {
    /// Hashes the values by ascending broker (the order they were added does not count, as for `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for position in brokers.indices.sorted(by: { brokers[$0] < brokers[$1] }) {
            hasher.combine(brokers[position])
            hasher.combine(values[position])
        }
    }
}

extension ReplicaMap: Sendable where Value: Sendable {}
