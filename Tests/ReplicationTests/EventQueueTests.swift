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

    /// Every pop, interleaved with schedules, returns exactly what a sorted list of the events scheduled so far would
    /// return first: by time, kind, broker, id, then the order they were scheduled (identical events included).
    @Test(arguments: [11, 12, 13, 14, 15, 16])
    func popsWhatASortedListWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = EventQueue()
        // The reference: the events in the order they must come out, each with its scheduling position.
        var reference: [(time: SimulatedInstant, event: EngineEvent, order: Int)] = []
        var order = 0
        let kinds: [(Int, Int) -> EngineEvent] = [
            { broker, _ in .sessionExpiry(broker) }, { _, _ in .electPreferred }, { broker, _ in .heartbeat(broker) },
            { broker, id in .fetchResponse(FetchSessionID(id), follower: broker) },
            { broker, id in .fetchArrival(FetchSessionID(id), follower: broker) },
            { broker, id in .fetchExpiry(FetchSessionID(id), follower: broker) },
            { broker, id in .requestTimeout(ProduceRequestID(id), leader: broker) },
            { _, id in .producerSend(ProducerIndex(id)) }, { _, id in .deliveryTimeout(ProducerBatchID(id)) },
        ]
        /// Whether `lhs` runs before `rhs`: the documented order of `ScheduledEvent`, written out here.
        func before(
            _ lhs: (time: SimulatedInstant, event: EngineEvent, order: Int),
            _ rhs: (time: SimulatedInstant, event: EngineEvent, order: Int)
        ) -> Bool {
            (lhs.time, lhs.event.kindRank, lhs.event.brokerRank, lhs.event.idRank, lhs.order)
                < (rhs.time, rhs.event.kindRank, rhs.event.brokerRank, rhs.event.idRank, rhs.order)
        }
        var mismatches = 0
        for _ in 0..<3_000 {
            // Few distinct values, so that ties on every key (and identical events) are common.
            if random.next() % 5 < 3 {
                let time = SimulatedInstant.milliseconds(Int64(random.next() % 8))
                let event = kinds[Int(random.next() % UInt64(kinds.count))](
                    Int(random.next() % 3), Int(random.next() % 3) + 1)
                queue.schedule(at: time, event)
                let entry = (time: time, event: event, order: order)
                order += 1
                let index = reference.firstIndex { before(entry, $0) } ?? reference.endIndex
                reference.insert(entry, at: index)
            } else {
                let popped = queue.popFirst()
                let expected = reference.isEmpty ? nil : reference.removeFirst()
                if popped?.time != expected?.time || popped?.event != expected?.event { mismatches += 1 }
            }
            #expect(queue.count == reference.count)
            #expect(queue.nextTime == reference.first?.time)
        }
        while let popped = queue.popFirst() {
            let expected = reference.removeFirst()
            if popped.time != expected.time || popped.event != expected.event { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(reference.isEmpty)
    }

    /// A produce-heavy run schedules request timeouts (and fetch expiries) in ascending order ahead of the other
    /// events, which the queue keeps apart from its heap: every pop, interleaved with such timeouts, near events and removals, returns
    /// what a sorted list would, and two queues with the same events are equal however they were scheduled.
    @Test(arguments: [41, 42, 43, 44])
    func keepsAscendingTimeoutsInOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = EventQueue()
        var reference: [ScheduledEvent] = []
        var order = 0
        var now: Int64 = 0
        var timeout: Int64 = 100
        var mismatches = 0
        for _ in 0..<4_000 {
            switch random.next() % 10 {
            case 0..<3:
                // Mostly ascending, sometimes equal or a little earlier than the last one.
                timeout += Int64(random.next() % 4) - 1
                let event = EngineEvent.requestTimeout(ProduceRequestID(Int(random.next() % 5)), leader: 1)
                queue.schedule(at: .milliseconds(timeout), event)
                reference.append(ScheduledEvent(time: .milliseconds(timeout), event: event, sequence: order))
                order += 1
            case 3..<6:
                let time = SimulatedInstant.milliseconds(now + Int64(random.next() % 6))
                let session = FetchSessionID(Int(random.next() % 3) + 1)
                let event: EngineEvent =
                    random.next() % 2 == 0 ? .fetchArrival(session, follower: 2) : .fetchExpiry(session, follower: 2)
                queue.schedule(at: time, event)
                reference.append(ScheduledEvent(time: time, event: event, sequence: order))
                order += 1
            case 6 where random.next() % 20 == 0:
                let request = ProduceRequestID(Int(random.next() % 5))
                queue.removeAll { if case .requestTimeout(request, _) = $0.event { true } else { false } }
                reference.removeAll { if case .requestTimeout(request, _) = $0.event { true } else { false } }
            default:
                reference.sort()
                let expected = reference.isEmpty ? nil : reference.removeFirst()
                let popped = queue.popFirst()
                if popped?.time != expected?.time || popped?.event != expected?.event { mismatches += 1 }
                if let popped { now = max(now, popped.time.millisecondsSinceStart) }
            }
            reference.sort()
            if queue.count != reference.count || queue.nextTime != reference.first?.time { mismatches += 1 }
        }
        var rebuilt = EventQueue()
        for event in reference.reversed() { rebuilt.schedule(at: event.time, event.event) }
        #expect(rebuilt == queue)
        #expect(queue.pending.map(\.time) == reference.map(\.time))
        while let popped = queue.popFirst() {
            let expected = reference.removeFirst()
            if popped.time != expected.time || popped.event != expected.event { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(reference.isEmpty)
    }
}
