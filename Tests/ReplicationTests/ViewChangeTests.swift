import Testing

@testable import Replication

/// The cheap "did this view change?" answers (`BrokerTable.isUnchanged`, `TopicDescription.Kept`) against the full
/// comparison of what the views print, over seeded random scenarios: a "unchanged" answer must never hide a
/// change, whatever the scenario did (faults, elections, produce, config changes, added partitions, ELR on and off).
@Suite struct ViewChangeTests {
    /// Every state a seeded random scenario goes through, one per command.
    static func states(seed: UInt64, kafka: KafkaVersion) -> [Cluster] {
        var random = SplitMix64(seed: seed)
        var cluster = Cluster(seed: seed, kafka: kafka)
        let racked = seed % 2 == 0
        for id in 0..<4 { try! cluster.addBroker(Broker(id: id, rack: racked ? "R\(id % 2)" : nil)) }
        var states: [Cluster] = [cluster]
        var topics: [String] = []
        func topic() -> String? { topics.isEmpty ? nil : topics[Int.random(in: 0..<topics.count, using: &random)] }
        for step in 0..<60 {
            let broker = Int.random(in: 0..<4, using: &random)
            let state = cluster.state(of: broker)
            switch step == 0 ? 0 : Int.random(in: 0..<18, using: &random) {
            case 0, 1:
                guard topics.count < 3 else { break }
                let name = ["orders", "audit", "payments"][topics.count]
                let configs = Bool.random(using: &random) ? ["min.insync.replicas": "2"] : [:]
                if (try? cluster.createTopic(
                    name, partitions: Int.random(in: 1...3, using: &random),
                    replicationFactor: Int.random(in: 1...3, using: &random), placement: .adminUtils(startIndex: 0),
                    configs: configs)) != nil
                {
                    topics.append(name)
                }
            case 2: if state == .up || state == .stalled { try? cluster.apply(.crash, to: broker) }
            case 3: if state == .crashed || state == .shutDown { try? cluster.apply(.restart, to: broker) }
            case 4: if state == .up { try? cluster.apply(.stall, to: broker) }
            case 5: if state == .stalled { try? cluster.apply(.resume, to: broker) }
            case 6: if state == .up { try? cluster.apply(.isolate, to: broker) }
            case 7: if state == .isolated { try? cluster.apply(.heal, to: broker) }
            case 8: if state == .up { try? cluster.apply(.shutdown, to: broker) }
            case 9:
                if let name = topic() {
                    let values = ["min.insync.replicas": ["1", "2", "3"], "retention.ms": ["1000", "2000"]]
                    let key = Bool.random(using: &random) ? "min.insync.replicas" : "retention.ms"
                    try? cluster.setTopicConfig(name, key, values[key]!.randomElement(using: &random)!)
                }
            case 10:
                let values = ["1", "2"]
                try? cluster.setBrokerConfig("min.insync.replicas", values.randomElement(using: &random)!)
            case 11:
                if let name = topic(), let count = cluster.topics[name]?.partitions.count {
                    try? cluster.addPartitions(topic: name, totalCount: count + 1)
                }
            case 12:
                if let name = topic(), let count = cluster.topics[name]?.partitions.count {
                    let kind: LeaderElection.Kind = Bool.random(using: &random) ? .preferred : .unclean
                    try? cluster.elect(kind, partition: TopicPartition(name, Int.random(in: 0..<count, using: &random)))
                }
            case 13, 14, 15:
                if let name = topic(), let count = cluster.topics[name]?.partitions.count {
                    let id = TopicPartition(name, Int.random(in: 0..<count, using: &random))
                    let acks: Acks = Bool.random(using: &random) ? .all : .leader
                    _ = try? cluster.produce(to: id, values: ["v\(step)"], acks: acks)
                }
            default:
                cluster.advance(by: .milliseconds(Int64.random(in: 1...40, using: &random) * 500))
            }
            states.append(cluster)
        }
        return states
    }

    static let versions: [KafkaVersion] = [.v37, .newest]

