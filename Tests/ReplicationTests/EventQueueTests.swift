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
        var scheduled: [(time: SimulatedInstant, event: EngineEvent)] = []
        let kinds: [(BrokerID) -> EngineEvent] = [
            { .sessionExpiry($0) }, { .heartbeat($0) }, { .fetcherTick($0) }, { .isrExpiry($0) },
        ]
        var popped: [ScheduledEvent] = []
        for round in 0..<2_000 {
            let event = (
                time: SimulatedInstant.milliseconds(Int64(random.next() % 50)),
                event: kinds[Int(random.next() % 4)](Int(random.next() % 3))
            )
            scheduled.append(event)
            queue.schedule(at: event.time, event.event)
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
