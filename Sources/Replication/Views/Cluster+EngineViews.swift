/// Read-only views of the running engine for the other modules: what the scenario runner, the site and the language
/// server read, without reaching into `EngineState`.
extension Cluster {
    /// What happened, time-stamped (`[9s] broker 1 fenced`), for transcripts.
    public var eventLog: ChunkedArray<String> { engine.eventLog }
    /// Invariant breaks and data loss, in the order they were found.
    public var findings: [Finding] { engine.findings }
    /// Invariant breaks only (not data loss after unclean elections).
    public var invariantBreaks: [Finding] { engine.invariantBreaks }
    /// Every produce request so far, by id (from 1).
    public var requests: IDTable<ProduceRequestID, ProduceRequest> { engine.requests }
    /// Ids of requests without an outcome yet, ascending.
    public var pendingRequestIDs: [ProduceRequestID] { engine.pendingRequestIDs }
    /// Every batch named producers created, by id (from 1).
    public var batches: IDTable<ProducerBatchID, ProducerBatch> { engine.batches }
    /// Named producers, in creation order.
    public var producers: [ProducerClient] { engine.producers }
    /// The named producer called `name`, if there is one.
    public func producer(named name: String) -> ProducerClient? { engine.producer(named: name) }
    /// Consumer groups, by group id.
    public var groups: [String: ConsumerGroup] { engine.groups }
    /// Broker-wide and producer settings.
    public var engineConfig: EngineConfig { engine.config }
    /// The running state of a broker, if it exists.
    public func runtime(of broker: BrokerID) -> BrokerRuntime? { engine.runtimes[broker] }
    /// Whether the controller fences `broker` (false for a broker that does not exist), read in place.
    public func isFenced(_ broker: BrokerID) -> Bool { engine.runtimes[broker]?.isFenced ?? false }
    /// Whether `other` has the same brokers, each in the same running state and fenced alike: one pass over both
    /// clusters' runtimes, in id order (a broker has a runtime from the moment it is added).
    public func hasSameBrokerStatus(as other: Cluster) -> Bool {
        brokers.count == other.brokers.count
            && engine.runtimes.elementsEqual(other.engine.runtimes) {
                $0.id == $1.id && $0.runtime.state == $1.runtime.state && $0.runtime.isFenced == $1.runtime.isFenced
            }
    }

    /// A broker's running state and whether it is fenced, read with one look-up (`.up` and not fenced for a broker
    /// that does not exist, as `state(of:)` and `isFenced(_:)` say).
    public func brokerStatus(_ broker: BrokerID) -> BrokerStatus {
        guard let runtime = engine.runtimes[broker] else { return BrokerStatus(state: .up, isFenced: false) }
        return BrokerStatus(state: runtime.state, isFenced: runtime.isFenced)
    }
}

/// A broker's running state and fencing, as the site compares them from one step to the next.
public struct BrokerStatus: Hashable, Sendable {
    /// The running state.
    public var state: BrokerState
    /// Whether the controller fences it.
    public var isFenced: Bool
}
