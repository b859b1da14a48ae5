/// The simulated Kafka cluster: brokers, topics and their partitions, as one value.
///
/// A `Cluster` is a value: copying it takes a snapshot, which is how every step of a scenario keeps the state it
/// left behind. Nothing in it reads a clock or unseeded randomness, so the same commands give the same cluster.
public struct Cluster: Hashable, Sendable {
    /// Brokers by id.
    public internal(set) var brokers: [BrokerID: Broker] = [:]
    /// Topics by name.
    public internal(set) var topics: [String: Topic] = [:] {
        // Any write but `modifyPartition`'s and `modifyFollowerFetchState`'s (which know what they changed) may change
        // a leader or a partition's logs, so the followers' fetch routes are worked out again.
        didSet {
            if !engine.fetchRoutes.isHeld {
                engine.fetchRoutes.removeAll()
                topicMemo.forget()
            }
        }
    }
    /// Where the topic looked up last is in `topics` (see `TopicPositionMemo`).
    var topicMemo = TopicPositionMemo<Topic>()
    /// The seed every random choice of this cluster derives from.
    public let seed: UInt64
    /// The Kafka release this cluster behaves as.
    public let kafka: KafkaVersion
    /// How many topics were ever created (feeds topic ids).
    private var createdTopicCount = 0
    /// The controller's Java Random for striped placement, one per seed (see `assignReplicas`).
    var stripedRandoms: [Int64: JavaRandom] = [:]
    /// The replication engine: clock, events, broker states, requests, findings.
    var engine = EngineState()

    /// Creates an empty cluster of the given Kafka release.
    public init(seed: UInt64 = 0, kafka: KafkaVersion = .newest) {
        self.seed = seed
        self.kafka = kafka
    }

    /// What this cluster's Kafka release does where releases differ.
    public var behaviour: KafkaBehaviour { kafka.behaviour }

    /// Brokers sorted by id.
    public var sortedBrokers: [Broker] { brokers.values.sorted { $0.id < $1.id } }

    /// Topics sorted by name, as `kafka-topics --describe` lists them.
    public var sortedTopics: [Topic] { topics.values.sorted { $0.name < $1.name } }

    /// The order the course's broker table lists brokers in: the rack-alternated list when every broker has a rack
    /// (`R1-B0`, `R2-B3`, `R1-B1`, …), otherwise ascending id.
    public var brokersInDisplayOrder: [Broker] { Self.displayOrder(of: Array(brokers.values)) }

    /// The display order of any set of brokers; see `brokersInDisplayOrder`.
    public static func displayOrder(of brokers: [Broker]) -> [Broker] {
        let byID = brokers.sorted { $0.id < $1.id }
        guard !byID.isEmpty, byID.allSatisfy({ $0.rack != nil }) else { return byID }
        let lookup = Dictionary(uniqueKeysWithValues: byID.map { ($0.id, $0) })
        return AdminUtilsPlacement.rackAlternatedBrokerList(byID).map { lookup[$0]! }
    }

    /// The partition with this id, if the topic and partition exist.
    public func partition(_ id: TopicPartition) -> PartitionState? {
        guard let position = lookUpTopicPosition(of: id.topic), id.partition >= 0,
            id.partition < topics.values[position].partitions.count
        else { return nil }
        return topics.values[position].partitions[id.partition]
    }

    /// Reads the partition with this id in place and returns what `body` makes of it, or nil when it does not exist.
    ///
    /// The hot paths read one or two fields of a partition: `partition(_:)` would copy the whole value (its logs,
    /// follower states and ISR arrays) for each of them.
    func withPartition<Result>(_ id: TopicPartition, _ body: (PartitionState) -> Result) -> Result? {
        guard let position = lookUpTopicPosition(of: id.topic), id.partition >= 0,
            id.partition < topics.values[position].partitions.count
        else { return nil }
        return body(topics.values[position].partitions[id.partition])
    }

    /// Reads the partition with this id where it is stored, through the write accessor: no copy of its topic or of
    /// the partition (a dictionary's non-mutating read copies the value out). `body` must only read: the oracle is not
    /// told about this access. nil when the partition does not exist.
    mutating func readPartition<Result>(_ id: TopicPartition, _ body: (inout PartitionState) -> Result) -> Result? {
        guard let position = topicPosition(of: id.topic) else { return nil }
        engine.fetchRoutes.isHeld = true
        defer { engine.fetchRoutes.isHeld = false }
        return Self.element(of: &topics.values[position].partitions, at: id.partition, body)
    }

