/// A deterministic priority queue of scheduled events (see `ScheduledEvent` for the tie order).
///
/// Two queues are equal when they hold the same events at the same instants: the heap's layout and the insertion
/// counters (which only order identical events) are not part of the state.
public struct EventQueue: Sendable {
    /// A binary min-heap ordered by `ScheduledEvent.<`.
    private var events: [ScheduledEvent] = []
    private var nextSequence = 0

    /// Creates an empty queue.
    public init() {}

    /// Schedules an event.
    public mutating func schedule(at time: SimulatedInstant, _ event: EngineEvent) {
        let scheduled = ScheduledEvent(time: time, event: event, sequence: nextSequence)
        nextSequence += 1
        // A binary min-heap: queues usually hold tens of events, but settings such as
        // broker.heartbeat.interval.ms=1 park thousands, and sorted insertion then made every event cost O(n) (fuzzing
        // found a scenario that ran for minutes). Every event has a distinct sequence, so the order is total and the
        // pop order is the same as a sorted list's.
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

    /// The next event's time, if any.
    public var nextTime: SimulatedInstant? { events.first?.time }

    /// The next event, if any, without removing it.
    public var first: ScheduledEvent? { events.first }

    /// Removes and returns the next event.
    public mutating func popFirst() -> ScheduledEvent? {
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
    public var count: Int { events.count }

    /// The scheduled events in no particular order (the heap's).
    var unordered: [ScheduledEvent] { events }

    /// Removes the events that `shouldRemove` selects.
    mutating func removeAll(where shouldRemove: (ScheduledEvent) -> Bool) {
        let kept = events.filter { !shouldRemove($0) }
        events.removeAll(keepingCapacity: true)
        for event in kept { schedule(at: event.time, event.event) }
    }

    /// The scheduled events in the order they will run, as (instant, event) pairs.
    public var pending: [(time: SimulatedInstant, event: EngineEvent)] {
        events.sorted().map { ($0.time, $0.event) }
    }
}

extension EventQueue: Hashable {
    public static func == (lhs: EventQueue, rhs: EventQueue) -> Bool {
        guard lhs.events.count == rhs.events.count else { return false }
        return lhs.pending.elementsEqual(rhs.pending) { $0.time == $1.time && $0.event == $1.event }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(events.count)
        for entry in pending {
            hasher.combine(entry.time)
            hasher.combine(entry.event)
        }
    }
}
