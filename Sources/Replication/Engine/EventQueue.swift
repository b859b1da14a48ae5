/// A deterministic priority queue of scheduled events (see `ScheduledEvent` for the tie order).
public struct EventQueue: Hashable, Sendable {
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
        // Sorted insertion keeps the queue small and ordered; queues hold tens of events.
        let index = events.firstIndex { event < $0 } ?? events.count
        events.insert(event, at: index)
    }

    /// The next event's time, if any.
    public var nextTime: Int? { events.first?.time }

    /// Removes and returns the next event.
    public mutating func popFirst() -> ScheduledEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    /// How many events are scheduled.
    public var count: Int { events.count }
}
