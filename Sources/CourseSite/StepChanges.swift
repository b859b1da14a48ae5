import Replication

/// What changed between two cluster snapshots, in words and as the set of changed broker-table cells.
struct StepChanges {
    /// Sentences such as "B3 left the ISR of P0, P6."
    var sentences: [String]
    /// Changed broker-table cells, as (broker id, column) with column 0 = Leaders, 1… = Followers.
    var changedCells: Set<CellID>
    /// Partitions whose replicas changed in any way (log, HW, ISR, leader), in order.
    var changedPartitions: [TopicPartition]
    /// Brokers whose running state changed.
    var changedBrokers: Set<BrokerID>

    struct CellID: Hashable {
        var broker: BrokerID
        var column: Int
    }

    init(from previous: Cluster?, to current: Cluster?) {
        sentences = []
        changedCells = []
        changedPartitions = []
        changedBrokers = []
        guard let current else { return }
        let before = previous ?? Cluster(seed: current.seed)
        let single = current.topics.count == 1
        func label(_ id: TopicPartition) -> String { single ? "P\(id.partition)" : id.description }

        let newBrokers = current.sortedBrokers.filter { before.brokers[$0.id] == nil }
        if !newBrokers.isEmpty {
            sentences.append("Brokers added: \(newBrokers.map(\.label).joined(separator: ", ")).")
        }
        for broker in current.sortedBrokers where before.brokers[broker.id] != nil {
            let (old, new) = (before.state(of: broker.id), current.state(of: broker.id))
            if old != new {
                changedBrokers.insert(broker.id)
                sentences.append("\(broker.label) is now \(new.rawValue) (was \(old.rawValue)).")
            }
        }
        var hwMoves: [String] = []
        var leftISR: [BrokerID: [String]] = [:]
        var joinedISR: [BrokerID: [String]] = [:]
        var leaderMoves: [String] = []
        for topic in current.sortedTopics {
            guard let old = before.topics[topic.name] else {
                sentences.append(
                    "Created topic \(topic.name): \(topic.partitions.count) partition\(topic.partitions.count == 1 ? "" : "s"), replication factor \(topic.replicationFactor)."
                )
                continue
            }
            if topic.partitions.count > old.partitions.count {
                let first = old.partitions.count
                let last = topic.partitions.count - 1
                sentences.append(
                    "Added partition\(first == last ? "" : "s") \(label(TopicPartition(topic.name, first)))\(first == last ? "" : "–" + label(TopicPartition(topic.name, last))) to \(topic.name)."
                )
            }
            for (partition, oldPartition) in zip(topic.partitions, old.partitions) {
                let name = label(partition.id)
                for broker in oldPartition.isr where !partition.isr.contains(broker) {
                    leftISR[broker, default: []].append(name)
                }
                for broker in partition.isr where !oldPartition.isr.contains(broker) {
                    joinedISR[broker, default: []].append(name)
                }
                if partition != oldPartition { changedPartitions.append(partition.id) }
                if partition.highWatermark != oldPartition.highWatermark {
                    hwMoves.append("\(name) \(oldPartition.highWatermark) → \(partition.highWatermark)")
                }
                if partition.leader != oldPartition.leader {
                    let from = oldPartition.leader.map { "B\($0)" } ?? "none"
                    let to = partition.leader.map { "B\($0)" } ?? "none"
                    leaderMoves.append("\(name) \(from) → \(to)")
                }
            }
        }
        for broker in leftISR.keys.sorted() {
            sentences.append("B\(broker) left the ISR of \(leftISR[broker]!.joined(separator: ", ")).")
        }
        for broker in joinedISR.keys.sorted() {
            sentences.append("B\(broker) joined the ISR of \(joinedISR[broker]!.joined(separator: ", ")).")
        }
        if !leaderMoves.isEmpty { sentences.append("New leaders: \(leaderMoves.joined(separator: "; ")).") }
        if !hwMoves.isEmpty { sentences.append("High watermark: \(hwMoves.joined(separator: "; ")).") }
        if current.now != before.now {
            sentences.append("Simulated time: \(SimulatedTime.text(before.now)) → \(SimulatedTime.text(current.now)).")
        }

        let oldTable = BrokerTable(cluster: before)
        let newTable = BrokerTable(cluster: current)
        let oldRows = Dictionary(uniqueKeysWithValues: oldTable.rows.map { ($0.broker.id, $0) })
        for row in newTable.rows {
            let oldRow = oldRows[row.broker.id]
            let columns = [row.leaders] + row.followers
            let oldColumns = oldRow.map { [$0.leaders] + $0.followers } ?? []
            for (index, cell) in columns.enumerated() where !cell.isEmpty || index < oldColumns.count {
                let oldCell = index < oldColumns.count ? oldColumns[index] : []
                if Set(cell) != Set(oldCell) { changedCells.insert(CellID(broker: row.broker.id, column: index)) }
            }
        }
    }
}