    /// Over the states of seeded random scenarios (consecutive ones, and ones seven steps apart where more differs
    /// at once): whenever `isUnchanged` says so, `prints` gives the same for both. Returns how often it said so.
    static func neverHidesAChange<Printed: Equatable>(
        seed: Int, _ isUnchanged: (Cluster, Cluster) -> Bool, _ prints: (Cluster) -> Printed
    ) -> Int {
        var unchanged = 0
        for kafka in versions {
            let states = Self.states(seed: UInt64(seed), kafka: kafka)
            for distance in [1, 7] {
                for (before, after) in zip(states, states.dropFirst(distance)) where isUnchanged(before, after) {
                    unchanged += 1
                    #expect(prints(before) == prints(after), "seed \(seed), \(kafka): a change was said not to be one")
                }
            }
        }
        return unchanged
    }

    @Test(arguments: 0..<30)
    func unchangedBrokerTableNeverHidesAChange(seed: Int) {
        let unchanged = Self.neverHidesAChange(seed: seed, BrokerTable.isUnchanged) { BrokerTable(cluster: $0) }
        #expect(unchanged > 0, "the scenarios have steps that leave the broker table alone")
    }

    /// Each input the describe prints, changed alone, is seen: the kept description says "changed" and makes the new
    /// lines, and the broker table's cheap answer is not "unchanged" for what it prints.
    @Test func everyPrintedInputIsCompared() throws {
        var cluster = Cluster(seed: 3)
        for id in 0..<3 { try cluster.addBroker(Broker(id: id)) }
        try cluster.createTopic("t", partitions: 2, replicationFactor: 3, placement: .adminUtils(startIndex: 0))
        let base = cluster
        var kept = TopicDescription.Kept()
        let first = kept.update(to: base)
        let again = kept.update(to: cluster)
        #expect(first && !again)
        var changed: [Cluster] = []
        var leader = base
        leader.topics["t"]!.partitions[1].leader = 2
        var isr = base
        isr.topics["t"]!.partitions[0].isr = [0, 1]
        var elr = base
        elr.topics["t"]!.partitions[0].elr = [2]
        var lastKnown = base
        lastKnown.topics["t"]!.partitions[0].lastKnownElr = [2]
        var replicas = base
        replicas.topics["t"]!.partitions[0].replicas = [0, 2, 1]
        var ownConfig = base
        try ownConfig.setTopicConfig("t", "retention.ms", "5")
        var clusterWide = base
        try clusterWide.setBrokerConfig("min.insync.replicas", "2")
        var partitions = base
        try partitions.addPartitions(topic: "t", totalCount: 3)
        var topics = base
        try topics.createTopic("u", partitions: 1, replicationFactor: 1, placement: .adminUtils(startIndex: 0))
        changed = [leader, isr, elr, lastKnown, replicas, ownConfig, clusterWide, partitions, topics]
        for (index, other) in changed.enumerated() {
            #expect(TopicDescription(cluster: base).lines != TopicDescription(cluster: other).lines, "\(index)")
            var fromBase = kept
            let changed = fromBase.update(to: other)
            #expect(changed, "\(index)")
            #expect(fromBase.lines == TopicDescription(cluster: other).lines, "\(index)")
        }
        for other in [leader, isr, replicas, partitions, topics] {
            #expect(!BrokerTable.isUnchanged(from: base, to: other))
        }
        var crashed = base
        try crashed.apply(.crash, to: 1)
        #expect(!BrokerTable.isUnchanged(from: base, to: crashed))
    }

    /// The kept description (`TopicDescription.Kept`, which remakes only the lines whose inputs changed) against the
    /// description made afresh, over seeded random scenarios: its lines are always those made afresh, and it says
    /// "changed" exactly when they differ from the lines before. States are taken one and seven steps apart, and
    /// the kept description is also carried across Kafka versions (what `--describe` prints differs by release).
    @Test(arguments: 0..<30)
    func keptDescribeIsTheFreshOne(seed: Int) {
        var kept = TopicDescription.Kept()
        var last: [String]?
        var changes = 0
        for kafka in Self.versions {
            let states = Self.states(seed: UInt64(seed), kafka: kafka)
            for distance in [1, 7] {
                for state in stride(from: 0, to: states.count, by: distance).map({ states[$0] }) {
                    let fresh = TopicDescription(cluster: state).lines
                    let changed = kept.update(to: state)
                    #expect(kept.lines == fresh, "seed \(seed), \(kafka)")
                    #expect(changed == (last != fresh), "seed \(seed), \(kafka)")
                    changes += changed ? 1 : 0
                    last = fresh
                }
            }
        }
        #expect(changes > 1, "the scenarios change --describe")
    }

