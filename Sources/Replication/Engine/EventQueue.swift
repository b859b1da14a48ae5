/// A deterministic priority queue of scheduled events (see `ScheduledEvent` for the tie order).
///
/// Two queues are equal when they hold the same events at the same instants: the heap's layout and the insertion
/// counters (which only order identical events) are not part of the state.
public struct EventQueue: Sendable {
    /// A binary min-heap ordered by `ScheduledEvent.<`.
    private var events: [ScheduledEvent] = []
    /// Two FIFOs, for request timeouts and parked-fetch expiries: each kind is scheduled a fixed delay ahead
    /// (`request.timeout.ms`, `replica.fetch.wait.max.ms`), so in ascending order, and stays queued after its request
    /// or fetch completed, by the hundred or thousand in a produce-heavy run; in the heap they made every sift deeper.
    /// An event joins its kind's FIFO when it sorts after the FIFO's last event, else the heap.
    private var runs = [EventRun(), EventRun()]
    private var nextSequence = 0

    /// Creates an empty queue.
    public init() {}

    /// The FIFO an event of this kind may join, if any.
    private static func runIndex(of event: EngineEvent) -> Int? {
        switch event {
        case .requestTimeout: 0
        case .fetchExpiry: 1
        default: nil
        }
    }

    /// Schedules an event.
    public mutating func schedule(at time: SimulatedInstant, _ event: EngineEvent) {
        let scheduled = ScheduledEvent(time: time, event: event, sequence: nextSequence)
        nextSequence += 1
        // Every event has a distinct sequence, so the order is total: the FIFOs (each sorted) and the heap together pop
        // in the order a sorted list gives.
        if let run = Self.runIndex(of: event), runs[run].accepts(scheduled) {
            runs[run].append(scheduled)
            return
        }
        // A binary min-heap: queues usually hold tens of events, but settings such as
        // broker.heartbeat.interval.ms=1 park thousands, and sorted insertion then made every event cost O(n) (fuzzing
        // found a scenario that ran for minutes).
        // Sifted up through a hole: each parent on the way moves down once, and the new event is written once at the
        // end (a swap per level moved the 64-byte events three times). The buffer is written directly: the array is
        // known unique and every index is in range.
        events.append(scheduled)
        events.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard scheduled < heap[parent] else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = scheduled
        }
    }

    /// The FIFO whose first event comes before the heap's and the other FIFO's, nil when the heap's comes first.
    private var firstRun: Int? {
        var best: Int?
        var least = events.first
        for run in runs.indices {
            guard let head = runs[run].first else { continue }
            if least.map({ head < $0 }) ?? true {
                best = run
                least = head
            }
        }
        return best
    }

    /// The next event's time, if any.
    public var nextTime: SimulatedInstant? { first?.time }

    /// The next event, if any, without removing it.
    public var first: ScheduledEvent? { firstRun.map { runs[$0].first! } ?? events.first }

    /// Removes and returns the next event.
    public mutating func popFirst() -> ScheduledEvent? {
        if let run = firstRun { return runs[run].popFirst() }
        guard let first = events.first else { return nil }
        let last = events.removeLast()
        guard !events.isEmpty else { return first }
        // Sifted down through a hole from the root, as in `schedule`: the lesser child moves up until `last` fits.
        events.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                let right = left + 1
                let child = right < count && heap[right] < heap[left] ? right : left
                guard heap[child] < last else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        return first
    }

    /// How many events are scheduled.
    public var count: Int { events.count + runs[0].count + runs[1].count }

    /// The scheduled events in no particular order (the heap's, then the FIFOs').
    var unordered: [ScheduledEvent] {
        guard runs[0].count + runs[1].count > 0 else { return events }
        return events + runs[0].events + runs[1].events
    }

    /// Removes the events that `shouldRemove` selects.
    mutating func removeAll(where shouldRemove: (ScheduledEvent) -> Bool) {
        let kept = unordered.filter { !shouldRemove($0) }
        events.removeAll(keepingCapacity: true)
        runs = [EventRun(), EventRun()]
        for event in kept { schedule(at: event.time, event.event) }
    }

    /// The scheduled events in the order they will run, as (instant, event) pairs.
    public var pending: [(time: SimulatedInstant, event: EngineEvent)] {
        unordered.sorted().map { ($0.time, $0.event) }
    }
}

extension EventQueue: Hashable {
    public static func == (lhs: EventQueue, rhs: EventQueue) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.pending.elementsEqual(rhs.pending) { $0.time == $1.time && $0.event == $1.event }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for entry in pending {
            hasher.combine(entry.time)
            hasher.combine(entry.event)
        }
    }
}

/// Events in ascending order, popped from the front: a FIFO in an array whose popped prefix is dropped once it is half
/// the array (each event moves once on average).
private struct EventRun: Sendable {
    private var storage: [ScheduledEvent] = []
    private var start = 0

    /// How many events are queued.
    var count: Int { storage.count - start }

    /// The first event, if any.
    var first: ScheduledEvent? { start < storage.count ? storage[start] : nil }

    /// The queued events, in order.
    var events: ArraySlice<ScheduledEvent> { storage[start...] }

    /// Whether `event` may join: it sorts after the last event (or there is none).
    func accepts(_ event: ScheduledEvent) -> Bool {
        start == storage.count || !(event < storage[storage.count - 1])
    }

    /// Appends an event that `accepts` took.
    mutating func append(_ event: ScheduledEvent) {
        if start == storage.count {
            storage.removeAll(keepingCapacity: true)
            start = 0
        }
        storage.append(event)
    }

    /// Removes and returns the first event (there must be one).
    mutating func popFirst() -> ScheduledEvent {
        let first = storage[start]
        start += 1
        if start == storage.count {
            storage.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 64, start * 2 >= storage.count {
            storage.removeSubrange(0..<start)
            start = 0
        }
        return first
    }
}
