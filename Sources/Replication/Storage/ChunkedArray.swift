/// An array stored in fixed-size chunks, so that a copy shares the chunks and a write after a copy duplicates one
/// chunk and the small table of chunks instead of every element.
///
/// The runner keeps a `Cluster` per step; a plain array (a replica log, the event log) shared with the previous
/// step's snapshot would be copied whole on the next append, which made long scenarios quadratic. With chunks a
/// write after a snapshot costs O(count / chunkSize + chunkSize).
public struct ChunkedArray<Element> {
    /// Elements per chunk: about √ of the longest logs measured (100,000-step scenarios), so the chunk table and the
    /// one chunk a write after a snapshot copies stay small (and a snapshot retains little memory).
    static var chunkSize: Int { 128 }

    /// Full chunks, then one partly filled chunk; never an empty chunk.
    private var chunks: [[Element]] = []
    /// How many elements there are.
    public private(set) var count = 0

    /// Creates an empty array.
    public init() {}

    /// Creates an array holding `elements`.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        append(contentsOf: elements)
    }

    /// Appends an element.
    public mutating func append(_ element: Element) {
        if count % Self.chunkSize == 0 {
            chunks.append([element])
        } else {
            chunks[chunks.count - 1].append(element)
        }
        count += 1
    }

    /// Appends elements in order.
    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// Appends elements in order, a chunk's worth at a time (a follower appends a fetch's records in one go).
    public mutating func append(contentsOf elements: ArraySlice<Element>) {
        var start = elements.startIndex
        while start < elements.endIndex {
            let room = Self.chunkSize - count % Self.chunkSize
            let end = Swift.min(elements.endIndex, start + room)
            if count % Self.chunkSize == 0 {
                chunks.append(Array(elements[start..<end]))
            } else {
                chunks[chunks.count - 1].append(contentsOf: elements[start..<end])
            }
            count += end - start
            start = end
        }
    }

    /// The elements in `range` as an array, copied a chunk's worth at a time.
    public func elements(in range: Range<Int>) -> [Element] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) out of 0...\(count)")
        var result: [Element] = []
        result.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let chunk = position / Self.chunkSize
            let offset = position % Self.chunkSize
            let length = Swift.min(range.upperBound - position, Self.chunkSize - offset)
            result.append(contentsOf: chunks[chunk][offset..<(offset + length)])
            position += length
        }
        return result
    }

    /// Removes every element at or after `index`.
    public mutating func removeSubrange(_ range: PartialRangeFrom<Int>) {
        let target = range.lowerBound
        precondition(target >= 0 && target <= count, "index \(target) out of 0...\(count)")
        guard target < count else { return }
        let keptChunks = (target + Self.chunkSize - 1) / Self.chunkSize
        chunks.removeSubrange(keptChunks...)
        if target % Self.chunkSize != 0 {
            chunks[chunks.count - 1].removeSubrange((target % Self.chunkSize)...)
        }
        count = target
    }

    /// What `body` makes of the element at `position`, read where it is stored. The subscript's read goes through
    /// `Array`'s getter, which copies the element (retaining what it holds); this reads through buffer pointers.
    public func withElement<Result>(at position: Int, _ body: (Element) -> Result) -> Result {
        precondition(position >= 0 && position < count, "index \(position) out of range 0..<\(count)")
        return chunks.withUnsafeBufferPointer { chunks in
            chunks[position / Self.chunkSize].withUnsafeBufferPointer { body($0[position % Self.chunkSize]) }
        }
    }

    /// Removes every element.
    public mutating func removeAll() {
        chunks = []
        count = 0
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        _read {
            precondition(position >= 0 && position < count, "index \(position) out of range 0..<\(count)")
            yield chunks[position / Self.chunkSize][position % Self.chunkSize]
        }
        set {
            precondition(position >= 0 && position < count, "index \(position) out of range 0..<\(count)")
            chunks[position / Self.chunkSize][position % Self.chunkSize] = newValue
        }
    }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        // Chunk boundaries depend only on the count, so equal arrays have equal chunk tables.
        lhs.count == rhs.count && lhs.chunks == rhs.chunks
    }
}

extension ChunkedArray: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for chunk in chunks { hasher.combine(chunk) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
