/// Kafka's classic replica placement, as `org.apache.kafka.admin.AdminUtils` implements it.
///
/// Kafka: `AdminUtils.assignReplicasToBrokers`, `assignReplicasToBrokersRackUnaware`,
/// `assignReplicasToBrokersRackAware`, `getRackAlternatedBrokerList`, `replicaIndex`
/// (server-common/src/main/java/org/apache/kafka/admin/AdminUtils.java). Only the random start
/// (`fixedStartIndex = -1`) is not modelled: a simulation always passes a fixed start index.
public enum AdminUtilsPlacement {
    /// Assigns `partitions` partitions numbered from `startPartitionId` to `brokers` (in the order given).
    ///
    /// Errors are Kafka's: `INVALID_PARTITIONS`, `INVALID_REPLICATION_FACTOR`, and `AdminOperationException`
    /// when only some brokers have a rack.
    public static func assignReplicasToBrokers(
        _ brokers: [Broker], partitions: Int, replicationFactor: Int, fixedStartIndex: Int, startPartitionId: Int
    ) throws(KafkaError) -> [[BrokerID]] {
        try validate(partitions: partitions, replicationFactor: replicationFactor, brokerCount: brokers.count)
        if brokers.allSatisfy({ $0.rack == nil }) {
            return rackUnaware(
                brokers.map { $0.id }, partitions: partitions, replicationFactor: replicationFactor,
                fixedStartIndex: fixedStartIndex, startPartitionId: startPartitionId)
        }
        if brokers.contains(where: { $0.rack == nil }) {
            throw .adminOperation("Not all brokers have rack information for replica rack aware assignment.")
        }
        return rackAware(
            brokers, partitions: partitions, replicationFactor: replicationFactor,
            fixedStartIndex: fixedStartIndex, startPartitionId: startPartitionId)
    }

    /// Kafka's checks at the top of `AdminUtils.assignReplicasToBrokers`, with its messages.
    static func validate(partitions: Int, replicationFactor: Int, brokerCount: Int) throws(KafkaError) {
        if partitions <= 0 { throw .invalidPartitions("Number of partitions must be larger than 0.") }
        if replicationFactor <= 0 {
            throw .invalidReplicationFactor("Replication factor must be larger than 0.")
        }
        if replicationFactor > brokerCount {
            throw .invalidReplicationFactor(
                "Replication factor: \(replicationFactor) larger than available brokers: \(brokerCount).")
        }
    }

    /// Kafka: `AdminUtils.replicaIndex` — the position of follower `replicaIndex` relative to the leader's.
    static func replicaIndex(firstReplicaIndex: Int, secondReplicaShift: Int, replicaIndex: Int, brokerCount: Int)
        -> Int
    {
        let shift = 1 + (secondReplicaShift + replicaIndex) % (brokerCount - 1)
        return (firstReplicaIndex + shift) % brokerCount
    }

    private static func rackUnaware(
        _ brokerList: [BrokerID], partitions: Int, replicationFactor: Int, fixedStartIndex: Int, startPartitionId: Int
    ) -> [[BrokerID]] {
        let n = brokerList.count
        let startIndex = fixedStartIndex
        var nextReplicaShift = fixedStartIndex
        var currentPartitionId = max(0, startPartitionId)
        var result: [[BrokerID]] = []
        result.reserveCapacity(partitions)
        for _ in 0..<partitions {
            // The shift bump looks at the absolute partition id, so added partitions continue the pattern.
            if currentPartitionId > 0 && currentPartitionId % n == 0 { nextReplicaShift += 1 }
            let first = (currentPartitionId + startIndex) % n
            var replicas = [brokerList[first]]
            for j in 0..<(replicationFactor - 1) {
                replicas.append(
                    brokerList[
                        replicaIndex(
                            firstReplicaIndex: first, secondReplicaShift: nextReplicaShift, replicaIndex: j,
                            brokerCount: n)])
            }
            result.append(replicas)
            currentPartitionId += 1
        }
        return result
    }

    private static func rackAware(
        _ brokers: [Broker], partitions: Int, replicationFactor: Int, fixedStartIndex: Int, startPartitionId: Int
    ) -> [[BrokerID]] {
        var rackOf: [BrokerID: String] = [:]
        for broker in brokers { rackOf[broker.id] = broker.rack }
        let numRacks = Set(rackOf.values).count
        let arranged = rackAlternatedBrokerList(brokers)
        let n = arranged.count
        let startIndex = fixedStartIndex
        var nextReplicaShift = fixedStartIndex
        var currentPartitionId = max(0, startPartitionId)
        var result: [[BrokerID]] = []
        result.reserveCapacity(partitions)
        for _ in 0..<partitions {
            if currentPartitionId > 0 && currentPartitionId % n == 0 { nextReplicaShift += 1 }
            let first = (currentPartitionId + startIndex) % n
            let leader = arranged[first]
            var replicas = [leader]
            var racksWithReplicas: Set<String> = [rackOf[leader]!]
            var brokersWithReplicas: Set<BrokerID> = [leader]
            // One candidate counter per partition, not reset between followers (as in Kafka).
            var k = 0
            for _ in 0..<(replicationFactor - 1) {
                while true {
                    let candidate = arranged[
                        replicaIndex(
                            firstReplicaIndex: first, secondReplicaShift: nextReplicaShift * numRacks,
                            replicaIndex: k, brokerCount: n)]
                    let rack = rackOf[candidate]!
                    k += 1
                    // Skip a broker whose rack already has a replica while some rack has none, or a broker that
                    // already has a replica while some broker has none.
                    if (!racksWithReplicas.contains(rack) || racksWithReplicas.count == numRacks)
                        && (!brokersWithReplicas.contains(candidate) || brokersWithReplicas.count == n)
                    {
                        replicas.append(candidate)
                        racksWithReplicas.insert(rack)
                        brokersWithReplicas.insert(candidate)
                        break
                    }
                }
            }
            result.append(replicas)
            currentPartitionId += 1
        }
        return result
    }

    /// Kafka: `AdminUtils.getRackAlternatedBrokerList` — one broker from each rack in turn.
    ///
    /// Racks are sorted as Java sorts strings (`String.compareTo`, by UTF-16 code unit), brokers by id inside a
    /// rack; racks that ran out are skipped. Brokers without a rack are not in the list.
    public static func rackAlternatedBrokerList(_ brokers: [Broker]) -> [BrokerID] {
        var byRack: [String: [BrokerID]] = [:]
        for broker in brokers {
            guard let rack = broker.rack else { continue }
            byRack[rack, default: []].append(broker.id)
        }
        let racks = byRack.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        var iterators = racks.map { byRack[$0]!.sorted()[...] }
        let total = iterators.reduce(0) { $0 + $1.count }
        var result: [BrokerID] = []
        result.reserveCapacity(total)
        var rackIndex = 0
        while result.count < total {
            if let next = iterators[rackIndex].popFirst() { result.append(next) }
            rackIndex = (rackIndex + 1) % racks.count
        }
        return result
    }
}
