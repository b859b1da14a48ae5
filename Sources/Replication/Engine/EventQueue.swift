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
        events.append(scheduled)
        var child = events.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard events[child] < events[parent] else { break }
            events.swapAt(child, parent)
            child = parent
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
        events[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < events.count, events[left] < events[smallest] { smallest = left }
            if right < events.count, events[right] < events[smallest] { smallest = right }
            guard smallest != parent else { break }
            events.swapAt(parent, smallest)
            parent = smallest
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