    /// A replica table's rows made alone (`ReplicaTable.rows`, the table a step's is compared with) are the rows of
    /// the whole table.
    @Test(arguments: 0..<10)
    func replicaRowsAreTheTableRows(seed: Int) {
        for state in Self.states(seed: UInt64(seed), kafka: .newest) {
            for topic in state.sortedTopics {
                for partition in topic.partitions {
                    let rows = ReplicaTable.rows(cluster: state, partition: partition.id)
                    #expect(rows != nil)
                    #expect(rows == ReplicaTable(cluster: state, partition: partition.id)?.rows)
                }
            }
        }
        #expect(ReplicaTable.rows(cluster: Cluster(seed: 1), partition: TopicPartition("none", 0)) == nil)
    }

    /// The bytes a `--describe` row line and a step's sentences are written with: numbers as `String(_:)` writes
    /// them (zero, negatives, the extremes, seeded random ones), lists comma-separated, text as its UTF-8.
    @Test func textBytesWriteWhatStringsWould() {
        var random = SplitMix64(seed: 11)
        let numbers =
            [0, 1, 9, 10, -1, -10, 1234, Int.max, Int.min]
            + (0..<200).map { _ in Int.random(in: -99_999...99_999, using: &random) }
        for number in numbers {
            var line = TextBytes(capacity: 0)
            line.append(number)
            #expect(line.text == String(number))
        }
        for number in [Int64.max, Int64.min, -1] {
            var line = TextBytes(capacity: 0)
            line.append(number)
            #expect(line.text == String(number))
        }
        var line = TextBytes(capacity: 4)
        line.append("\tIsr: ")
        line.append(csv: [3, 10, 0])
        line.append(csv: [])
        line.append(" – é")
        #expect(line.text == "\tIsr: 3,10,0 – é")
    }

    /// The broker table (its rows filled in place) against one made the straightforward way (entries gathered per
    /// broker in dictionaries, then rows made of them), for all topics and for each topic, over seeded random
    /// scenarios.
    @Test(arguments: 0..<10)
    func brokerTableIsTheStraightforwardOne(seed: Int) {
        for kafka in Self.versions {
            for state in Self.states(seed: UInt64(seed), kafka: kafka) {
                #expect(BrokerTable(cluster: state).rows == Self.straightforwardRows(state, topic: nil))
                for topic in state.topics.keys {
                    #expect(
                        BrokerTable(cluster: state, topic: topic).rows == Self.straightforwardRows(state, topic: topic))
                }
            }
        }
    }

    static func straightforwardRows(_ cluster: Cluster, topic: String?) -> [BrokerTable.Row] {
        let topics = topic.map { name in cluster.topics[name].map { [$0] } ?? [] } ?? cluster.sortedTopics
        let partitions = topics.flatMap(\.partitions)
        let columns = partitions.map { $0.replicas.count - ($0.leader == nil ? 0 : 1) }.max() ?? 0
        var leaders: [BrokerID: [BrokerTable.Entry]] = [:]
        var followers: [BrokerID: [[BrokerTable.Entry]]] = [:]
        for partition in partitions {
            let label =
                topics.count == 1 ? "P\(partition.id.partition)" : "\(partition.id.topic)-\(partition.id.partition)"
            func entry(_ broker: BrokerID) -> BrokerTable.Entry {
                var marks: BrokerTable.Marks = []
                if !partition.isr.contains(broker) { marks.insert(.outOfSync) }
                if partition.leader == nil { marks.insert(.noLeader) }
                return BrokerTable.Entry(label: label, partition: partition.id, marks: marks)
            }
            if let leader = partition.leader { leaders[leader, default: []].append(entry(leader)) }
            for (position, broker) in partition.replicas.filter({ $0 != partition.leader }).enumerated()
            where position < columns {
                followers[broker, default: Array(repeating: [], count: columns)][position].append(entry(broker))
            }
        }
        return cluster.brokersInDisplayOrder.map { broker in
            BrokerTable.Row(
                broker: broker, state: cluster.state(of: broker.id), leaders: leaders[broker.id] ?? [],
                followers: followers[broker.id] ?? Array(repeating: [], count: columns))
        }
    }

    /// A broker table's partition label written as bytes is `"P" + String(n)`, for every number of digits.
    @Test func partitionLabelsAreThoseOfStrings() {
        for partition in [0, 1, 9, 10, 99, 100, 12_345, 999_999, 1_000_000, 123_456_789, -1] {
            #expect(BrokerTable.label(partition: partition) == "P" + String(partition))
        }
    }
}
