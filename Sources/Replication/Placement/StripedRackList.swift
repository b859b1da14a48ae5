/// Kafka: `StripedReplicaPlacer.RackList` — the racks of one `place()` call and the striping cursor over them.
///
/// Successive `place(replicationFactor:random:)` calls on one value give successive partitions, as Kafka's
/// `RackListTest`-style tests (`testAvoidFencedReplicaIfPossibleOnSingleRack`, …) call `RackList.place`.
public struct StripedRackList: Hashable, Sendable {
    /// Racks by name (nil is "no rack", Kafka's `Optional.empty()`).
    var racks: [String?: StripedRack] = [:]
    /// Rack keys in Java `HashMap` iteration order (Kafka iterates `racks.entrySet()` / `racks.values()`).
    let hashMapOrder: [String?]
    /// The rack names, sorted (no rack first, then by UTF-16 code units like `String.compareTo`); reshuffled later.
    public private(set) var rackNames: [String?]
    /// All brokers, fenced included.
    public let numTotalBrokers: Int
    /// Unfenced brokers.
    public let numUnfencedBrokers: Int
    /// The iteration epoch.
    var epoch = 0
    /// Which rack supplies the next leader first.
    var offset: Int

    /// Kafka: `RackList(Random, Iterator<UsableBroker>)` — groups brokers by rack, initialises every rack in
    /// `HashMap` order (each draws for its fenced, then unfenced list), sorts rack names, draws the rack offset.
    public init<R: JavaRandomSource>(brokers: [UsableBroker], random: inout R) {
        var insertionOrder: [String?] = []
        var total = 0
        var unfencedCount = 0
        for broker in brokers {
            if racks[broker.rack] == nil {
                insertionOrder.append(broker.rack)
                racks[broker.rack] = StripedRack()
            }
            if broker.isFenced {
                racks[broker.rack]!.fenced.brokers.append(broker.id)
            } else {
                unfencedCount += 1
                racks[broker.rack]!.unfenced.brokers.append(broker.id)
            }
            total += 1
        }
        hashMapOrder = JavaHashMapOrder.iterationOrder(racks: insertionOrder)
        for name in hashMapOrder { racks[name]!.initialize(random: &random) }
        rackNames = insertionOrder.sorted(by: Self.precedes)
        numTotalBrokers = total
        numUnfencedBrokers = unfencedCount
        offset = rackNames.isEmpty ? 0 : random.nextInt(rackNames.count)
    }

    /// Kafka: `OptionalStringComparator` — empty first, then `String.compareTo` (UTF-16 code units).
    static func precedes(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case (let lhs?, let rhs?): lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
        }
    }

    /// Kafka: `RackList.place(int replicationFactor)` — the replicas of the next partition, leader first.
    public mutating func place<R: JavaRandomSource>(
        replicationFactor: Int, random: inout R
    ) throws(KafkaError) -> [BrokerID] {
        try StripedReplicaPlacer.checkPositive(replicationFactor)
        try StripedReplicaPlacer.checkEnoughBrokers(replicationFactor, numTotalBrokers)
        try StripedReplicaPlacer.checkSomeUnfenced(numUnfencedBrokers)
        // After as many partitions as there are unfenced brokers, reshuffle (never for a single unfenced broker).
        if epoch == numUnfencedBrokers && numUnfencedBrokers > 1 {
            shuffle(random: &random)
            epoch = 0
        }
        if offset == rackNames.count { offset = 0 }
        var brokers: [BrokerID] = []
        brokers.reserveCapacity(replicationFactor)
        // The leader: the first rack from `offset` on with an unfenced broker left in this epoch.
        var firstRackIndex = offset
        while true {
            if let leader = racks[rackNames[firstRackIndex]]!.unfenced.next(epoch: epoch) {
                brokers.append(leader)
                break
            }
            firstRackIndex += 1
            if firstRackIndex == rackNames.count { firstRackIndex = 0 }
        }
        // Followers: from `offset` again, skipping the leader's rack once.
        var rackIndex = offset
        for _ in 1..<replicationFactor {
            var result: BrokerID?
            repeat {
                if rackIndex == firstRackIndex {
                    firstRackIndex = -1
                } else {
                    result = racks[rackNames[rackIndex]]!.next(epoch: epoch)
                }
                rackIndex += 1
                if rackIndex == rackNames.count { rackIndex = 0 }
            } while result == nil
            brokers.append(result!)
        }
        epoch += 1
        offset += 1
        return brokers
    }

    /// Kafka: `RackList.shuffle()` — `Collections.shuffle` of the rack names, then of every rack's fenced and
    /// unfenced lists in `HashMap` order. Broker-list offsets are kept.
    mutating func shuffle<R: JavaRandomSource>(random: inout R) {
        random.shuffle(&rackNames)
        for name in hashMapOrder { racks[name]!.shuffle(random: &random) }
    }
}
