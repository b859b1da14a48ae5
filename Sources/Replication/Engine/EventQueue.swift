/// A deterministic priority queue of scheduled events (see `ScheduledEvent` for the tie order).
public struct EventQueue: Hashable, Sendable {
    /// A binary min-heap ordered by `ScheduledEvent.<`.
    private var events: [ScheduledEvent] = []
    private var nextSequence = 0

    /// Creates an empty queue.
    public init() {}

    /// Schedules an event.
    public mutating func schedule(
        at time: Int, _ kind: ScheduledEvent.Kind, broker: BrokerID, partition: TopicPartition? = nil,
        requestID: Int = 0
    ) {
        let event = ScheduledEvent(
            time: time, kind: kind, broker: broker, partition: partition, requestID: requestID,
            sequence: nextSequence)
        nextSequence += 1
        // A binary min-heap: queues usually hold tens of events, but settings such as
        // broker.heartbeat.interval.ms=1 park thousands, and sorted insertion then made every event cost O(n) (fuzzing
        // found a scenario that ran for minutes). Every event has a distinct sequence, so the order is total and the
        // pop order is the same as a sorted list's.
        events.append(event)
        var child = events.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard events[child] < events[parent] else { break }
            events.swapAt(child, parent)
            child = parent
        }
    }

    /// The next event's time, if any.
    public var nextTime: Int? { events.first?.time }

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
}