    /// `body` on the partition at `index`, if there is one.
    private static func element<Result>(
        of partitions: inout [PartitionState], at index: Int, _ body: (inout PartitionState) -> Result
    ) -> Result? {
        guard index >= 0, index < partitions.count else { return nil }
        return body(&partitions[index])
    }

    /// Calls `body` with every partition in topic-partition order, read in place: one topic lookup per topic, not
    /// one per partition (the fetch paths go through every partition on every fetch).
    func forEachPartition(_ body: (PartitionState) -> Void) {
        var topic = ""
        var position: Dictionary<String, Topic>.Index?
        for id in engine.partitionIDs {
            if position == nil || id.topic != topic {
                topic = id.topic
                position = lookUpTopicPosition(of: topic)
            }
            guard let position else { continue }
            body(topics.values[position].partitions[id.partition])
        }
    }

    /// Changes the partition with this id in place (it must exist): no copy of the partition, one topic lookup.
    ///
    /// Like NIO's `CircularBuffer.modify`, the one way the engine writes a partition; the oracle checks the partitions
    /// written this way after the event.
    @discardableResult
    mutating func modifyPartition<Result>(_ id: TopicPartition, _ body: (inout PartitionState) -> Result) -> Result {
        guard let position = topicPosition(of: id.topic) else { preconditionFailure("no topic \(id.topic)") }
        engine.touched.insert(id)
        var routesChanged = false
        engine.fetchRoutes.isHeld = true
        let result = Self.modify(&topics.values[position].partitions[id.partition], body, routesChanged: &routesChanged)
        engine.fetchRoutes.isHeld = false
        if routesChanged { engine.fetchRoutes.removeAll() }
        return result
    }

    /// Runs `body` on `state`; `routesChanged` is set when the leader or the set of logs changed (the followers'
    /// fetch routes depend on nothing else: replica assignments never change after creation).
    private static func modify<Result>(
        _ state: inout PartitionState, _ body: (inout PartitionState) -> Result, routesChanged: inout Bool
    ) -> Result {
        let leader = state.leader
        let logCount = state.logs.count
        let result = body(&state)
        routesChanged = state.leader != leader || state.logs.count != logCount
        return result
    }

    /// Changes the leader's view of one follower's fetches (Kafka: `Replica.updateFetchStateOrThrow`) in place.
    ///
    /// The oracle reads no fetch state, so unlike `modifyPartition` this does not mark the partition for checking:
    /// a fetch that only moves the follower's fetch times costs no check.
    mutating func modifyFollowerFetchState(
        _ id: TopicPartition, of follower: BrokerID, _ body: (inout FollowerFetchState) -> Void
    ) {
        guard let position = topicPosition(of: id.topic) else { preconditionFailure("no topic \(id.topic)") }
        engine.fetchRoutes.isHeld = true
        topics.values[position].partitions[id.partition].followerStates.modify(follower, default: FollowerFetchState())
        {
            body(&$0)
        }
        engine.fetchRoutes.isHeld = false
    }

    /// Adds a broker.
    public mutating func addBroker(_ broker: Broker) throws(ClusterError) {
        guard broker.id >= 0 else { throw .invalidBrokerID(broker.id) }
        guard brokers[broker.id] == nil else { throw .duplicateBroker(broker.id) }
        brokers[broker.id] = broker
        engine.runtimes[broker.id] = BrokerRuntime(now: engine.now)
    }

