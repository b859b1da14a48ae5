/// A short list whose first element is stored inline and the others in an array: a list of one allocates nothing.
///
/// A follower fetch usually reads one partition and carries one slice of the leader's log: the arrays of partitions
/// read, of responses and of each response's slices were allocated and freed on every fetch, a third of the cost of
/// handling its response. Equal to another list with the same elements in the same order, as an array is.
struct InlineList<Element> {
    /// The first element, nil when the list is empty.
    private var head: Element?
    /// The elements after the first (empty while the list has one element or none).
    private var tail: [Element] = []

    /// Creates an empty list.
    init() {}

    /// Creates a list of `elements`, in their order.
    init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Appends `element`.
    mutating func append(_ element: Element) {
        if head == nil { head = element } else { tail.append(element) }
    }

    /// Calls `body` with every element in order, the first without copying it out of the list.
    func forEach(_ body: (Element) -> Void) {
        guard let head else { return }
        body(head)
        tail.withUnsafeBufferPointer { tail in
            for index in tail.indices { body(tail[index]) }
        }
    }
}

extension InlineList: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { head == nil ? 0 : 1 + tail.count }
    var isEmpty: Bool { head == nil }
    var first: Element? { head }

    subscript(position: Int) -> Element {
        guard position > 0 else {
            guard position == 0, let head else { preconditionFailure("index \(position) out of range") }
            return head
        }
        return tail[position - 1]
    }
}

extension InlineList: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension InlineList: Equatable where Element: Equatable {
    static func == (lhs: InlineList, rhs: InlineList) -> Bool { lhs.head == rhs.head && lhs.tail == rhs.tail }
}

extension InlineList: Hashable where Element: Hashable {
    func hash(into hasher: inout Hasher) {
        hasher.combine(head)
        hasher.combine(tail)
    }
}

extension InlineList: Sendable where Element: Sendable {}
