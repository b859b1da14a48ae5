/// Every broker's running state, by broker id: an array read for the small ids brokers have, not a hash of the id.
///
/// Every event asks whether a broker is alive, reachable or fetching, often several times; a dictionary by id hashed
/// the id on each of those reads. Ids below `denseLimit` are positions in an array (a cluster of brokers 0…999
/// costs one slot per id up to its largest), larger ids are kept by hash. Iteration is by ascending id.
public struct BrokerRuntimes: Sendable {
    /// Runtimes by id, for ids `0..<denseLimit` (nil where no broker has the id).
    private var dense: [BrokerRuntime?] = []
    /// Runtimes of brokers whose id is `denseLimit` or more.
    private var sparse: [BrokerID: BrokerRuntime] = [:]

    /// Ids below this one are positions in `dense`.
    static let denseLimit = 1024

    /// Creates a table without brokers.
    public init() {}

    /// The runtime of broker `id`, nil when there is no such broker.
    public subscript(id: BrokerID) -> BrokerRuntime? {
        // Read in place: a copy of a runtime retains and releases its fields (`leadershipWhenIsolated`), and the
        // event paths ask `runtimes[id]?.isAlive` and the like several times per event.
        _read {
            if id >= 0, id < dense.count {
                yield dense[id]
            } else {
                yield id < Self.denseLimit ? nil : sparse[id]
            }
        }
        _modify {
            if id >= 0, id < Self.denseLimit {
                if id >= dense.count { dense.append(contentsOf: repeatElement(nil, count: id + 1 - dense.count)) }
                yield &dense[id]
            } else {
                yield &sparse[id]
            }
        }
        set {
            if id >= 0, id < Self.denseLimit {
                if id >= dense.count {
                    guard newValue != nil else { return }
                    dense.append(contentsOf: repeatElement(nil, count: id + 1 - dense.count))
                }
                dense[id] = newValue
            } else {
                sparse[id] = newValue
            }
        }
    }

    /// The ids of the brokers whose runtime satisfies `isIncluded`, ascending.
    public func brokers(where isIncluded: (BrokerRuntime) -> Bool) -> [BrokerID] {
        // Read in place, slot by slot: the oracle asks after every event, and the iterator copies each runtime.
        var result: [BrokerID] = []
        for id in dense.indices where dense[id].map(isIncluded) ?? false { result.append(id) }
        guard !sparse.isEmpty else { return result }
        let start = result.count
        for (id, runtime) in sparse where isIncluded(runtime) { result.append(id) }
        result[start...].sort()
        return result
    }
}

extension BrokerRuntimes {
    /// The state of broker `id`, nil when it has no runtime: read without the subscript's coroutine and without
    /// copying the runtime (the fetch paths ask for every route of every fetch).
    func state(of id: BrokerID) -> BrokerState? {
        if id >= 0, id < dense.count { return dense[id]?.state }
        return id < Self.denseLimit ? nil : sparse[id]?.state
    }

    /// `self[id]?.isReachable == true`, read as `state(of:)` reads.
    func isReachable(_ id: BrokerID) -> Bool { state(of: id)?.isReachable ?? false }

    /// `self[id]?.isFetching == true`, read as `state(of:)` reads.
    func isFetching(_ id: BrokerID) -> Bool { state(of: id)?.isFetching ?? false }
}

extension BrokerRuntimes {
    /// Whether the ids of the brokers whose runtime satisfies `isIncluded` are `ids` (ascending), without building the
    /// list (the oracle asks after every event whether the stopped brokers are still those it saw last).
    public func brokers(where isIncluded: (BrokerRuntime) -> Bool, are ids: [BrokerID]) -> Bool {
        var next = 0
        for id in dense.indices {
            guard let included = dense[id].map(isIncluded), included else { continue }
            guard next < ids.count, ids[next] == id else { return false }
            next += 1
        }
        guard !sparse.isEmpty else { return next == ids.count }
        return brokers(where: isIncluded) == ids
    }
}

extension BrokerRuntimes: Sequence {
    /// Walks the runtimes by ascending broker id.
    public struct Iterator: IteratorProtocol {
        private let dense: [BrokerRuntime?]
        private var position = 0
        private var sparse: IndexingIterator<[(key: BrokerID, value: BrokerRuntime)]>

        init(_ runtimes: BrokerRuntimes) {
            dense = runtimes.dense
            sparse =
                (runtimes.sparse.isEmpty ? [] : runtimes.sparse.sorted { $0.key < $1.key }).makeIterator()
        }

        public mutating func next() -> (id: BrokerID, runtime: BrokerRuntime)? {
            while position < dense.count {
                defer { position += 1 }
                if let runtime = dense[position] { return (position, runtime) }
            }
            return sparse.next().map { ($0.key, $0.value) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }
}

extension BrokerRuntimes: Hashable {
    /// Equal when the same brokers have the same runtimes (empty slots of the array do not count).
    public static func == (lhs: BrokerRuntimes, rhs: BrokerRuntimes) -> Bool {
        lhs.elementsEqual(rhs) { $0.id == $1.id && $0.runtime == $1.runtime }
    }

    public func hash(into hasher: inout Hasher) {
        for (id, runtime) in self {
            hasher.combine(id)
            hasher.combine(runtime)
        }
    }
}