    /// Creates a topic and places its partitions, as a controller handling `CreateTopics` does.
    ///
    /// Kafka's validation order: topic name (`Topic.validate`), existence, then placement errors. With
    /// `replicaAssignment` (`kafka-topics --replica-assignment`) the partitions are those lists, checked by
    /// `validateManualAssignment`, and `partitions`, `replicationFactor` and `placement` only serve `add-partitions`.
    public mutating func createTopic(
        _ name: String, partitions: Int, replicationFactor: Int, placement: PlacementStrategy,
        configs: [String: String] = [:], replicaAssignment: [[BrokerID]]? = nil
    ) throws(KafkaError) {
        try Self.validateTopicName(name)
        guard topics[name] == nil else { throw .topicAlreadyExists(name) }
        for (key, value) in configs.sorted(by: { $0.key < $1.key }) {
            guard let config = TopicConfig.named(key) else { throw .invalidConfig("Unknown topic config name: \(key)") }
            if let problem = config.validate(value) { throw .invalidConfig(problem) }
        }
        let assignment: [[BrokerID]]
        if let replicaAssignment {
            try validateManualAssignment(replicaAssignment)
            assignment = replicaAssignment
        } else {
            assignment = try assignReplicas(
                placement, partitions: partitions, replicationFactor: replicationFactor, firstPartition: 0)
        }
        let partitionStates = try initialPartitions(
            topic: name, assignment: assignment, firstPartition: 0, replicationFactor: replicationFactor)
        topics[name] = Topic(
            name: name, id: .derived(seed: seed, name: name, ordinal: createdTopicCount), partitions: partitionStates,
            configs: configs, placement: placement)
        createdTopicCount += 1
        for index in partitionStates.indices { startPartition(TopicPartition(name, index)) }
        maybeScheduleControllerTasks()
    }

    /// Adds partitions to a topic until it has `totalCount`, as `kafka-topics --alter --partitions` does.
    ///
    /// Kafka (ZooKeeper mode): `AdminZkClient.createNewPartitionsAssignment` passes as start index the position, in
    /// the id-sorted broker list, of the first broker whose id is at least partition 0's first replica, and as
    /// `startPartitionId` the current partition count.
    public mutating func addPartitions(topic name: String, totalCount: Int) throws(KafkaError) {
        guard var topic = topics[name] else {
            throw .unknownTopicOrPartition("Topic '\(name)' does not exist.")
        }
        let current = topic.partitions.count
        guard totalCount > current else {
            throw .invalidPartitions(
                totalCount == current
                    ? "Topic already has \(current) partition(s)."
                    : "The topic \(name) currently has \(current) partition(s); \(totalCount) would not be an increase."
            )
        }
        let brokerList = sortedBrokers
        let firstReplica = topic.partitions[0].replicas.first ?? 0
        let startIndex = brokerList.firstIndex { $0.id >= firstReplica } ?? 0
        let strategy: PlacementStrategy
        switch topic.placement {
        case .adminUtils: strategy = .adminUtils(startIndex: startIndex)
        case .roundRobin(let index): strategy = .roundRobin(startIndex: index)
        case .striped: strategy = topic.placement
        }
        let assignment = try assignReplicas(
            strategy, partitions: totalCount - current, replicationFactor: topic.replicationFactor,
            firstPartition: current)
        topic.partitions += try initialPartitions(
            topic: name, assignment: assignment, firstPartition: current, replicationFactor: topic.replicationFactor)
        topics[name] = topic
        for index in current..<totalCount { startPartition(TopicPartition(name, index)) }
        maybeScheduleControllerTasks()
    }

    /// Kafka: `org.apache.kafka.common.internals.Topic.validate` — legal characters, length, not `.` or `..`.
    static func validateTopicName(_ name: String) throws(KafkaError) {
        if name.isEmpty { throw .invalidTopic("Topic name is illegal, it can't be empty") }
        if name == "." || name == ".." { throw .invalidTopic("Topic name cannot be \".\" or \"..\"") }
        if name.utf8.count > 249 {
            throw .invalidTopic("Topic name is illegal, it can't be longer than 249 characters, topic name: \(name)")
        }
        let legal = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || ".-_".unicodeScalars.contains(scalar))
        }
        if !legal {
            throw .invalidTopic(
                "Topic name \"\(name)\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'"
            )
        }
    }
}

/// A problem with a cluster command that is not a Kafka error (the scenario asked for something impossible).
public enum ClusterError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateBroker(BrokerID)
    case invalidBrokerID(BrokerID)
    /// The scenario names a broker that does not exist.
    case unknownBroker(BrokerID)
    /// The fault does not apply to the broker's current state (e.g. `resume` of a broker that is not stalled).
    case wrongState(BrokerID, BrokerState, String)

    public var description: String {
        switch self {
        case .unknownBroker(let id): "unknown broker \(id)"
        case .wrongState(let id, let state, let verb): "cannot \(verb) broker \(id): it is \(state.rawValue)"
        case .duplicateBroker(let id): "broker \(id) already exists"
        case .invalidBrokerID(let id): "broker id \(id) is invalid: ids are 0 or more"
        }
    }
}
