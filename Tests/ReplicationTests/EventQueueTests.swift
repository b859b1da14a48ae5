import Testing

@testable import Replication

/// The event queue pops events in `ScheduledEvent` order, however they were scheduled.
struct EventQueueTests {
    /// Fuzzing found `broker.heartbeat.interval.ms=1` parking thousands of session-expiry events, which made the old
    /// sorted-insertion queue cost O(n) per event; the heap must pop exactly what a sorted list would.
    @Test(arguments: [1, 2, 3, 4, 5])
    func popsInSortedOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = EventQueue()
        var scheduled: [(time: Int, kind: ScheduledEvent.Kind, broker: Int)] = []
        let kinds: [ScheduledEvent.Kind] = [.sessionExpiry, .heartbeat, .fetch, .isrExpiry]
        var popped: [ScheduledEvent] = []
        for round in 0..<2_000 {
            let event = (
                time: Int(random.next() % 50), kind: kinds[Int(random.next() % 4)], broker: Int(random.next() % 3)
            )
            scheduled.append(event)
            queue.schedule(at: event.time, event.kind, broker: event.broker)
            if round % 3 == 0, let next = queue.popFirst() { popped.append(next) }
        }
        let drainStart = popped.count
        while let next = queue.popFirst() { popped.append(next) }
        #expect(popped.count == scheduled.count)
        #expect(queue.count == 0 && queue.nextTime == nil)
        // The final drain must come out sorted, each interleaved pop must be the least event scheduled by then.
        let drained = Array(popped[drainStart...])
        #expect(drained == drained.sorted())
        #expect(
            popped[..<drainStart].allSatisfy { early in
                drained.allSatisfy { !($0 < early) || $0.sequence > early.sequence }
            })
    }
}
